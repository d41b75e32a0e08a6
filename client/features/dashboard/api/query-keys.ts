// Every cache key of the dashboard feature, built here and nowhere else.
export const dashboardKeys = {
  all: ['dashboard'] as const,
  detail: (uri: string) => [...dashboardKeys.all, uri, 'detail'] as const,
};
