// GET /api/metadata/v0/edits?type=&key=[&before=]: a table's or dashboard's edits, newest first, a page
// at a time (a table's include its columns' and nested types'). The first page loads when the table's or
// dashboard's page opens, for the History tab's count (decision 048), and again each time the tab opens
// and after each edit made on the page: the edit shows at once, and the count goes up. Not asked for at
// all once the page has learned that the metadata service keeps no edit log (decision 056).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { EditHistoryResponseSchema, type EditHistoryResponse } from '../../../../contract/api-edits';
import { requestJson } from '../../../lib/api-client';
import { noteEditLogAnswer, useAskForEditHistory } from './edit-log-missing';
import { editHistoryKeys, type HistoryResourceType } from './query-keys';

export async function getEditHistory(type: HistoryResourceType, key: string, before: string | null, signal?: AbortSignal): Promise<EditHistoryResponse> {
  const params = new URLSearchParams({ type, key });
  if (before) params.set('before', before);
  return requestJson(`/api/metadata/v0/edits?${params}`, EditHistoryResponseSchema, { signal });
}

/** The history's pages, as fresh as the app's other answers (the query client's staleTime). */
const historyPages = (type: HistoryResourceType, key: string) =>
  infiniteQueryOptions({
    queryKey: editHistoryKeys.resource(type, key),
    queryFn: async ({ pageParam, signal, client }) => noteEditLogAnswer(client, await getEditHistory(type, key, pageParam, signal)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_before,
  });

/** The History tab's list: asked again each time the tab opens. */
export const editHistoryQueryOptions = (type: HistoryResourceType, key: string) => ({ ...historyPages(type, key), staleTime: 0 });

/** The History tab's list; not asked for where the metadata service keeps no log (the tab says so without it). */
export function useEditHistory(type: HistoryResourceType, key: string) {
  return useInfiniteQuery({ ...editHistoryQueryOptions(type, key), enabled: useAskForEditHistory() });
}

/**
 * How many edits the table or dashboard has (the History tab's count), from the first page of the same
 * query the tab's list reads; undefined while it loads, when it failed, and when the catalog keeps no
 * log or does not count it (real Amundsen, an older catalog): the tab then shows no count; not asked for
 * once the page has learned that the metadata service keeps no log (decision 056). As the
 * profile's Edits tab (useUserEditCount), but as fresh as the page's own data: coming back to the
 * window asks again only once the table's answer is stale too, not on every focus (decision 048).
 * An edit on the page refetches it whatever its age (the mutations invalidate every edit history).
 */
export function useEditHistoryCount(type: HistoryResourceType, key: string): number | undefined {
  const enabled = useAskForEditHistory();
  return useInfiniteQuery({ ...historyPages(type, key), enabled, select: (data) => data.pages[0]?.total ?? undefined }).data;
}
