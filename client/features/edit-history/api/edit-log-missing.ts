// Whether the metadata service keeps an edit log, as this page has learned it (decision 056): once an
// edit history was answered `available: false` (Amundsen's services keep none), the page asks for no
// other. The History and Edits tabs then show no count and say history is not available without
// asking. Kept per query client, i.e. for the page's life; a reload asks once more (the BFF answers
// from its own memory of the service's 404, server/upstream/edit-log-presence.ts).
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EditHistoryResponse } from '../../../../contract/api-edits';

const withoutEditLog = new WeakSet<QueryClient>();

/** Reads an edit history's answer for what it says of the log: `available: false` is remembered. */
export function noteEditLogAnswer(client: QueryClient, answer: EditHistoryResponse): EditHistoryResponse {
  if (!answer.available) withoutEditLog.add(client);
  return answer;
}

export function isEditLogMissing(client: QueryClient): boolean {
  return withoutEditLog.has(client);
}

/** True once this page has learned that the metadata service keeps no edit log: ask for no history. */
export function useEditLogMissing(): boolean {
  return isEditLogMissing(useQueryClient());
}

/**
 * A history query's `enabled`: false once this page has learned that the service keeps no log. A
 * function, asked each time the query would fetch: a page that has just learned it (its count observer
 * not re-rendered, as the count stayed undefined) does not ask again when an edit invalidates the histories.
 */
export function useAskForEditHistory(): () => boolean {
  const client = useQueryClient();
  return () => !isEditLogMissing(client);
}
