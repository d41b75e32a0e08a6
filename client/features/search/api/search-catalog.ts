// POST /api/search/v1/search: one request searches every resource asked for (tables, dashboards,
// people), each with its own filters, and answers one page of each with its total.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { SearchResponseSchema, type SearchResponse } from '../../../../contract/api-search';
import { requestJson } from '../../../lib/api-client';
import { buildSearchRequest } from '../../../../contract/search-request';
import { searchKeys, type SearchInput } from './query-keys';

export type { SearchInput };
export { buildSearchRequest };


export function searchCatalog(input: SearchInput, signal?: AbortSignal): Promise<SearchResponse> {
  return requestJson('/api/search/v1/search', SearchResponseSchema, { method: 'POST', body: buildSearchRequest(input), signal });
}

export const searchQueryOptions = (input: SearchInput) =>
  queryOptions({
    queryKey: searchKeys.results(input),
    queryFn: ({ signal }) => searchCatalog(input, signal),
  });

/**
 * One page of results. While paging or filtering within one term and resource, the previous answer
 * stays on screen (dimmed) until the next one arrives, so the list does not jump to a skeleton.
 */
export function useSearch(input: SearchInput, enabled = true) {
  return useQuery({
    ...searchQueryOptions(input),
    enabled,
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2];
      return before && before.term === input.term && before.resources.join() === input.resources.join() ? previous : undefined;
    },
  });
}

/** How many suggestions per resource the search box shows while typing. */
export const SUGGESTIONS_PER_RESOURCE = 3;

export const suggestionsQueryOptions = (input: SearchInput) =>
  queryOptions({
    queryKey: searchKeys.suggestions(input),
    queryFn: ({ signal }) => searchCatalog(input, signal),
    staleTime: 60_000,
    // Not tried again: the next keystroke asks anew, and the box says at once that there are none
    // (the query client's two retries kept it at "Searching…" for 3.5 s with the server down).
    retry: false,
  });

/**
 * Top results per resource for what is typed in a search box (its words, with the filters typed in
 * it: features/search/typed-suggestions.ts); none for null. Keeps the last answer while the next loads.
 */
export function useSuggestions(input: SearchInput | null) {
  return useQuery({ ...suggestionsQueryOptions(input ?? NO_SUGGESTIONS), enabled: input !== null, placeholderData: (previous) => previous });
}

const NO_SUGGESTIONS: SearchInput = { term: '', resources: [], filters: {}, pageIndex: 0, resultsPerPage: SUGGESTIONS_PER_RESOURCE };
