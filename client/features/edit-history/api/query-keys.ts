// Every cache key of the edit history feature, built here and nowhere else.
export type HistoryResourceType = 'table' | 'dashboard';

export const editHistoryKeys = {
  all: ['edit-history'] as const,
  resource: (type: HistoryResourceType, key: string) => [...editHistoryKeys.all, type, key] as const,
  user: (userId: string) => [...editHistoryKeys.all, 'user', userId] as const,
};
