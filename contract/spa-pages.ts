// The SPA's pages: their URL patterns (react-router's syntax) and the module of each, as Vite's build
// manifest names it (relative to client/). The client's router loads these modules; the BFF reads the
// manifest to tell the browser, in the page it serves, which files the requested page will need
// (server/spa/page-preloads.ts), so they download while the app's first script runs.

export const SPA_PAGES = [
  { path: '/', module: 'app/routes/home-route.tsx' },
  { path: '/search', module: 'app/routes/search-route.tsx' },
  { path: '/browse', module: 'app/routes/browse-route.tsx' },
  { path: '/announcements', module: 'app/routes/announcements-route.tsx' },
  { path: '/table_detail/:cluster/:database/:schema/:table', module: 'app/routes/table-route.tsx' },
  { path: '/lineage/table/:cluster/:database/:schema/:table', module: 'app/routes/lineage-route.tsx' },
  { path: '/dashboard/:uri', module: 'app/routes/dashboard-route.tsx' },
  { path: '/user/:userId', module: 'app/routes/user-route.tsx' },
  { path: '*', module: 'app/routes/not-found-route.tsx' },
] as const;

export type SpaPageModule = (typeof SPA_PAGES)[number]['module'];
/** A page's URL pattern; `*` is the catch-all, the "Page not found". */
export type SpaPagePattern = (typeof SPA_PAGES)[number]['path'];

