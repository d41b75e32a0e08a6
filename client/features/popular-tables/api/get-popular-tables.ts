import { queryOptions, useQuery } from '@tanstack/react-query';
import { PopularResourcesResponseSchema, type TableSummary } from '../../../../contract/bff-api';
import { requestJson } from '../../../lib/api-client';

export async function getPopularTables(signal?: AbortSignal): Promise<TableSummary[]> {
  const body = await requestJson('/api/metadata/v0/popular_resources?types=table', PopularResourcesResponseSchema, {
    signal,
  });
  return body.results.table;
}

export const popularTablesQueryOptions = () =>
  queryOptions({
    queryKey: ['popular-tables'] as const,
    queryFn: ({ signal }) => getPopularTables(signal),
  });

export function usePopularTables() {
  return useQuery(popularTablesQueryOptions());
}
