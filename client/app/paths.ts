// Every page URL of the SPA is built and parsed here; features import this, never each other.
// URLs keep Amundsen's shapes so saved links work: `/search?term=&resource=&filters=&index=`,
// `/table_detail/:cluster/:database/:schema/:table`, `/dashboard/:uri`, `/user/:id`.
import { parsePageNumber } from '../../contract/search-state';
import { buildTableKey, parseTableKey, type TableCoordinates } from '../../contract/table-key';
import { RESOURCE_TAB_PARAM, searchPath } from '../../contract/page-paths';

export { RESOURCE_TAB_PARAM, badgeSearchPath, dashboardPath, searchPath, tablePath, tagSearchPath, userPath } from '../../contract/page-paths';

export const homePath = '/';
export const browsePath = '/browse';
export const announcementsPath = '/announcements';

// ---------------------------------------------------------------- tables, dashboards, people


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


/** The table key of a table page's route params, or null when one is missing. */
export function tableKeyFromParams(params: Record<string, string | undefined>): string | null {
  const { cluster, database, schema, table } = params;
  if (!cluster || !database || !schema || !table) return null;
  return buildTableKey({ cluster, database, schema, name: table });
}

// ---------------------------------------------------------------- people

/** The lists of a profile that page: its tables (`?page=`) and its dashboards (`?dashboardPage=`). */
export type ProfileList = 'table' | 'dashboard';

const PROFILE_PAGE_PARAMS: Record<ProfileList, string> = { table: 'page', dashboard: 'dashboardPage' };

/** The zero-based page of a profile's list from its one-based `?page=` / `?dashboardPage=`; 0 when missing or malformed. */
export function profileListPageOf(params: URLSearchParams, list: ProfileList): number {
  const page = parsePageNumber(params.get(PROFILE_PAGE_PARAMS[list]));
  return page !== null && page > 0 ? page - 1 : 0;
}

/** The same query with a list on `pageIndex` (the first page: no parameter); the tab and the other list's page are kept. */
export function withProfileListPage(params: URLSearchParams, list: ProfileList, pageIndex: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (pageIndex > 0) next.set(PROFILE_PAGE_PARAMS[list], String(pageIndex + 1));
  else next.delete(PROFILE_PAGE_PARAMS[list]);
  return next;
}

/** The same query with another tab open (null: the first tab), its lists from their first pages. */
export function withProfileTab(params: URLSearchParams, tab: string | null): URLSearchParams {
  const next = withResourceTab(params, tab);
  for (const name of Object.values(PROFILE_PAGE_PARAMS)) next.delete(name);
  return next;
}

// ---------------------------------------------------------------- lineage

export type LineageView = 'graph' | 'list';

/** How the lineage graph page is set: hops each way, the column whose lineage it shows (null: the table's), graph or list. */
export interface LineageState {
  depth: number;
  column: string | null;
  view: LineageView;
}

/**
 * A table's lineage graph, Amundsen's `/lineage/table/:cluster/:database/:schema/:table`;
 * `?depth=` and `?column=` only when given, `?view=list` for the list (the graph has none).
 */
export function lineagePath(table: TableCoordinates | string, state: Partial<LineageState> = {}): string {
  const coordinates = typeof table === 'string' ? parseTableKey(table) : table;
  if (!coordinates) return searchPath({ term: typeof table === 'string' ? table : '' });
  const { database, cluster, schema, name } = coordinates;
  const path = ['/lineage/table', cluster, database, schema, name].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
  const params = new URLSearchParams();
  if (state.depth !== undefined) params.set('depth', String(state.depth));
  if (state.column) params.set('column', state.column);
  if (state.view === 'list') params.set('view', 'list');
  return params.size > 0 ? `${path}?${params}` : path;
}

/** Reads `?depth=&column=&view=`: a depth outside 1…maxDepth (or none) is `defaultDepth`; any view but `list` is the graph. */
export function parseLineageState(params: URLSearchParams, defaults: { defaultDepth: number; maxDepth: number }): LineageState {
  const raw = parsePageNumber(params.get('depth'));
  const depth = raw !== null && raw >= 1 && raw <= defaults.maxDepth ? raw : defaults.defaultDepth;
  const column = params.get('column')?.trim() || null;
  return { depth, column, view: params.get('view') === 'list' ? 'list' : 'graph' };
}

/**
 * The query a lineage URL should have when its `?depth=` or `?view=` says something other than what the
 * page shows (`depth=99`, `depth=abc`, `view=table`): the bad one dropped (the page shows the default),
 * a depth written oddly (` 3`, `03`) written plainly; null when the URL already says what is shown.
 */
export function correctedLineageParams(params: URLSearchParams, defaults: { defaultDepth: number; maxDepth: number }): URLSearchParams | null {
  const state = parseLineageState(params, defaults);
  const next = new URLSearchParams(params);
  const depth = params.get('depth');
  if (depth !== null) {
    const valid = parsePageNumber(depth);
    if (valid !== null && valid === state.depth) next.set('depth', String(valid));
    else next.delete('depth');
  }
  const view = params.get('view');
  if (view !== null && view !== 'list') next.delete('view');
  return next.toString() === params.toString() ? null : next;
}

// ---------------------------------------------------------------- search

export { SEARCH_RESOURCES, MAX_TERM_LENGTH, MAX_PAGE_INDEX, parseSearchState, type SearchResource, type SearchFilters, type SearchState } from '../../contract/search-state';




