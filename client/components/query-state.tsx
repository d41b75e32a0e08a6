// The one loading / empty / error switch for a query, so no view hand-writes it.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isNotFound } from '../lib/api-error';
import { SkeletonList } from './skeleton';
import { ErrorState } from './state';

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** Announced while loading ("Loading popular tables"); or pass `loading` for a custom skeleton. */
  loadingLabel: string;
  loading?: ReactNode;
  /** Title of the error state ("Popular tables could not be loaded"). */
  errorTitle: string;
  /** Shown instead of the error state when the query failed with 404. */
  notFound?: ReactNode;
  /** Puts the error state in a frame (a page's heading and title); by default it stands alone. */
  errorFrame?: (errorState: ReactNode) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, loadingLabel, loading, errorTitle, notFound, errorFrame, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return loading ?? <SkeletonList label={loadingLabel} rows={3} />;
  // A failed background refetch (coming back to the tab, after an edit) keeps what is on screen, and
  // with it any editor open there; only a query that never had data shows the error.
  if (query.isError && query.data === undefined) {
    if (notFound && isNotFound(query.error)) return notFound;
    const errorState = <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />;
    return errorFrame ? errorFrame(errorState) : errorState;
  }
  if (isEmpty?.(query.data as T)) return empty ?? null;
  return children(query.data as T);
}
