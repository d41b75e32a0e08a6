// The search page's URL and the requests it makes, in one place for the SPA and the BFF: the SPA's
// search page and its prefetch ask for what planSearch says; the BFF, serving `/search?…`, runs the
// same first requests and writes their answers into the page (server/spa/first-search.ts), which the
// SPA uses only when they equal, request for request, what it would have sent. Pure, no schemas.
import type { FilterOperation, SearchFilter, SearchRequest } from './api-search';
import type { ClientConfig, FilterCategory } from './client-config';
import { SEARCH_FILTER_NAMES } from './search-filters';

export const MAX_TERM_LENGTH = 500;
export const MAX_PAGE_INDEX = 10_000;

// ---------------------------------------------------------------- the URL

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

// ---------------------------------------------------------------- filters

/** The values of a filter's text: comma-separated, trimmed, empty ones dropped. */
export function splitValues(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The operation a filter is searched with: the category's fixed one, else the chosen one, else OR (any). */
export function operationOf(category: Pick<FilterCategory, 'allowableOperation'> | undefined, filter: SearchFilter | undefined): FilterOperation {
  return category?.allowableOperation ?? filter?.filterOperation ?? 'OR';
}

/**
 * The categories the panel shows: the UI config's, then one plain text filter for each filter in the
 * URL that the config does not list (a shared link, a badge link with the badge filter configured
 * away), so no filter applies without being visible and removable.
 */
export function panelCategories(configured: readonly FilterCategory[], filters: SearchFilters): FilterCategory[] {
  const known = new Set(configured.map((c) => c.categoryId));
  const extra = Object.keys(filters)
    .filter((name) => !known.has(name))
    .map((name): FilterCategory => ({ categoryId: name, displayName: name.replace(/_/g, ' '), type: 'inputFilter' }));
  return [...configured, ...extra];
}

/** The filters as the search request takes them: normalized values, each with its operation. */
export function toRequestFilters(filters: SearchFilters, categories: readonly FilterCategory[]): Record<string, SearchFilter> {
  const byId = new Map(categories.map((c) => [c.categoryId, c]));
  const request: Record<string, SearchFilter> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const values = splitValues(filter.value);
    if (values.length === 0) continue;
    request[name] = { value: values.join(','), filterOperation: operationOf(byId.get(name), filter) };
  }
  return request;
}

// ---------------------------------------------------------------- the requests

/** Which resources this catalog searches (the UI config's index switches), in tab order. */
export function searchableResources(config: Pick<ClientConfig, 'indexDashboards' | 'indexUsers'>): SearchResource[] {
  return ['table', ...(config.indexDashboards.enabled ? ['dashboard' as const] : []), ...(config.indexUsers.enabled ? ['user' as const] : [])];
}

/** What identifies one page of search results (and so its cache entry). */
export interface SearchInput {
  term: string;
  resources: readonly SearchResource[];
  /** Filters per resource, each already in the request's form (operation resolved). */
  filters: Partial<Record<SearchResource, Record<string, SearchFilter>>>;
  pageIndex: number;
  resultsPerPage: number;
}

export function buildSearchRequest(input: SearchInput): SearchRequest {
  const filters: Record<string, Record<string, SearchFilter>> = {};
  for (const resource of input.resources) {
    const own = input.filters[resource];
    if (own && Object.keys(own).length > 0) filters[resource] = own;
  }
  return {
    searchTerm: input.term,
    pageIndex: input.pageIndex,
    resultsPerPage: input.resultsPerPage,
    resources: [...input.resources],
    filters,
    highlightingOptions: Object.fromEntries(input.resources.map((r) => [r, { enableHighlight: true }])),
  };
}

// What the search page asks the BFF for, from the URL's state and the UI config.
//
// Two requests at most: the overview (the term over every searchable resource, first page, no
// filters) gives each tab its count and the first page of each tab; the page of the active tab is
// asked for on its own only when it is filtered or past the first page. An empty term with filters
// browses everything that matches them; an empty term without filters asks for nothing.
export interface SearchPlan {
  term: string;
  /** The tab shown: the URL's resource when this catalog searches it, else tables. */
  resource: SearchResource;
  resources: SearchResource[];
  /** The URL's filters of the shown tab. */
  filters: SearchFilters;
  /** The filter panel's categories: the config's, plus any URL filter the config does not list. */
  categories: FilterCategory[];
  requestFilters: Record<string, SearchFilter>;
  pageIndex: number;
  resultsPerPage: number;
  /** Counts for every tab; null without a term. */
  overview: SearchInput | null;
  /** The shown tab's page (the overview itself when that is it); null when there is nothing to search. */
  page: SearchInput | null;
}

export function configuredCategories(config: Pick<ClientConfig, 'resourceConfig'>, resource: SearchResource): FilterCategory[] {
  return resource === 'user' ? [] : config.resourceConfig[resource].filterCategories;
}

export function planSearch(state: SearchState, config: Pick<ClientConfig, 'resourceConfig' | 'indexDashboards' | 'indexUsers' | 'searchPagination'>): SearchPlan {
  const resources = searchableResources(config);
  const resource = resources.includes(state.resource) ? state.resource : 'table';
  const filters = resource === state.resource ? state.filters : {};
  const categories = panelCategories(configuredCategories(config, resource), filters);
  const requestFilters = toRequestFilters(filters, categories);
  const filtered = Object.keys(requestFilters).length > 0;
  const { term, pageIndex } = state;
  const resultsPerPage = config.searchPagination.resultsPerPage;
  const overview: SearchInput | null = term ? { term, resources, filters: {}, pageIndex: 0, resultsPerPage } : null;
  const page: SearchInput | null =
    !term && !filtered
      ? null
      : overview && !filtered && pageIndex === 0
        ? overview
        : { term, resources: [resource], filters: filtered ? { [resource]: requestFilters } : {}, pageIndex, resultsPerPage };
  return { term, resource, resources, filters, categories, requestFilters, pageIndex, resultsPerPage, overview, page };
}

/** The distinct inputs a first visit of the search page at `state` asks for (overview first). */
export function firstSearchInputs(plan: Pick<SearchPlan, 'overview' | 'page'>): SearchInput[] {
  return [plan.overview, plan.page].filter((input, i, all): input is SearchInput => input !== null && all.indexOf(input) === i);
}
