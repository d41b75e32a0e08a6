// The browse feature's query keys: the catalog's tags (with usage counts) and badges.
export const browseKeys = {
  all: ['browse'] as const,
  tags: () => [...browseKeys.all, 'tags'] as const,
  badges: () => [...browseKeys.all, 'badges'] as const,
};
