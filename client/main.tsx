import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { authUserQueryOptions, clientConfigQueryOptions, seedFromPage } from './app/app-data';
import { AppProviders } from './app/providers';
import { startFirstPage } from './app/router';
import { RootLayout } from './app/routes/root-layout';
import { redirectToLogin, tellSessionEnded } from './lib/login-redirect';
import { createQueryClient } from './lib/query-client';
import './app/tokens.css';
// Kit parts nearly every page shows load with the shell: in the first script they compress better than
// as small files of their own, which the bundler would otherwise split off for each page (decision 007).
import './components/chip';
import './components/query-state';
import './components/resource-list';
// The home page's panels (and Browse's): on their own they were a script and a stylesheet of 0.3 kB
// each, which cost the first page 0.5 kB gzip more than in the first script and stylesheet; the other
// pages carry 0.1–0.2 kB more for it (`npm run bench:bundle`, decision 007).
import './components/panel';
// The home page's small shared modules (its lists' shapes and summaries, Browse's tag and badge reads):
// as four chunks of their own they cost the first page ~0.6 kB gzip more than in the first script; the
// search, table and dashboard pages load less too, the lineage, announcement and not-found pages
// 0.2–0.4 kB more (2026-12-08, `npm run bench:bundle`, decision 007).
import '../contract/api-user-lists';
import '../contract/table-summary';
import './features/browse/api/get-tags';
import './features/browse/api/get-badges';

const queryClient = createQueryClient({ onUnauthorized: redirectToLogin, onUnauthorizedRefresh: tellSessionEnded });
// The shell's data: written into the page by the BFF, else asked for before React renders.
seedFromPage(queryClient);
void queryClient.prefetchQuery(authUserQueryOptions());
void queryClient.prefetchQuery(clientConfigQueryOptions());
// The first page's code arrives with the app's and its requests start before React's first render,
// which would otherwise hold them up by tens of milliseconds on a busy machine. (Not a top-level await:
// with one, the bundler splits the app's first script into many small files.)
const root = document.getElementById('root')!;
void startFirstPage(queryClient, root).then(() => {
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <BrowserRouter>
          <RootLayout />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
});
