// The shell around every page: loads the UI config and the signed-in user (pages render once both are
// there), the nav bar, keyboard shortcuts, focus and scroll handling on navigation.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useAppLinkClicks } from '../../components/app-link';
import { lazyPart } from '../../components/lazy-part';
import { PageTitle } from '../../components/page-title';
import { SkeletonPage } from '../../components/skeleton';
import { ErrorState } from '../../components/state';
import { AppDataProvider, authUserQueryOptions, clientConfigQueryOptions } from '../app-data';
import { AppRoutes } from '../router';
import { useGlobalShortcuts } from '../shell/keyboard-shortcuts';
import { NavBar } from '../shell/nav-bar';
import { useFocusHeadingOnNavigate } from '../shell/use-focus-heading-on-navigate';
import { useScrollRestoration } from '../shell/use-scroll-restoration';
import './root-layout.css';

// Not needed for the first page (it acts on focus and on a refused request, both later): loaded after it,
// which keeps the first page's code within its budget (decision 007).
const SessionUserCheck = lazyPart(() => import('../shell/session-user-check'));
// Loaded the first time it is opened; if its code does not arrive, it closes again (the next "?" asks again).
const KeyboardShortcutsDialog = lazyPart(
  () => import('../shell/keyboard-shortcuts-dialog'),
  ({ onClose }) => {
    useEffect(onClose, [onClose]);
    return null;
  },
);

export function RootLayout() {
  const config = useQuery(clientConfigQueryOptions());
  const user = useQuery(authUserQueryOptions());
  const queryClient = useQueryClient();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useGlobalShortcuts(showShortcuts);
  useFocusHeadingOnNavigate();
  useScrollRestoration();
  useAppLinkClicks();

  if (config.isError || user.isError) {
    const failed = config.isError ? config : user;
    return (
      <main id="main" className="page">
        <PageTitle title="Error" />
        <h1>Nansen could not start</h1>
        <ErrorState title="The app's settings could not be loaded" error={failed.error} onRetry={() => void failed.refetch()} />
      </main>
    );
  }
  if (!config.data || !user.data) {
    return (
      <main id="main" className="page">
        <SkeletonPage label="Loading Nansen" />
      </main>
    );
  }
  return (
    <AppDataProvider value={{ config: config.data, user: user.data }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar onShowShortcuts={showShortcuts} />
      <Suspense fallback={null}>
        <SessionUserCheck />
      </Suspense>
      <main id="main" className="page" tabIndex={-1}>
        <AppRoutes queryClient={queryClient} />
      </main>
      {shortcutsOpen ? (
        <Suspense fallback={null}>
          <KeyboardShortcutsDialog open onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      ) : null}
    </AppDataProvider>
  );
}
