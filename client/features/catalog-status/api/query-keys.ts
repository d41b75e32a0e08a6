export const catalogStatusKeys = {
  all: ['catalog-status'] as const,
  lastIndexed: () => [...catalogStatusKeys.all, 'last-indexed'] as const,
};
