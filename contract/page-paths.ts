// The URLs of the pages the BFF's first-results preview links to (server/spa/first-results-html.ts) and
// the SPA builds (client/app/paths.ts re-exports them): one function per page, so both write the same.
import { ANY_RESOURCE, type SearchState } from './search-state';
import { parseTableKey, type TableCoordinates } from './table-key';

/** The query parameter naming a resource page's open tab (`?tab=history`); the overview has none. */
export const RESOURCE_TAB_PARAM = 'tab';

/**
 * A table's page; `column` opens that column (a deep link), `field` one of its nested fields (the path
 * below the column, as contract/nested-field-path.ts writes it), `tab` a tab ("history"). Accepts
 * coordinates or a table key.
 */
export function tablePath(table: TableCoordinates | string, options: { column?: string; field?: string; tab?: string } = {}): string {
  const coordinates = typeof table === 'string' ? parseTableKey(table) : table;
  if (!coordinates) return searchPath({ term: typeof table === 'string' ? table : '' });
  const { database, cluster, schema, name } = coordinates;
  const path = ['/table_detail', cluster, database, schema, name].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
  const params = new URLSearchParams();
  if (options.column) params.set('column', options.column);
  if (options.column && options.field) params.set('field', options.field);
  if (options.tab) params.set(RESOURCE_TAB_PARAM, options.tab);
  return params.size > 0 ? `${path}?${params}` : path;
}

/** A dashboard's page: the whole uri in one path segment, its "/" as %2F (the page's route is `/dashboard/:uri`). */
export function dashboardPath(uri: string): string {
  return `/dashboard/${encodeURIComponent(uri)}`;
}

/** A person's profile: the whole id in one path segment, its "/" as %2F (the page's route is `/user/:userId`). */
export function userPath(userId: string): string {
  return `/user/${encodeURIComponent(userId)}`;
}

type Filters = NonNullable<SearchState['filters']>;
const withValues = (filters: Filters | undefined): Filters => Object.fromEntries(Object.entries(filters ?? {}).filter(([, f]) => f.value.trim() !== ''));

/**
 * `/search?term=…&resource=…&filters=…&page=…&tabFilters=…`; defaults are left out. `tabFilters` (the
 * other tabs' filters, kept for coming back to them) is Nansen's own; Amundsen's links work without it.
 */
export function searchPath(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  params.set('term', (state.term ?? '').trim());
  if (state.anyResource) params.set('resource', ANY_RESOURCE);
  else if (state.resource && state.resource !== 'table') params.set('resource', state.resource);
  const filters = withValues(state.filters);
  if (Object.keys(filters).length > 0) params.set('filters', JSON.stringify(filters));
  if (state.pageIndex && state.pageIndex > 0) params.set('page', String(state.pageIndex + 1));
  const tabs = Object.entries(state.tabFilters ?? {})
    .filter(([resource]) => resource !== (state.resource ?? 'table'))
    .map(([resource, f]) => [resource, withValues(f)] as const)
    .filter(([, f]) => Object.keys(f).length > 0);
  if (tabs.length > 0) params.set('tabFilters', JSON.stringify(Object.fromEntries(tabs)));
  if (state.sort) params.set('sort', state.sort);
  return `/search?${params}`;
}

/**
 * Tables or dashboards carrying a tag: the search page filtered by it, with no term. `any` (Browse,
 * whose counts add up both) opens whichever tab has them, tables first.
 */
export function tagSearchPath(tag: string, resource: 'table' | 'dashboard' | 'any' = 'table'): string {
  const filters = { tag: { value: tag } };
  return resource === 'any' ? searchPath({ anyResource: true, filters }) : searchPath({ resource, filters });
}

/** Tables carrying a badge. */
export function badgeSearchPath(badge: string): string {
  return searchPath({ resource: 'table', filters: { badges: { value: badge } } });
}
