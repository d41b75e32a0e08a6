// The home page's popular tables and, when dashboards are indexed, popular dashboards (one request).
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { ResourceList } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';
import { usePopularResources, type PopularType } from '../api/get-popular-resources';

export function popularTypes(showDashboards: boolean): PopularType[] {
  return showDashboards ? ['table', 'dashboard'] : ['table'];
}

const NOUNS: Record<PopularType, string> = { table: 'tables', dashboard: 'dashboards' };

export function PopularResources({ showDashboards }: { showDashboards: boolean }) {
  const types = popularTypes(showDashboards);
  const query = usePopularResources(types);
  return types.map((type) => (
    <Panel key={type} title={`Popular ${NOUNS[type]}`}>
      <QueryState
        query={query}
        loadingLabel={`Loading popular ${NOUNS[type]}`}
        errorTitle={`Popular ${NOUNS[type]} could not be loaded`}
        isEmpty={(lists) => lists[type].length === 0}
        empty={<EmptyState title={`No popular ${NOUNS[type]} yet`}>They appear here once people use them.</EmptyState>}
      >
        {(lists) => <ResourceList items={lists[type]} label={`Popular ${NOUNS[type]}`} />}
      </QueryState>
    </Panel>
  ));
}
