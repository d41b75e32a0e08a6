// The pages and their URLs (Amundsen's, so saved links work), in react-router's declarative mode:
// the data router costs ~16 KB gzip more on the first page (decision 007). Every page is its own
// chunk; a page module exports its component and `prefetch`, which runs as soon as a navigation
// matches it, so the page's data loads in parallel with its code and the page shows its own skeleton.
import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useLayoutEffect, type ComponentType } from 'react';
import { matchRoutes, Route, Routes, useLocation } from 'react-router';
import { SkeletonPage } from '../components/skeleton';
import type { Prefetch } from './prefetch';
import { PageErrorBoundary } from './routes/error-boundary';

interface PageModule {
  default: ComponentType;
  prefetch?: Prefetch;
}

const PAGES: { path: string; load: () => Promise<PageModule> }[] = [
  { path: '/', load: () => import('./routes/home-route') },
  { path: '/search', load: () => import('./routes/search-route') },
  { path: '/browse', load: () => import('./routes/browse-route') },
  { path: '/announcements', load: () => import('./routes/announcements-route') },
  { path: '/table_detail/:cluster/:database/:schema/:table', load: () => import('./routes/table-route') },
  { path: '/dashboard/:uri', load: () => import('./routes/dashboard-route') },
  { path: '/user/:userId', load: () => import('./routes/user-route') },
  { path: '*', load: () => import('./routes/not-found-route') },
];

const ROUTES = PAGES.map((page) => ({ path: page.path, page, Component: lazy(page.load) }));

/** Start the matched page's data requests (and code) before it renders. */
function usePrefetchOnNavigate(queryClient: QueryClient) {
  const location = useLocation();
  useLayoutEffect(() => {
    const match = matchRoutes(ROUTES, location)?.[0];
    if (!match) return;
    const searchParams = new URLSearchParams(location.search);
    void match.route.page.load().then((m) => m.prefetch?.(queryClient, { params: match.params, searchParams }));
  }, [location, queryClient]);
}

export function AppRoutes({ queryClient }: { queryClient: QueryClient }) {
  const location = useLocation();
  usePrefetchOnNavigate(queryClient);
  return (
    // A new page gets a fresh error boundary.
    <PageErrorBoundary key={location.pathname}>
      <Suspense fallback={<SkeletonPage label="Loading the page" />}>
        <Routes>
          {ROUTES.map(({ path, Component }) => (
            <Route key={path} path={path} element={<Component />} />
          ))}
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}
