import { BreakableText } from '../../../components/breakable-text';
import { QueryState } from '../../../components/query-state';
import { ResourceSection } from '../../../components/resource-page';
import { ResourceList } from '../../../components/resource-list';
import { SkeletonList } from '../../../components/skeleton';
import { useTableDashboards } from '../api/get-table-dashboards';

/** Dashboards built on this table (when dashboards are indexed). */
export function TableDashboardsSection({ tableKey, tableName }: { tableKey: string; tableName: string }) {
  const query = useTableDashboards(tableKey, { enabled: true });
  return (
    <ResourceSection id="dashboards" title="Dashboards" count={query.data?.length} testId="table-dashboards">
      <QueryState
        query={query}
        loadingLabel="Loading dashboards"
        loading={<SkeletonList label="Loading dashboards" rows={2} />}
        errorTitle="Dashboards could not be loaded"
        isEmpty={(dashboards) => dashboards.length === 0}
        empty={
          <p className="muted table-dashboards__none">
            No dashboard uses <BreakableText text={tableName} />.
          </p>
        }
      >
        {(dashboards) => <ResourceList items={dashboards} label={`Dashboards using ${tableName}`} />}
      </QueryState>
    </ResourceSection>
  );
}
