// One search request of the SPA, from what identifies it (its cache entry): the search page, the search
// boxes' suggestions and the BFF's first search in the /search page (server/spa/first-search.ts) build
// it here. Small: the first page of the app loads it (the nav bar's suggestions).
import type { SearchFilter, SearchRequest } from './api-search';
import type { ClientConfig } from './client-config';
import type { SearchResource } from './search-state';
import type { TableSearchSort } from './search-sort';

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
  /** The order of table results, when not relevance (decision 107). */
  sort?: TableSearchSort;
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
    ...(input.sort ? { sort: input.sort } : {}),
  };
}

