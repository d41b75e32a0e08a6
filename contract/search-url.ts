// The search page's URL and the requests it makes, in one place for the SPA and the BFF: the SPA's
// search page and its prefetch ask for what planSearch says; the BFF, serving `/search?…`, runs the
// same first requests and writes their answers into the page (server/spa/first-search.ts), which the
// SPA uses only when they equal, request for request, what it would have sent. Pure, no schemas.
import type { FilterOperation, SearchFilter } from './api-search';
import type { ClientConfig, FilterCategory } from './client-config';

export * from './search-state';
export * from './search-request';
import { searchableResources, type SearchInput } from './search-request';
import { hasSearchableText, type SearchFilters, type SearchResource, type SearchState } from './search-state';

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

// What the search page asks the BFF for, from the URL's state and the UI config.
//
// Two requests at most: the overview (the term over every searchable resource, first page, no
// filters) gives each tab its count and the first page of each tab; the page of the active tab is
// asked for on its own only when it is filtered or past the first page. An empty term with filters
// browses everything that matches them; an empty term without filters asks for nothing.
export interface SearchPlan {
  /** The URL's term, as people typed it. */
  term: string;
  /**
   * The term searched for: '' when the URL's has no letter or digit (`%`, `_`), which the search
   * services cannot search for (the embedded catalog would list everything, as for no term).
   */
  searchedTerm: string;
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
  /** The order of table results asked for and offered (undefined: relevance). */
  sort?: SearchState['sort'];
}

export function configuredCategories(config: Pick<ClientConfig, 'resourceConfig'>, resource: SearchResource): FilterCategory[] {
  return config.resourceConfig[resource].filterCategories;
}

export function planSearch(
  state: SearchState,
  config: Pick<ClientConfig, 'resourceConfig' | 'indexDashboards' | 'indexUsers' | 'searchPagination'> & Partial<Pick<ClientConfig, 'tableSort'>>,
): SearchPlan {
  const resources = searchableResources(config);
  const resource = resources.includes(state.resource) ? state.resource : 'table';
  const filters = resource === state.resource ? state.filters : {};
  const categories = panelCategories(configuredCategories(config, resource), filters);
  const requestFilters = toRequestFilters(filters, categories);
  const filtered = Object.keys(requestFilters).length > 0;
  const { term, pageIndex } = state;
  const searchedTerm = hasSearchableText(term) ? term : '';
  const resultsPerPage = config.searchPagination.resultsPerPage;
  // The URL's order, when the search service takes one (decision 107): tables only, so it goes with
  // the requests that search tables (the overview holds the tables tab's first page).
  const sort = config.tableSort?.enabled ? state.sort : undefined;
  const sorted = (searched: readonly SearchResource[]) => (sort && searched.includes('table') ? { sort } : {});
  const overview: SearchInput | null = searchedTerm ? { term: searchedTerm, resources, filters: {}, pageIndex: 0, resultsPerPage, ...sorted(resources) } : null;
  const page: SearchInput | null =
    !searchedTerm && !filtered
      ? null
      : overview && !filtered && pageIndex === 0
        ? overview
        : { term: searchedTerm, resources: [resource], filters: filtered ? { [resource]: requestFilters } : {}, pageIndex, resultsPerPage, ...sorted([resource]) };
  return { term, searchedTerm, resource, resources, filters, categories, requestFilters, pageIndex, resultsPerPage, overview, page, sort };
}

/** The distinct inputs a first visit of the search page at `state` asks for (overview first). */
export function firstSearchInputs(plan: Pick<SearchPlan, 'overview' | 'page'>): SearchInput[] {
  return [plan.overview, plan.page].filter((input, i, all): input is SearchInput => input !== null && all.indexOf(input) === i);
}
