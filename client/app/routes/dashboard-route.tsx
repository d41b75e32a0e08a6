import { useParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { dashboardQueryOptions } from '../../features/dashboard/api/get-dashboard';
import { DashboardPage } from '../../features/dashboard/components/dashboard-page';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import type { Prefetch } from '../prefetch';
import { NotFoundRoute } from './not-found-route';

/** `/dashboard/:uri`, only while dashboards are indexed (else the not-found page, as for any unknown URL). */
export function DashboardRoute() {
  const { uri = '' } = useParams();
  const config = useUiConfig();
  if (!config.indexDashboards.enabled || uri.trim() === '') return <NotFoundRoute />;
  return <DashboardPage uri={uri} />;
}

export const prefetch: Prefetch = (queryClient, { params }) => {
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  if (params.uri && config?.indexDashboards.enabled) void queryClient.prefetchQuery(dashboardQueryOptions(params.uri));
};

export default DashboardRoute;
