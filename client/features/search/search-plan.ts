// What the search page asks the BFF for, from the URL's state and the UI config (pure; the page and
// its prefetch share it, so both ask for the same cache entries).
//
// Two requests at most: the overview (the term over every searchable resource, first page, no
// filters) gives each tab its count and the first page of each tab; the page of the active tab is
// asked for on its own only when it is filtered or past the first page. An empty term with filters
// browses everything that matches them; an empty term without filters asks for nothing.
import type { SearchFilter } from '../../../contract/api-search';
import type { ClientConfig, FilterCategory } from '../../../contract/ui-config';
import type { SearchFilters, SearchResource, SearchState } from '../../app/paths';
import type { SearchInput } from './api/query-keys';
import { panelCategories, toRequestFilters } from './filter-state';
import { searchableResources } from './resources';

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
