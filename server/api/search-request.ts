// POST /api/search/v1/search → the search service's POST /v2/search, and back.
//
// The SPA sends filters per resource (`{table: {schema: {value: "a,b", filterOperation}}}`); the
// service takes ONE list (`[{name: "schema", values: ["a","b"], operation: "OR"}]`) and applies it to
// every resource it searches, ignoring names a resource does not know (API.md §5.1). So a table `tag`
// filter would also filter dashboards. When filters are present and several resources are searched,
// each resource gets its own call with only its own filters; otherwise one call searches them all.
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { SEARCH_FILTER_NAMES, type ParsedSearchRequest } from '../../contract/bff-api';
import { InputError } from '../http/errors';
import type { AmundsenSearchResponse } from '../upstream/amundsen-schemas';

export type SearchedResource = keyof typeof SEARCH_FILTER_NAMES;
type FilterList = AmundsenSearchRequest['filters'];

const isSearchedResource = (name: string): name is SearchedResource => Object.hasOwn(SEARCH_FILTER_NAMES, name);

/**
 * The filter list of each resource, in the service's form; filters without values are dropped.
 * Throws InputError for a resource or filter name the search service does not know.
 */
export function toFilterLists(filters: ParsedSearchRequest['filters']): Record<SearchedResource, FilterList> {
  const lists: Record<SearchedResource, FilterList> = { table: [], dashboard: [], user: [] };
  for (const [resource, byName] of Object.entries(filters)) {
    if (!isSearchedResource(resource)) {
      throw new InputError(`"filters.${resource}": there is no "${resource}" search to filter; filter table, dashboard or user.`, 'unknown_filter');
    }
    const known: readonly string[] = SEARCH_FILTER_NAMES[resource];
    for (const [name, filter] of Object.entries(byName)) {
      if (!known.includes(name)) {
        throw new InputError(
          `"filters.${resource}.${name}": the ${resource} search has no filter "${name}"; use one of ${known.join(', ')}.`,
          'unknown_filter',
        );
      }
      const values = filter.value.split(',').map((v) => v.trim()).filter(Boolean);
      if (values.length > 0) lists[resource].push({ name, values, operation: filter.filterOperation ?? 'OR' });
    }
  }
  return lists;
}

export interface SearchCall {
  resources: SearchedResource[];
  request: AmundsenSearchRequest;
}

/**
 * One call for all `resources`, or one per resource when filters would otherwise leak across them.
 * `tableSort`: the service takes Nansen's `sort` (the embedded catalog); Amundsen's answers 500 to a
 * body with a key it does not know (API.md §5.1), so without it the order asked for is not sent.
 */
export function planSearchCalls(request: ParsedSearchRequest, resources: readonly SearchedResource[], { tableSort = false } = {}): SearchCall[] {
  const filters = toFilterLists(request.filters);
  const sort = tableSort && request.sort !== undefined && request.sort !== 'relevance' ? request.sort : undefined;
  const build = (group: SearchedResource[]): SearchCall => ({
    resources: group,
    request: {
      query_term: request.searchTerm.trim(),
      resource_types: group,
      page_index: request.pageIndex,
      results_per_page: request.resultsPerPage,
      filters: group.length === 1 ? filters[group[0]!] : [],
      highlight_options: Object.fromEntries(
        group.flatMap((r) => {
          const option = request.highlightingOptions[r];
          return option ? [[r, { enable_highlight: option.enableHighlight }]] : [];
        }),
      ),
      ...(sort && group.includes('table') ? { sort } : {}),
    },
  });
  const filtered = resources.some((r) => filters[r].length > 0);
  return filtered && resources.length > 1 ? resources.map((r) => build([r])) : [build([...resources])];
}

type Groups = Pick<AmundsenSearchResponse['results'], SearchedResource>;

/**
 * The groups of every call, and the corrected term when the service fell back to one (`did_you_mean`).
 * Split calls decide that fallback each alone, so it is kept only when it is the one answer a single
 * call would have given: every call corrected to the same term, or found nothing at all. Otherwise the
 * corrected groups are answered empty (nothing matched the term as typed there).
 */
export function mergeSearchAnswers(calls: readonly SearchCall[], answers: readonly AmundsenSearchResponse[]): { groups: Groups; didYouMean?: string } {
  const corrections = new Set(answers.flatMap((a) => (a.did_you_mean ? [a.did_you_mean] : [])));
  const foundNothing = (a: AmundsenSearchResponse, call: SearchCall) => call.resources.every((r) => !a.results[r]?.total_results);
  const agreed = corrections.size === 1 && answers.every((a, i) => a.did_you_mean || foundNothing(a, calls[i]!));
  const groupOf = <R extends SearchedResource>(resource: R): Groups[R] => {
    const i = calls.findIndex((call) => call.resources.includes(resource));
    const answer = answers[i];
    if (!answer) return undefined;
    return answer.did_you_mean && !agreed ? { total_results: 0, results: [] } : answer.results[resource];
  };
  const groups: Groups = { table: groupOf('table'), dashboard: groupOf('dashboard'), user: groupOf('user') };
  return agreed ? { groups, didYouMean: [...corrections][0] } : { groups };
}
