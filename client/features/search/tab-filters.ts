// Each search tab keeps its own filters, as Amundsen's do: leaving a tab puts its filters in the URL's
// `tabFilters`, coming back takes them out again. A tab never filtered in a search without a term
// starts with the filters it shares with the tab left (a tag), since without a term and without
// filters it would show nothing. Pure, free of React.
import { SEARCH_FILTER_NAMES } from '../../../contract/search-filters';
import { configuredCategories, panelCategories, toRequestFilters } from '../../../contract/search-url';
import type { ClientConfig } from '../../../contract/client-config';
import type { SearchInput } from '../../../contract/search-request';
import type { SearchFilters, SearchResource, SearchState } from '../../app/paths';

/** The filters `target`'s tab shows when people switch to it from the state's tab. */
export function filtersForTab(state: SearchState, target: SearchResource, searchedTerm = state.term): SearchFilters {
  if (target === state.resource) return state.filters;
  const kept = state.tabFilters?.[target];
  if (kept) return kept;
  if (searchedTerm) return {};
  const known = new Set<string>(SEARCH_FILTER_NAMES[target]);
  return Object.fromEntries(Object.entries(state.filters).filter(([name]) => known.has(name)));
}

/** The state after switching to `target`'s tab: its own filters, the left tab's kept, the first page. */
export function switchTab(state: SearchState, target: SearchResource, searchedTerm = state.term): SearchState {
  const { [target]: _taken, ...others } = state.tabFilters ?? {};
  const tabFilters = Object.keys(state.filters).length > 0 ? { ...others, [state.resource]: state.filters } : others;
  const next: SearchState = { term: state.term, resource: target, filters: filtersForTab(state, target, searchedTerm), pageIndex: 0 };
  if (Object.keys(tabFilters).length > 0) next.tabFilters = tabFilters;
  // The tables' order stays in the URL on the other tabs, for coming back (decision 107).
  if (state.sort) next.sort = state.sort;
  return next;
}

/**
 * One request for the counts of the other tabs that are filtered (kept filters, or shared ones in a
 * search without a term), so each tab's count is what it shows when chosen; null when none is. The
 * unfiltered tabs of a search with a term take their count from the plan's overview.
 */
export function otherTabsInput(
  state: SearchState,
  plan: { searchedTerm: string; resource: SearchResource; resources: SearchResource[]; filters: SearchFilters; resultsPerPage: number },
  config: Pick<ClientConfig, 'resourceConfig'>,
): SearchInput | null {
  const shown = { ...state, resource: plan.resource, filters: plan.filters };
  const filters: SearchInput['filters'] = {};
  for (const resource of plan.resources) {
    if (resource === plan.resource) continue;
    const own = filtersForTab(shown, resource, plan.searchedTerm);
    const request = toRequestFilters(own, panelCategories(configuredCategories(config, resource), own));
    if (Object.keys(request).length > 0) filters[resource] = request;
  }
  const resources = plan.resources.filter((r) => filters[r]);
  if (resources.length === 0) return null;
  return { term: plan.searchedTerm, resources, filters, pageIndex: 0, resultsPerPage: plan.resultsPerPage };
}
