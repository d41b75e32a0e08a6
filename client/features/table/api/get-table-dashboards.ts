import { queryOptions, useQuery } from '@tanstack/react-query';
import { TableDashboardsResponseSchema, type DashboardSummary } from '../../../../contract/api-dashboard';
import { requestJson } from '../../../lib/api-client';
import { tableKeys } from './query-keys';

/** The dashboards that use a table (most viewed first). The key goes in the path, percent-encoded. */
export async function getTableDashboards(key: string, signal?: AbortSignal): Promise<DashboardSummary[]> {
  const body = await requestJson(`/api/metadata/v0/table/${encodeURIComponent(key)}/dashboards`, TableDashboardsResponseSchema, { signal });
  return body.dashboards;
}

export const tableDashboardsQueryOptions = (key: string) =>
  queryOptions({
    queryKey: tableKeys.dashboards(key),
    queryFn: ({ signal }) => getTableDashboards(key, signal),
  });

export function useTableDashboards(key: string, options: { enabled: boolean }) {
  return useQuery({ ...tableDashboardsQueryOptions(key), enabled: options.enabled });
}
