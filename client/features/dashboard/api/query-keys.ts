// Every cache key of the dashboard feature, built here and nowhere else.
export const dashboardKeys = {
  all: ['dashboard'] as const,
  detail: (uri: string) => [...dashboardKeys.all, uri, 'detail'] as const,
  /** Mutation key of every edit of one dashboard (its tags). */
  edit: (uri: string) => [...dashboardKeys.all, uri, 'edit'] as const,
};
