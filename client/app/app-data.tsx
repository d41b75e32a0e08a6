// What every page may rely on once the shell has loaded: the UI config and the signed-in user. The root
// route loads both (in parallel with the page's own data) and renders pages only when both are there,
// so pages read them synchronously and never show a flag flipping after the first paint.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as v from 'valibot';
import { createContext, use, useMemo, type ReactNode } from 'react';
import { AuthUserResponseSchema, type User } from '../../contract/api-common';
import { BOOTSTRAP_ELEMENT_ID, BootstrapSchema } from '../../contract/bootstrap';
import { formatInstant } from '../../contract/date-format';
import { ClientConfigSchema, type ClientConfig } from '../../contract/client-config';
import { getPageUser, requestJson, setPageUser } from '../lib/api-client';

export const clientConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['client-config'] as const,
    queryFn: ({ signal }) => requestJson('/api/config', ClientConfigSchema, { signal }),
    staleTime: Infinity,
  });

/** Who the session belongs to now (GET /api/auth_user). */
export async function fetchSessionUser(signal?: AbortSignal): Promise<User> {
  return (await requestJson('/api/auth_user', AuthUserResponseSchema, { signal })).user;
}

/**
 * The first user this page learns of is the one it was rendered for, for the rest of its life: every
 * request names them (api-client.ts), and a later answer naming someone else does not change that.
 */
function pinPageUser(user: User): void {
  if (getPageUser() === null) setPageUser(user.user_id);
}

export const authUserQueryOptions = () =>
  queryOptions({
    queryKey: ['auth-user'] as const,
    queryFn: async ({ signal }) => {
      const user = await fetchSessionUser(signal);
      pinPageUser(user);
      return user;
    },
    staleTime: 5 * 60_000,
  });

/**
 * The user and UI config the BFF wrote into the page (contract/bootstrap.ts): put in the query cache,
 * so the shell renders without asking for them. Anything missing or unexpected is simply fetched.
 */
export function seedFromPage(queryClient: QueryClient, doc: Document = document): void {
  const text = doc.getElementById(BOOTSTRAP_ELEMENT_ID)?.textContent;
  if (!text) return;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  const parsed = v.safeParse(BootstrapSchema, data);
  if (!parsed.success) return;
  pinPageUser(parsed.output.user);
  queryClient.setQueryData(authUserQueryOptions().queryKey, parsed.output.user);
  queryClient.setQueryData(clientConfigQueryOptions().queryKey, parsed.output.config);
}

export interface AppData {
  config: ClientConfig;
  user: User;
}

const AppDataContext = createContext<AppData | null>(null);

export function AppDataProvider({ value, children }: { value: AppData; children: ReactNode }) {
  return <AppDataContext value={value}>{children}</AppDataContext>;
}

function useAppData(): AppData {
  const data = use(AppDataContext);
  if (!data) throw new Error('useUiConfig and useCurrentUser need the root layout above them');
  return data;
}

export function useUiConfig(): ClientConfig {
  return useAppData().config;
}

/** The documentTitle of the UI config, or "Nansen" where the shell has not loaded (error pages). */
export function useDocumentTitle(): string {
  return use(AppDataContext)?.config.documentTitle ?? 'Nansen';
}

export function useCurrentUser(): User {
  return useAppData().user;
}

export type DateStyle = keyof ClientConfig['date'];

export const isTime = (epochSeconds: number | null | undefined): epochSeconds is number =>
  epochSeconds !== null && epochSeconds !== undefined && Number.isFinite(epochSeconds) && epochSeconds > 0;

/**
 * Formats Amundsen timestamps (epoch seconds, instants) with the UI config's date formats, in the
 * browser's zone, naming the zone wherever a time of day shows (decision 045); null for none.
 */
export function useFormatDate(): (epochSeconds: number | null | undefined, style?: DateStyle) => string | null {
  const formats = useUiConfig().date;
  return useMemo(() => (epochSeconds, style = 'default') => (isTime(epochSeconds) ? formatInstant(epochSeconds, formats[style]) : null), [formats]);
}
