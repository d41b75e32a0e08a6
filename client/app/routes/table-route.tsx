import { useParams, useSearchParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { parseTableKey } from '../../../contract/table-key';
import { tableQueryOptions } from '../../features/table/api/get-table';
import { tableDashboardsQueryOptions } from '../../features/table/api/get-table-dashboards';
import { tableLineageQueryOptions } from '../../features/table/api/get-table-lineage';
import { TablePage } from '../../features/table/components/table-page';
import { clientConfigQueryOptions } from '../app-data';
import { tableKeyFromParams } from '../paths';
import type { Prefetch } from '../prefetch';
import { NotFoundRoute } from './not-found-route';

export function TableRoute() {
  const key = tableKeyFromParams(useParams());
  const [searchParams] = useSearchParams();
  const coordinates = key ? parseTableKey(key) : null;
  if (!coordinates) return <NotFoundRoute />;
  return <TablePage coordinates={coordinates} targetColumn={searchParams.get('column') || null} />;
}

/** The table, and (when the UI config is loaded and has them on) its lineage and dashboards. */
export const prefetch: Prefetch = (queryClient, { params }) => {
  const key = tableKeyFromParams(params);
  if (!key) return;
  void queryClient.prefetchQuery(tableQueryOptions(key));
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  if (config?.tableLineage.inAppListEnabled) void queryClient.prefetchQuery(tableLineageQueryOptions(key, config.tableLineage.defaultLineageDepth));
  if (config?.indexDashboards.enabled) void queryClient.prefetchQuery(tableDashboardsQueryOptions(key));
};

export default TableRoute;
