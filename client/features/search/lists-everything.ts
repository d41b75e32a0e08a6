// Whether a filtered search is really every table or every dashboard: its one filter is the name filter
// with `*` (the "All dashboards" link, decision 081), which every name matches. Its heading then says
// "All dashboards", not "Dashboards matching the filters".
import type { SearchFilter } from '../../../contract/api-search';
import type { SearchResource } from '../../app/paths';

/** The filter on a resource's name (API.md §5.1): `*` in it matches every one. People have none. */
const NAME_FILTERS: Partial<Record<SearchResource, string>> = { table: 'table', dashboard: 'name' };

const MATCHES_ANY_NAME = /^\*+$/;

/** `requestFilters`: the filters as sent (planSearch's, values split on commas and trimmed). */
export function listsEverything(resource: SearchResource, requestFilters: Record<string, SearchFilter>): boolean {
  const nameFilter = NAME_FILTERS[resource];
  const names = Object.keys(requestFilters);
  if (nameFilter === undefined || names.length !== 1 || names[0] !== nameFilter) return false;
  return requestFilters[nameFilter]!.value.split(',').every((value) => MATCHES_ANY_NAME.test(value));
}
