// One history (a table's, a dashboard's, a person's) in its states: loading, failed, not kept by the
// metadata service (as its answer said, or as the page learned from an earlier one without asking
// again, decision 056), empty, and the edits with "Show older". A failed older page keeps the edits
// already shown and says so beside the button.
import type { InfiniteData, UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { EditHistoryResponse } from '../../../../contract/api-edits';
import { QueryState } from '../../../components/query-state';
import { SkeletonList } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { useEditLogMissing } from '../api/edit-log-missing';
import { EditList } from './edit-list';

export const UNAVAILABLE_TEXT = 'History is not available: the metadata service keeps no edit log';

type HistoryQuery = UseInfiniteQueryResult<InfiniteData<EditHistoryResponse>>;

export interface HistoryViewProps {
  query: HistoryQuery;
  show: 'editor' | 'resource';
  /** Names the list ("Edits of sales.orders, newest first"). */
  label: string;
  loadingLabel: string;
  errorTitle: string;
  empty: string;
}

function HistoryUnavailable() {
  return (
    <EmptyState title="No history" className="history-unavailable">
      <p>{UNAVAILABLE_TEXT}.</p>
    </EmptyState>
  );
}

export function HistoryView({ query, show, label, loadingLabel, errorTitle, empty }: HistoryViewProps) {
  // The query is not run then (useEditHistory, useUserEdits): nothing would ever load.
  const editLogMissing = useEditLogMissing();
  // A failed older page is shown beside the list, not instead of it.
  const shown = (query.isFetchNextPageError ? { ...query, isError: false } : query) as UseQueryResult<InfiniteData<EditHistoryResponse>>;
  if (editLogMissing) return <HistoryUnavailable />;
  return (
    <QueryState query={shown} loadingLabel={loadingLabel} loading={<SkeletonList label={loadingLabel} rows={3} />} errorTitle={errorTitle}>
      {(data) => {
        if (data.pages[0] && !data.pages[0].available) return <HistoryUnavailable />;
        const edits = data.pages.flatMap((page) => page.edits);
        if (edits.length === 0) return <EmptyState title="No edits yet">{empty}</EmptyState>;
        return (
          <EditList
            edits={edits}
            show={show}
            label={label}
            older={{
              hasMore: query.hasNextPage,
              loading: query.isFetchingNextPage,
              error: query.isFetchNextPageError ? query.error : null,
              load: () => void query.fetchNextPage(),
            }}
          />
        );
      }}
    </QueryState>
  );
}
