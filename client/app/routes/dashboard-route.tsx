import { useParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { myBookmarksQueryOptions } from '../../features/bookmarks/api/get-my-bookmarks';
import { BookmarkToggle, WithBookmarkStars } from '../../features/bookmarks/components/bookmark-toggle';
import { dashboardSummaryOf } from '../../features/bookmarks/to-summary';
import { dashboardQueryOptions } from '../../features/dashboard/api/get-dashboard';
import { ResourceHistory } from '../../features/edit-history/components/resource-history';
import { DashboardPage } from '../../features/dashboard/components/dashboard-page';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import type { Prefetch } from '../prefetch';
import { NotFoundRoute } from './not-found-route';

/** `/dashboard/:uri`, only while dashboards are indexed (else the not-found page, saying why). */
export function DashboardRoute() {
  const { uri = '' } = useParams();
  const config = useUiConfig();
  if (uri.trim() === '') return <NotFoundRoute />;
  if (!config.indexDashboards.enabled) return <NotFoundRoute reason="Dashboards are turned off in this catalog." />;
  // The stars of "Tables used".
  return (
    <WithBookmarkStars>
      <DashboardPage
        uri={uri}
        actions={(dashboard) => <BookmarkToggle item={dashboardSummaryOf(dashboard)} name={dashboard.name} />}
        tabs={(dashboard) => [{ value: 'history', label: 'History', panel: <ResourceHistory type="dashboard" resourceKey={dashboard.uri} name={dashboard.name} /> }]}
      />
    </WithBookmarkStars>
  );
}

export const prefetch: Prefetch = (queryClient, { params }) => {
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  if (params.uri && config?.indexDashboards.enabled) void queryClient.prefetchQuery(dashboardQueryOptions(params.uri));
  if (params.uri && config?.indexDashboards.enabled && config.bookmarks.enabled) void queryClient.prefetchQuery(myBookmarksQueryOptions());
};

export default DashboardRoute;
