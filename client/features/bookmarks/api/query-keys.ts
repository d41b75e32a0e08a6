// The bookmarks feature's query keys: the signed-in user's list now; the bookmark toggles (a later
// issue) invalidate `bookmarkKeys.all`.
export const bookmarkKeys = {
  all: ['bookmarks'] as const,
  mine: () => [...bookmarkKeys.all, 'mine'] as const,
};
