// The owner picker's people: the user search (only with indexUsers on; otherwise owners are added by
// user id).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { SearchResponseSchema, type UserSearchResult } from '../../../../contract/api-search';
import { requestJson } from '../../../lib/api-client';
import { tableKeys } from './query-keys';

const PEOPLE_SHOWN = 8;

export async function searchPeople(term: string, signal?: AbortSignal): Promise<UserSearchResult[]> {
  const body = await requestJson('/api/search/v1/search', SearchResponseSchema, {
    method: 'POST',
    body: { searchTerm: term, pageIndex: 0, resultsPerPage: PEOPLE_SHOWN, resources: ['user'], filters: {}, highlightingOptions: {} },
    signal,
  });
  return body.user?.results ?? [];
}

export const peopleSearchQueryOptions = (term: string) =>
  queryOptions({
    queryKey: tableKeys.people(term),
    queryFn: ({ signal }) => searchPeople(term, signal),
    staleTime: 60_000,
  });

/** Asks only when people search is on and something was typed; keeps the last answer while the next loads. */
export function usePeopleSearch(term: string, enabled: boolean) {
  return useQuery({ ...peopleSearchQueryOptions(term.trim()), enabled: enabled && term.trim() !== '', placeholderData: (previous) => previous });
}
