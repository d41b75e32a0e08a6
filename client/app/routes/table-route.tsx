import { useSearchParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { buildTableKey, type TableCoordinates } from '../../../contract/table-key';
import { myBookmarksQueryOptions } from '../../features/bookmarks/api/get-my-bookmarks';
import { BookmarkToggle, WithBookmarkStars } from '../../features/bookmarks/components/bookmark-toggle';
import { tableSummaryOf } from '../../features/bookmarks/to-summary';
import { useEditHistoryCount } from '../../features/edit-history/api/get-edit-history';
import { ResourceHistory } from '../../features/edit-history/components/resource-history';
import { tableQueryOptions } from '../../features/table/api/get-table';
import { tableDashboardsQueryOptions } from '../../features/table/api/get-table-dashboards';
import { tableLineageQueryOptions } from '../../features/table/api/get-table-lineage';
import { TablePage } from '../../features/table/components/table-page';
import { clientConfigQueryOptions } from '../app-data';
import { tableKeyFromPath } from '../path-keys';
import type { Prefetch } from '../prefetch';
import { usePageAt } from '../use-page-at';
import { NotFoundAt } from './not-found-route';

/**
 * The table page with what other features add: the bookmark toggle, the stars of the dashboards that use
 * the table, and the History tab with its count. The count comes with the history's first page, asked for
 * as the page opens, beside the table (decision 048); the tab's list then starts from that page.
 */
function Table({ coordinates, targetColumn, targetField }: { coordinates: TableCoordinates; targetColumn: string | null; targetField: string | null }) {
  // The key the page's own query uses, so the count and the tab read one cache entry.
  const tableKey = buildTableKey(coordinates);
  const historyCount = useEditHistoryCount('table', tableKey);
  return (
    <WithBookmarkStars>
      <TablePage
        coordinates={coordinates}
        targetColumn={targetColumn}
        targetField={targetField}
        actions={(table) => <BookmarkToggle item={tableSummaryOf(table)} name={`${table.schema}.${table.name}`} />}
        tabs={(table) => [{ value: 'history', label: 'History', count: historyCount, panel: <ResourceHistory type="table" resourceKey={tableKey} name={`${table.schema}.${table.name}`} /> }]}
      />
    </WithBookmarkStars>
  );
}

/**
 * `/table_detail/:cluster/:database/:schema/:table`; the key comes from the encoded path (tableKeyFromPath), so every name round-trips.
 * `?column=` opens a column, `?field=` a nested field of it (decision 067).
 */
export function TableRoute() {
  const at = usePageAt();
  const [searchParams] = useSearchParams();
  // A key that cannot be read: the "Page not found" the BFF sent a 404 for (contract/spa-page-at.ts).
  if (at.page !== 'table') return <NotFoundAt at={at} />;
  return <Table coordinates={at.table} targetColumn={searchParams.get('column') || null} targetField={searchParams.get('field') || null} />;
}

/** The table, and (when the UI config is loaded and has them on) its lineage, dashboards and your bookmarks. */
export const prefetch: Prefetch = (queryClient, { pathname }) => {
  const key = tableKeyFromPath(pathname);
  if (!key) return;
  void queryClient.prefetchQuery(tableQueryOptions(key));
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  if (config?.tableLineage.inAppListEnabled) void queryClient.prefetchQuery(tableLineageQueryOptions(key, config.tableLineage.defaultLineageDepth));
  if (config?.indexDashboards.enabled) void queryClient.prefetchQuery(tableDashboardsQueryOptions(key));
  if (config?.bookmarks.enabled) void queryClient.prefetchQuery(myBookmarksQueryOptions());
};

export default TableRoute;
