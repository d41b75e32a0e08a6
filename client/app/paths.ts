// Every page URL of the SPA is built and parsed here (what only a profile or the lineage page reads of
// its query: page-url-state.ts); features import this, never each other.
// URLs keep Amundsen's shapes so saved links work: `/search?term=&resource=&filters=&index=`,
// `/table_detail/:cluster/:database/:schema/:table`, `/dashboard/:uri`, `/user/:id`.
import { parseTableKey, type TableCoordinates } from '../../contract/table-key';
import { RESOURCE_TAB_PARAM, searchPath } from '../../contract/page-paths';

export {
  RESOURCE_TAB_PARAM, badgeSearchPath, dashboardPath, searchPath, tablePath, tagSearchPath, userPath,
} from '../../contract/page-paths';

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

// ---------------------------------------------------------------- search

export { SEARCH_RESOURCES, MAX_TERM_LENGTH, MAX_PAGE_INDEX, parseSearchState, type SearchResource, type SearchFilters, type SearchState } from '../../contract/search-state';




