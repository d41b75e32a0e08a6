// Every page URL of the SPA is built and parsed here; features import this, never each other.
// URLs keep Amundsen's shapes so saved links work: `/search?term=&resource=&filters=&index=`,
// `/table_detail/:cluster/:database/:schema/:table`, `/dashboard/:uri`, `/user/:id`.
import { parsePageNumber } from '../../contract/search-state';
import { buildTableKey, parseTableKey, type TableCoordinates } from '../../contract/table-key';

export const homePath = '/';
export const browsePath = '/browse';
export const announcementsPath = '/announcements';

// ---------------------------------------------------------------- tables, dashboards, people

/** The query parameter naming a resource page's open tab (`?tab=history`); the overview has none. */
export const RESOURCE_TAB_PARAM = 'tab';

/** The open tab of a resource page's URL, or null (the overview). */
export function resourceTabOf(params: URLSearchParams): string | null {
  return params.get(RESOURCE_TAB_PARAM)?.trim() || null;
}

/** The same query with `tab` open (null: the overview); the other parameters are kept. */
export function withResourceTab(params: URLSearchParams, tab: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (tab) next.set(RESOURCE_TAB_PARAM, tab);
  else next.delete(RESOURCE_TAB_PARAM);
  return next;
}

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

/** The table key of a table page's route params, or null when one is missing. */
export function tableKeyFromParams(params: Record<string, string | undefined>): string | null {
  const { cluster, database, schema, table } = params;
  if (!cluster || !database || !schema || !table) return null;
  return buildTableKey({ cluster, database, schema, name: table });
}

// ---------------------------------------------------------------- lineage

/** How the lineage graph page is set: hops each way, and the column whose lineage it shows (null: the table's). */
export interface LineageState {
  depth: number;
  column: string | null;
}

/**
 * A table's lineage graph, Amundsen's `/lineage/table/:cluster/:database/:schema/:table`;
 * `?depth=` and `?column=` only when given.
 */
export function lineagePath(table: TableCoordinates | string, state: Partial<LineageState> = {}): string {
  const coordinates = typeof table === 'string' ? parseTableKey(table) : table;
  if (!coordinates) return searchPath({ term: typeof table === 'string' ? table : '' });
  const { database, cluster, schema, name } = coordinates;
  const path = ['/lineage/table', cluster, database, schema, name].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
  const params = new URLSearchParams();
  if (state.depth !== undefined) params.set('depth', String(state.depth));
  if (state.column) params.set('column', state.column);
  return params.size > 0 ? `${path}?${params}` : path;
}

/** Reads `?depth=&column=`: a depth outside 1…maxDepth (or none) is `defaultDepth`. */
export function parseLineageState(params: URLSearchParams, defaults: { defaultDepth: number; maxDepth: number }): LineageState {
  const raw = parsePageNumber(params.get('depth'));
  const depth = raw !== null && raw >= 1 && raw <= defaults.maxDepth ? raw : defaults.defaultDepth;
  const column = params.get('column')?.trim() || null;
  return { depth, column };
}

export function dashboardPath(uri: string): string {
  return `/dashboard/${encodeURIComponent(uri)}`;
}

export function userPath(userId: string): string {
  return `/user/${encodeURIComponent(userId)}`;
}

// ---------------------------------------------------------------- search

export { SEARCH_RESOURCES, MAX_TERM_LENGTH, MAX_PAGE_INDEX, parseSearchState, type SearchResource, type SearchFilters, type SearchState } from '../../contract/search-state';
import type { SearchState } from '../../contract/search-state';

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

