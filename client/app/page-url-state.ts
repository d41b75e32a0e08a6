// What a profile's, a lineage page's and the home page's "My bookmarks" query says beyond their paths
// (tab, list pages, depth, view), read and corrected here. Apart from paths.ts so that the first page's
// code (which builds every URL) does not carry what only these parts read.
import { parsePageNumber } from '../../contract/search-state';
import { withResourceTab, type LineageState } from './paths';

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

// ---------------------------------------------------------------- home: My bookmarks

/** The tabs of the home page's "My bookmarks": `?bookmarks=dashboard` (none for tables) and its one-based `?bookmarksPage=`. */
export type BookmarksTab = 'table' | 'dashboard';

const BOOKMARKS_TAB_PARAM = 'bookmarks';
const BOOKMARKS_PAGE_PARAM = 'bookmarksPage';

/** The open tab (`table` unless the URL says `dashboard`) and zero-based page (0 when missing or malformed). */
export function homeBookmarksOf(params: URLSearchParams): { tab: BookmarksTab; pageIndex: number } {
  const page = parsePageNumber(params.get(BOOKMARKS_PAGE_PARAM));
  return { tab: params.get(BOOKMARKS_TAB_PARAM) === 'dashboard' ? 'dashboard' : 'table', pageIndex: page !== null && page > 0 ? page - 1 : 0 };
}

/** The same query with another tab open, on its first page; the home page's other parameters are kept. */
export function withHomeBookmarksTab(params: URLSearchParams, tab: BookmarksTab): URLSearchParams {
  const next = new URLSearchParams(params);
  if (tab === 'table') next.delete(BOOKMARKS_TAB_PARAM);
  else next.set(BOOKMARKS_TAB_PARAM, tab);
  next.delete(BOOKMARKS_PAGE_PARAM);
  return next;
}

/** The same query on page `pageIndex` of the open tab (the first page: no parameter). */
export function withHomeBookmarksPage(params: URLSearchParams, pageIndex: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (pageIndex > 0) next.set(BOOKMARKS_PAGE_PARAM, String(pageIndex + 1));
  else next.delete(BOOKMARKS_PAGE_PARAM);
  return next;
}

// ---------------------------------------------------------------- lineage

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

