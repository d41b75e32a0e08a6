// The URLs of the pages the BFF's first-results preview links to (server/spa/first-results-html.ts) and
// the SPA builds (client/app/paths.ts re-exports them): one function per page, so both write the same.
import type { SearchState } from './search-state';
import { parseTableKey, type TableCoordinates } from './table-key';

/** The query parameter naming a resource page's open tab (`?tab=history`); the overview has none. */
export const RESOURCE_TAB_PARAM = 'tab';

/** A table's page; `column` opens that column (a deep link), `tab` a tab ("history"). Accepts coordinates or a table key. */
export function tablePath(table: TableCoordinates | string, options: { column?: string; tab?: string } = {}): string {
  const coordinates = typeof table === 'string' ? parseTableKey(table) : table;
  if (!coordinates) return searchPath({ term: typeof table === 'string' ? table : '' });
  const { database, cluster, schema, name } = coordinates;
  const path = ['/table_detail', cluster, database, schema, name].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
  const params = new URLSearchParams();
  if (options.column) params.set('column', options.column);
  if (options.tab) params.set(RESOURCE_TAB_PARAM, options.tab);
  return params.size > 0 ? `${path}?${params}` : path;
}

export function dashboardPath(uri: string): string {
  return `/dashboard/${encodeURIComponent(uri)}`;
}

export function userPath(userId: string): string {
  return `/user/${encodeURIComponent(userId)}`;
}

/** `/search?term=…&resource=…&filters=…&page=…`; defaults are left out. */
export function searchPath(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  params.set('term', (state.term ?? '').trim());
  if (state.resource && state.resource !== 'table') params.set('resource', state.resource);
  const filters = Object.entries(state.filters ?? {}).filter(([, f]) => f.value.trim() !== '');
  if (filters.length > 0) params.set('filters', JSON.stringify(Object.fromEntries(filters)));
  if (state.pageIndex && state.pageIndex > 0) params.set('page', String(state.pageIndex + 1));
  return `/search?${params}`;
}

/** Tables (or dashboards) carrying a tag: the search page filtered by it, with no term. */
export function tagSearchPath(tag: string, resource: 'table' | 'dashboard' = 'table'): string {
  return searchPath({ resource, filters: { tag: { value: tag } } });
}

/** Tables carrying a badge. */
export function badgeSearchPath(badge: string): string {
  return searchPath({ resource: 'table', filters: { badges: { value: badge } } });
}
