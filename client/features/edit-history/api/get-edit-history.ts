// GET /api/metadata/v0/edits?type=&key=[&before=]: a table's or dashboard's edits, newest first, a page
// at a time (a table's include its columns' and nested types'). Loaded when the History tab opens, and
// again each time it opens: an edit made on the page since shows at once.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { EditHistoryResponseSchema, type EditHistoryResponse } from '../../../../contract/api-edits';
import { requestJson } from '../../../lib/api-client';
import { editHistoryKeys, type HistoryResourceType } from './query-keys';

export async function getEditHistory(type: HistoryResourceType, key: string, before: string | null, signal?: AbortSignal): Promise<EditHistoryResponse> {
  const params = new URLSearchParams({ type, key });
  if (before) params.set('before', before);
  return requestJson(`/api/metadata/v0/edits?${params}`, EditHistoryResponseSchema, { signal });
}

export const editHistoryQueryOptions = (type: HistoryResourceType, key: string) =>
  infiniteQueryOptions({
    queryKey: editHistoryKeys.resource(type, key),
    queryFn: ({ pageParam, signal }) => getEditHistory(type, key, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_before,
    staleTime: 0,
  });

export function useEditHistory(type: HistoryResourceType, key: string) {
  return useInfiniteQuery(editHistoryQueryOptions(type, key));
}
