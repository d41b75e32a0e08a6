// For component tests: renders under what the shell provides (UI config, signed-in user, router,
// query client, toasts), with the config's defaults unless a test changes them.
import * as v from 'valibot';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { User } from '../../../contract/api-common';
import { toClientConfig, UiConfigFileSchema, type ClientConfig, type UiConfigFile } from '../../../contract/ui-config';
import { normalizeUser } from '../../../contract/user';
import { AppDataProvider } from '../../app/app-data';
import { useAppLinkClicks } from '../app-link';
import { ToastProvider } from '../toast';

/** What the shell installs for every page: app links move within the (memory) router. */
function AppLinkClicks() {
  useAppLinkClicks();
  return null;
}

export function testConfig(file: Partial<UiConfigFile> = {}, switches: { indexUsers?: boolean; indexDashboards?: boolean } = {}): ClientConfig {
  return toClientConfig(v.parse(UiConfigFileSchema, file), {
    providerName: 'Test',
    indexUsers: switches.indexUsers ?? false,
    indexDashboards: switches.indexDashboards ?? true,
    logoUrl: null,
  });
}

export function testUser(fields: Partial<User> = {}): User {
  return normalizeUser({ user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen', ...fields })!;
}

/** `queryClient`: the app's own (createQueryClient, with its retry rule) where a test needs it; by default one that never retries. */
export function renderWithApp(ui: ReactNode, options: { config?: ClientConfig; user?: User; route?: string; queryClient?: QueryClient } = {}) {
  const queryClient = options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[options.route ?? '/']}>
          <AppLinkClicks />
          <AppDataProvider value={{ config: options.config ?? testConfig(), user: options.user ?? testUser() }}>{ui}</AppDataProvider>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/** The page's status regions: every role="status" but the toasts' (ToastProvider's, there from the start). */
export function pageStatuses(): HTMLElement[] {
  return screen.queryAllByRole('status').filter((status) => !status.closest('[aria-label="Notifications"]'));
}

/** The one status region of the page (not the toasts'). */
export function pageStatus(): HTMLElement {
  const [status, ...more] = pageStatuses();
  if (!status || more.length > 0) throw new Error(`expected one status region on the page, found ${more.length + (status ? 1 : 0)}`);
  return status;
}

/** What the toasts' status region says now ("" when no polite toast is shown). */
export function toastsSaid(): string {
  return within(screen.getByRole('region', { name: 'Notifications' })).getByRole('status').textContent ?? '';
}
