import type { ClientConfig } from '../../../contract/ui-config';
import { myBookmarksQueryOptions } from '../../features/bookmarks/api/get-my-bookmarks';
import { BookmarkToggle, WithBookmarkStars } from '../../features/bookmarks/components/bookmark-toggle';
import { dashboardSummaryOf } from '../../features/bookmarks/to-summary';
import { dashboardQueryOptions } from '../../features/dashboard/api/get-dashboard';
import { useEditHistoryCount } from '../../features/edit-history/api/get-edit-history';
import { ResourceHistory } from '../../features/edit-history/components/resource-history';
import { DashboardPage } from '../../features/dashboard/components/dashboard-page';
import { clientConfigQueryOptions } from '../app-data';
import { dashboardUriFromPath } from '../path-keys';
import type { Prefetch } from '../prefetch';
import { usePageAt } from '../use-page-at';
import { NotFoundAt } from './not-found-route';

/**
 * The dashboard page with the bookmark toggle, the stars of "Tables used", and the History tab with its
 * count, from the history's first page, asked for as the page opens (decision 048).
 */
function Dashboard({ uri }: { uri: string }) {
  const historyCount = useEditHistoryCount('dashboard', uri);
  return (
    <WithBookmarkStars>
      <DashboardPage
        uri={uri}
        actions={(dashboard) => <BookmarkToggle item={dashboardSummaryOf(dashboard)} name={dashboard.name} />}
        tabs={(dashboard) => [{ value: 'history', label: 'History', count: historyCount, panel: <ResourceHistory type="dashboard" resourceKey={uri} name={dashboard.name} /> }]}
      />
    </WithBookmarkStars>
  );
}

/**
 * `/dashboard/:uri`, only while dashboards are indexed (else the not-found page, saying why). The uri
 * comes from the encoded path (dashboardUriFromPath), so every uri, "/" and "%2F" in it included, round-trips.
 */
export function DashboardRoute() {
  const at = usePageAt();
  // No uri, or dashboards are off: the "Page not found" the BFF sent a 404 for (contract/spa-page-at.ts).
  if (at.page !== 'dashboard') return <NotFoundAt at={at} />;
  return <Dashboard uri={at.uri} />;
}

export const prefetch: Prefetch = (queryClient, { pathname }) => {
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  const uri = dashboardUriFromPath(pathname);
  if (!uri?.trim() || !config?.indexDashboards.enabled) return;
  void queryClient.prefetchQuery(dashboardQueryOptions(uri));
  if (config.bookmarks.enabled) void queryClient.prefetchQuery(myBookmarksQueryOptions());
};

export default DashboardRoute;
