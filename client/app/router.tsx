// The pages and their URLs (Amundsen's, so saved links work), in react-router's declarative mode:
// the data router costs ~16 KB gzip more on the first page (decision 007). Every page is its own
// chunk; a page module exports its component and `prefetch`, which runs as soon as a navigation
// matches it, so the page's data loads in parallel with its code and the page shows its own skeleton.
import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useLayoutEffect, useState, type ComponentType } from 'react';
import { matchRoutes, Route, Routes, useLocation } from 'react-router';
import { SkeletonPage } from '../components/skeleton';
import { SPA_PAGES, type SpaPageModule } from '../../contract/spa-pages';
import type { Prefetch } from './prefetch';
import { PageErrorBoundary } from './routes/error-boundary';

interface PageModule {
  default: ComponentType;
  prefetch?: Prefetch;
}

// One loader per page module of contract/spa-pages.ts (the BFF preloads the same modules).
const LOADERS: Record<SpaPageModule, () => Promise<PageModule>> = {
  'app/routes/home-route.tsx': () => import('./routes/home-route'),
  'app/routes/search-route.tsx': () => import('./routes/search-route'),
  'app/routes/browse-route.tsx': () => import('./routes/browse-route'),
  'app/routes/announcements-route.tsx': () => import('./routes/announcements-route'),
  'app/routes/table-route.tsx': () => import('./routes/table-route'),
  'app/routes/lineage-route.tsx': () => import('./routes/lineage-route'),
  'app/routes/dashboard-route.tsx': () => import('./routes/dashboard-route'),
  'app/routes/user-route.tsx': () => import('./routes/user-route'),
  'app/routes/not-found-route.tsx': () => import('./routes/not-found-route'),
};

const PAGES: { path: string; load: () => Promise<PageModule> }[] = SPA_PAGES.map(({ path, module }) => ({ path, load: LOADERS[module] }));

type PageEntry = (typeof PAGES)[number];

/**
 * Loaded page modules, rendered directly. Not `React.lazy`: a page that suspends shows the Suspense
 * fallback, and React then holds back the page for up to 300 ms after that fallback appeared (its
 * reveal throttle), which was most of the time to a first search result (docs/benchmarks.md).
 */
const loadedPages = new Map<PageEntry, ComponentType>();

function PageLoader({ page }: { page: PageEntry }) {
  const [loaded, setLoaded] = useState<{ Page?: ComponentType; error?: unknown }>(() => ({ Page: loadedPages.get(page) }));
  useEffect(() => {
    if (loaded.Page) return;
    let current = true;
    page.load().then(
      (module) => {
        loadedPages.set(page, module.default);
        if (current) setLoaded({ Page: module.default });
      },
      (error: unknown) => current && setLoaded({ error }),
    );
    return () => {
      current = false;
    };
  }, [page, loaded.Page]);
  if (loaded.error) throw loaded.error; // to the page's error boundary (a new version, a lost connection)
  return loaded.Page ? <loaded.Page /> : <SkeletonPage label="Loading the page" />;
}

const ROUTES = PAGES.map((page) => ({ path: page.path, page, element: <PageLoader page={page} /> }));

/** Load the page at `location` and start its data requests (prefetch); resolves when both have started. */
function startPage(queryClient: QueryClient, location: { pathname: string; search: string }): Promise<void> {
  const match = matchRoutes(ROUTES, location)?.[0];
  if (!match) return Promise.resolve();
  const { page } = match.route;
  const { params } = match;
  const searchParams = new URLSearchParams(location.search);
  return page.load().then(
    (m) => {
      loadedPages.set(page, m.default);
      m.prefetch?.(queryClient, { params, searchParams, pathname: location.pathname });
    },
    () => {}, // the page shows the failure when it renders
  );
}

/**
 * The first page: its code and data start loading with the shell's. Resolves once the page's requests
 * are on their way (or after 500 ms), so the app can render after that: the page then renders at
 * once, without a skeleton first, and its requests do not wait behind React's first render.
 * Where the BFF drew the page in `root` (the search page's first results, decision 023), up to 10 s:
 * the app's first render replaces what `root` holds, and a skeleton in place of the results drawn
 * there would be results vanishing, then coming back, on a slow device (decision 109).
 */
export function startFirstPage(queryClient: QueryClient, root: Element): Promise<void> {
  const waitMs = root.firstChild ? 10_000 : 500;
  return Promise.race([startPage(queryClient, window.location), new Promise<void>((resolve) => setTimeout(resolve, waitMs))]);
}

/** Start the matched page's data requests (and code) before it renders. */
function usePrefetchOnNavigate(queryClient: QueryClient) {
  const location = useLocation();
  useLayoutEffect(() => void startPage(queryClient, location), [location, queryClient]);
}

export function AppRoutes({ queryClient }: { queryClient: QueryClient }) {
  const location = useLocation();
  usePrefetchOnNavigate(queryClient);
  return (
    // A new page gets a fresh error boundary.
    <PageErrorBoundary key={location.pathname}>
      <Suspense fallback={<SkeletonPage label="Loading the page" />}>
        <Routes>
          {ROUTES.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </Suspense>
    </PageErrorBoundary>
  );
}
