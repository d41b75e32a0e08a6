import { queryOptions, useQuery } from '@tanstack/react-query';
import { TableDetailResponseSchema, type TableDetail } from '../../../../contract/api-table';
import { requestJson } from '../../../lib/api-client';
import { tableKeys } from './query-keys';

export async function getTable(key: string, signal?: AbortSignal): Promise<TableDetail> {
  const body = await requestJson(`/api/metadata/v0/table?key=${encodeURIComponent(key)}`, TableDetailResponseSchema, { signal });
  return body.tableData;
}

export const tableQueryOptions = (key: string) =>
  queryOptions({
    queryKey: tableKeys.detail(key),
    queryFn: ({ signal }) => getTable(key, signal),
  });

export function useTable(key: string) {
  return useQuery(tableQueryOptions(key));
}
