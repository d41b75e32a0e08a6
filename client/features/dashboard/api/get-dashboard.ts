import { queryOptions, useQuery } from '@tanstack/react-query';
import { DashboardResponseSchema, type DashboardDetail } from '../../../../contract/api-dashboard';
import { requestJson } from '../../../lib/api-client';
import { dashboardKeys } from './query-keys';

export async function getDashboard(uri: string, signal?: AbortSignal): Promise<DashboardDetail> {
  const body = await requestJson(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(uri)}`, DashboardResponseSchema, { signal });
  return body.dashboard;
}

export const dashboardQueryOptions = (uri: string) =>
  queryOptions({
    queryKey: dashboardKeys.detail(uri),
    queryFn: ({ signal }) => getDashboard(uri, signal),
  });

export function useDashboard(uri: string) {
  return useQuery(dashboardQueryOptions(uri));
}
