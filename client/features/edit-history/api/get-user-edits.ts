// GET /api/metadata/v0/user/edits?user_id=[&before=]: what a person changed, newest first, a page at a
// time (only with indexUsers on, as profiles are); not asked for once the page has learned that the
// metadata service keeps no edit log (decision 056).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { EditHistoryResponseSchema, type EditHistoryResponse } from '../../../../contract/api-edits';
import { requestJson } from '../../../lib/api-client';
import { noteEditLogAnswer, useAskForEditHistory } from './edit-log-missing';
import { editHistoryKeys } from './query-keys';

export async function getUserEdits(userId: string, before: string | null, signal?: AbortSignal): Promise<EditHistoryResponse> {
  const params = new URLSearchParams({ user_id: userId });
  if (before) params.set('before', before);
  return requestJson(`/api/metadata/v0/user/edits?${params}`, EditHistoryResponseSchema, { signal });
}

export const userEditsQueryOptions = (userId: string) =>
  infiniteQueryOptions({
    queryKey: editHistoryKeys.user(userId),
    queryFn: async ({ pageParam, signal, client }) => noteEditLogAnswer(client, await getUserEdits(userId, pageParam, signal)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_before,
    staleTime: 0,
  });

export function useUserEdits(userId: string) {
  return useInfiniteQuery({ ...userEditsQueryOptions(userId), enabled: useAskForEditHistory() });
}

/**
 * How many edits the person has made (the profile's Edits tab count), from the first page of the same
 * query the tab's list reads; undefined while it loads, when it failed, and when the catalog keeps no
 * log or does not count it (real Amundsen, an older catalog): the tab then shows no count.
 */
export function useUserEditCount(userId: string): number | undefined {
  const enabled = useAskForEditHistory();
  return useInfiniteQuery({ ...userEditsQueryOptions(userId), enabled, select: (data) => data.pages[0]?.total ?? undefined }).data;
}
