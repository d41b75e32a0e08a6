// Routes keep Amundsen's URLs so saved links work. Each page's component is code-split; its loader
// starts the page's data request at once (in parallel with the code download) without blocking
// navigation, so the page shows its own loading state.
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { buildTableKey } from '../../contract/table-key';
import { clientConfigQueryOptions } from '../features/app-config/api/get-client-config';
import { authUserQueryOptions } from '../features/auth/api/get-auth-user';
import { popularTablesQueryOptions } from '../features/popular-tables/api/get-popular-tables';
import { searchTablesQueryOptions } from '../features/search/api/search-tables';
import { parseSearchParams } from '../features/search/search-params';
import { tableQueryOptions } from '../features/table/api/get-table';
import { AppShellFallback, PageErrorBoundary, RootErrorBoundary } from './routes/error-boundary';
import { RootLayout } from './routes/root-layout';

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: AppShellFallback,
      loader: () => {
        void queryClient.prefetchQuery(authUserQueryOptions());
        void queryClient.prefetchQuery(clientConfigQueryOptions());
        return null;
      },
      children: [
        {
          ErrorBoundary: PageErrorBoundary,
          children: [
            {
              index: true,
              loader: () => {
                void queryClient.prefetchQuery(popularTablesQueryOptions());
                return null;
              },
              lazy: () => import('./routes/home-route').then((m) => ({ Component: m.HomeRoute })),
            },
            {
              path: 'search',
              loader: ({ request }) => {
                const params = parseSearchParams(new URL(request.url).searchParams);
                if (params.term) void queryClient.prefetchQuery(searchTablesQueryOptions(params));
                return null;
              },
              lazy: () => import('./routes/search-route').then((m) => ({ Component: m.SearchRoute })),
            },
            {
              path: 'table_detail/:cluster/:database/:schema/:table',
              loader: ({ params }) => {
                const { cluster, database, schema, table } = params;
                if (cluster && database && schema && table) {
                  const key = buildTableKey({ cluster, database, schema, name: table });
                  void queryClient.prefetchQuery(tableQueryOptions(key));
                }
                return null;
              },
              lazy: () => import('./routes/table-route').then((m) => ({ Component: m.TableRoute })),
            },
            {
              path: 'user/:userId',
              lazy: () => import('./routes/user-route').then((m) => ({ Component: m.UserRoute })),
            },
            {
              path: '*',
              lazy: () => import('./routes/not-found-route').then((m) => ({ Component: m.NotFoundRoute })),
            },
          ],
        },
      ],
    },
  ]);
}
