// For the search feature's component tests: the app's context (UI config, user, router, query client)
// around a component, a fetch that answers like the BFF's search route, and a log of where the router
// went (the URL and whether it was a push or a replace).
import * as v from 'valibot';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation, useNavigationType } from 'react-router';
import { vi } from 'vitest';
import type { Badge, TagUsage } from '../../../../contract/api-common';
import type { DashboardSearchResult, SearchRequest, SearchResponse, TableSearchResult, UserSearchResult } from '../../../../contract/api-search';
import { toClientConfig, UiConfigFileSchema, type ClientConfig, type UiConfigFile } from '../../../../contract/ui-config';
import { normalizeUser } from '../../../../contract/user';
import { AppDataProvider } from '../../../app/app-data';

export function testConfig(file: Partial<UiConfigFile> = {}, switches: { indexUsers?: boolean; indexDashboards?: boolean; tableSort?: boolean } = {}): ClientConfig {
  return toClientConfig(v.parse(UiConfigFileSchema, file), {
    providerName: 'Test',
    indexUsers: switches.indexUsers ?? false,
    indexDashboards: switches.indexDashboards ?? true,
    logoUrl: null,
    tableSort: switches.tableSort ?? false,
  });
}

export function table(name: string, fields: Partial<TableSearchResult> = {}): TableSearchResult {
  return { type: 'table', key: `hive://gold.sales/${name}`, name, cluster: 'gold', database: 'hive', schema: 'sales', description: null, badges: [], tags: [], search_score: 1, highlight: {}, ...fields };
}

export function dashboard(name: string, fields: Partial<DashboardSearchResult> = {}): DashboardSearchResult {
  return {
    type: 'dashboard', key: `mode_dashboard://prod.sales/${name}`, uri: `mode_dashboard://prod.sales/${name}`, name, cluster: 'prod', group_name: 'Sales', product: 'mode', url: null,
    description: null, last_successful_run_timestamp: null, chart_names: [], query_names: [], tags: [], badges: [], search_score: 1, highlight: {}, ...fields,
  };
}

export function person(name: string, fields: Partial<UserSearchResult> = {}): UserSearchResult {
  const id = `${name.toLowerCase().replace(/ /g, '.')}@example.org`;
  return { type: 'user', user_id: id, email: id, display_name: name, full_name: name, first_name: null, last_name: null, team_name: null, role_name: null, is_active: true, search_score: 1, highlight: {}, ...fields };
}

type Group<T> = { results: T[]; total_results: number };
export interface SearchAnswer {
  table?: Group<TableSearchResult>;
  dashboard?: Group<DashboardSearchResult>;
  user?: Group<UserSearchResult>;
  did_you_mean?: string;
}

/** The catalog's tags in use and badges, as the BFF lists them (the filter panel completes values with them). */
export interface CatalogLists {
  tags?: TagUsage[];
  badges?: Badge[];
}

const CATALOG_LISTS: Required<CatalogLists> = {
  tags: [{ tag_name: 'api', tag_count: 1 }, { tag_name: 'pii', tag_count: 125 }, { tag_name: 'pipeline', tag_count: 4 }, { tag_name: 'finance', tag_count: 9 }],
  badges: [{ badge_name: 'certified', category: 'table_status' }, { badge_name: 'beta', category: 'table_status' }],
};

/**
 * Stubs fetch with the BFF's search route: `answer` gets each request body; every request is kept.
 * The catalog's tag and badge lists answer with `lists` (each asking noted in `requests.lists`).
 * Any other URL fails the test. An answer with `status` is an error body.
 */
export function stubSearch(answer: (request: Required<SearchRequest>) => SearchAnswer | { status: number; message: string }, lists: CatalogLists = {}) {
  const requests: Required<SearchRequest>[] & { lists: string[] } = Object.assign([], { lists: [] as string[] });
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/metadata/v0/tags' || url === '/api/metadata/v0/badges') {
      requests.lists.push(url);
      const body = url.endsWith('tags') ? { msg: 'Success', tags: lists.tags ?? CATALOG_LISTS.tags } : { msg: 'Success', badges: lists.badges ?? CATALOG_LISTS.badges };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (url !== '/api/search/v1/search') throw new Error(`unexpected request to ${url}`);
    const request = JSON.parse(String(init.body)) as Required<SearchRequest>;
    requests.push(request);
    const result = answer(request);
    if ('status' in result) {
      return new Response(JSON.stringify({ error: { name: 'InputError', message: result.message } }), { status: result.status, headers: { 'Content-Type': 'application/json' } });
    }
    const body: SearchResponse = { search_term: request.searchTerm, msg: 'Success', ...(result.did_you_mean ? { did_you_mean: result.did_you_mean } : {}) };
    for (const resource of request.resources) {
      const group = result[resource as 'table' | 'dashboard' | 'user'] ?? { results: [], total_results: 0 };
      Object.assign(body, { [resource]: { page_index: request.pageIndex, ...group } });
    }
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

export interface Visit {
  path: string;
  search: string;
  type: string;
}

function LocationLog({ visits }: { visits: Visit[] }) {
  const location = useLocation();
  const type = useNavigationType();
  useEffect(() => {
    visits.push({ path: location.pathname, search: decodeURIComponent(location.search), type });
  }, [location, type, visits]);
  return null;
}

/**
 * Renders `element` at `route` (its path pattern) inside the app's context, starting at `url`. The
 * query client tries nothing again unless one is given (the app's: createQueryClient).
 */
export function renderAt(url: string, route: string, element: ReactNode, config: ClientConfig = testConfig(), queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  const visits: Visit[] = [];
  const user = normalizeUser({ user_id: 'roald', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen' })!;
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <AppDataProvider value={{ config, user }}>
          <LocationLog visits={visits} />
          <Routes>
            <Route path={route} element={element} />
            <Route path="*" element={<p>Elsewhere</p>} />
          </Routes>
        </AppDataProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...view, visits, last: () => visits[visits.length - 1]! };
}
