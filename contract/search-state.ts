// The search page's URL (`/search?term=&resource=&filters=&page=`), read the same way by the SPA's
// router (client/app/paths.ts) and by the BFF serving that page (server/spa/first-search.ts). Pure and
// small: the first page of the app loads it.
import type { FilterOperation, SearchFilter } from './api-search';
import { SEARCH_FILTER_NAMES } from './search-filters';

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
  return { term, resource, filters: parseFilters(params.get('filters'), resource), pageIndex: Math.min(pageIndex, MAX_PAGE_INDEX) };
}


/** "tables", "dashboards", "people": for sentences ("No dashboards match") and counts ("12 tables"). */
export const RESOURCE_NOUNS: Record<SearchResource, { one: string; many: string }> = {
  table: { one: 'table', many: 'tables' },
  dashboard: { one: 'dashboard', many: 'dashboards' },
  user: { one: 'person', many: 'people' },
};
