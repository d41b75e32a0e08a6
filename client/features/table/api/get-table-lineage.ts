import { queryOptions, useQuery } from '@tanstack/react-query';
import { LineageResponseSchema, MAX_LINEAGE_DEPTH, type LineageDirection, type LineageResponse } from '../../../../contract/api-table';
import { requestJson } from '../../../lib/api-client';
import { tableKeys } from './query-keys';

/** Upstream and downstream tables of a table, `depth` hops each way (1 to MAX_LINEAGE_DEPTH). */
export async function getTableLineage(key: string, depth: number, direction: LineageDirection, signal?: AbortSignal): Promise<LineageResponse> {
  const params = new URLSearchParams({ key, depth: String(depth), direction });
  return requestJson(`/api/metadata/v0/get_table_lineage?${params}`, LineageResponseSchema, { signal });
}

export const tableLineageQueryOptions = (key: string, depth: number, direction: LineageDirection = 'both') => {
  const safeDepth = Math.min(MAX_LINEAGE_DEPTH, Math.max(1, Math.round(depth)));
  return queryOptions({
    queryKey: tableKeys.lineage(key, safeDepth, direction),
    queryFn: ({ signal }) => getTableLineage(key, safeDepth, direction, signal),
  });
};

export function useTableLineage(key: string, depth: number, options: { enabled: boolean }) {
  return useQuery({ ...tableLineageQueryOptions(key, depth), enabled: options.enabled });
}

/** Upstream and downstream columns of one column of a table (a 404 when the column is not there). */
export async function getColumnLineage(key: string, column: string, depth: number, direction: LineageDirection, signal?: AbortSignal): Promise<LineageResponse> {
  const params = new URLSearchParams({ key, column_name: column, depth: String(depth), direction });
  return requestJson(`/api/metadata/v0/get_column_lineage?${params}`, LineageResponseSchema, { signal });
}

export const columnLineageQueryOptions = (key: string, column: string, depth: number, direction: LineageDirection = 'both') => {
  const safeDepth = Math.min(MAX_LINEAGE_DEPTH, Math.max(1, Math.round(depth)));
  return queryOptions({
    queryKey: tableKeys.columnLineage(key, column, safeDepth, direction),
    queryFn: ({ signal }) => getColumnLineage(key, column, safeDepth, direction, signal),
  });
};
