// The search page's URL (`/search?term=&resource=&filters=&page=`), read the same way by the SPA's
// router (client/app/paths.ts) and by the BFF serving that page (server/spa/first-search.ts). Pure and
// small: the first page of the app loads it.
import type { FilterOperation, SearchFilter } from './api-search';
import { SEARCH_FILTER_NAMES } from './search-filters';
import { parseTableSort, type TableSearchSort } from './search-sort';

export const MAX_TERM_LENGTH = 500;
export const MAX_PAGE_INDEX = 10_000;

export const SEARCH_RESOURCES = ['table', 'dashboard', 'user'] as const;
export type SearchResource = (typeof SEARCH_RESOURCES)[number];

export type SearchFilters = Record<string, SearchFilter>;

export interface SearchState {
  term: string;
  resource: SearchResource;
  /** Filters of `resource` only, keyed by the search service's filter name. */
  filters: SearchFilters;
  /** Zero-based; the URL shows `page` one-based. */
  pageIndex: number;
  /**
   * The filters the other tabs had when people left them (`tabFilters`, Nansen's own parameter): a
   * tab shows its own again when people come back to it. Absent when there are none.
   */
  tabFilters?: Partial<Record<SearchResource, SearchFilters>>;
  /**
   * `resource=any`: show whichever tab has results (tables first). A tag in Browse leads here, since
   * its count does not say whether tables or dashboards carry it.
   */
  anyResource?: true;
  /** `sort`: the order of table results (Nansen's, decision 107); absent = relevance. */
  sort?: TableSearchSort;
}

/** The URL's `resource` value asking for whichever tab has results. */
export const ANY_RESOURCE = 'any';

/** Whether a search term has anything to search for: a letter or digit (`%` or `_` alone has none). */
export function hasSearchableText(term: string): boolean {
  return /[\p{L}\p{N}]/u.test(term);
}

export function parsePageNumber(raw: string | null): number | null {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

function parseFilters(raw: string | null, resource: SearchResource): SearchFilters {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const known = new Set<string>(SEARCH_FILTER_NAMES[resource]);
  const filters: SearchFilters = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!known.has(name) || !value || typeof value !== 'object') continue;
    const { value: text, filterOperation } = value as { value?: unknown; filterOperation?: unknown };
    // Amundsen's links may carry a list of values; ours carry one comma-separated string.
    const joined = Array.isArray(text) ? text.filter((v) => typeof v === 'string').join(',') : text;
    if (typeof joined !== 'string' || joined.trim() === '') continue;
    const operation: FilterOperation | undefined = filterOperation === 'AND' || filterOperation === 'OR' ? filterOperation : undefined;
    filters[name] = { value: joined.slice(0, 1000), ...(operation ? { filterOperation: operation } : {}) };
  }
  return filters;
}

/** Reads `/search?…`; anything malformed falls back to its default rather than failing. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const term = (params.get('term') ?? '').trim().slice(0, MAX_TERM_LENGTH);
  const rawResource = params.get('resource');
  const resource: SearchResource = SEARCH_RESOURCES.includes(rawResource as SearchResource) ? (rawResource as SearchResource) : 'table';
  const page = parsePageNumber(params.get('page'));
  // `index` is Amundsen's zero-based page; `pageIndex` was Nansen's before `page`.
  const pageIndex = page !== null && page > 0 ? page - 1 : (parsePageNumber(params.get('pageIndex')) ?? parsePageNumber(params.get('index')) ?? 0);
  const state: SearchState = { term, resource, filters: parseFilters(params.get('filters'), resource), pageIndex: Math.min(pageIndex, MAX_PAGE_INDEX) };
  const tabFilters = parseTabFilters(params.get('tabFilters'), resource);
  if (tabFilters) state.tabFilters = tabFilters;
  if (rawResource === ANY_RESOURCE) state.anyResource = true;
  const sort = parseTableSort(params.get('sort'));
  if (sort) state.sort = sort;
  return state;
}

/** `tabFilters`: `{"dashboard":{…filters…}}`, each tab's read as `filters` is; the shown tab's and empty ones left out. */
function parseTabFilters(raw: string | null, shown: SearchResource): SearchState['tabFilters'] {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const tabs: NonNullable<SearchState['tabFilters']> = {};
  for (const resource of SEARCH_RESOURCES) {
    const own = (parsed as Record<string, unknown>)[resource];
    if (resource === shown || own === undefined) continue;
    const filters = parseFilters(JSON.stringify(own), resource);
    if (Object.keys(filters).length > 0) tabs[resource] = filters;
  }
  return Object.keys(tabs).length > 0 ? tabs : undefined;
}


/** "tables", "dashboards", "people": for sentences ("No dashboards match") and counts ("12 tables"). */
export const RESOURCE_NOUNS: Record<SearchResource, { one: string; many: string }> = {
  table: { one: 'table', many: 'tables' },
  dashboard: { one: 'dashboard', many: 'dashboards' },
  user: { one: 'person', many: 'people' },
};
