import { queryOptions, useQuery } from '@tanstack/react-query';
import { SearchResponseSchema, type TableSearchResult } from '../../../../contract/api-search';
import { requestJson } from '../../../lib/api-client';
import { buildJoinTargetsSearch, joinHintId, type JoinHint } from '../join-hints';
import { tableKeys } from './query-keys';

/** The tables a table's join hints may name: one search for all of them. */
export async function searchJoinTargets(hints: readonly JoinHint[], signal?: AbortSignal): Promise<TableSearchResult[]> {
  const body = await requestJson('/api/search/v1/search', SearchResponseSchema, { method: 'POST', body: buildJoinTargetsSearch(hints), signal });
  return body.table?.results ?? [];
}

export const joinTargetsQueryOptions = (tableKey: string, hints: readonly JoinHint[]) =>
  queryOptions({
    queryKey: tableKeys.joinTargets(tableKey, hints.map(joinHintId)),
    queryFn: ({ signal }) => searchJoinTargets(hints, signal),
    enabled: hints.length > 0,
    staleTime: 5 * 60_000,
  });

/** Not asked at all when the table has no hints. */
export function useJoinTargets(tableKey: string, hints: readonly JoinHint[]) {
  return useQuery(joinTargetsQueryOptions(tableKey, hints));
}
