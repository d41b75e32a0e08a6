// "My bookmarks" on the home page: the signed-in user's bookmarked tables, then dashboards.
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { ResourceList } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';
import { useMyBookmarks } from '../api/get-my-bookmarks';

export function MyBookmarks({ showDashboards }: { showDashboards: boolean }) {
  const query = useMyBookmarks();
  return (
    <Panel title="My bookmarks">
      <QueryState
        query={query}
        loadingLabel="Loading your bookmarks"
        errorTitle="Your bookmarks could not be loaded"
        isEmpty={(lists) => lists.table.length + (showDashboards ? lists.dashboard.length : 0) === 0}
        empty={
          <EmptyState title="No bookmarks yet">
            <p>Bookmark the tables{showDashboards ? ' and dashboards' : ''} you use often to find them here.</p>
          </EmptyState>
        }
      >
        {(lists) => <ResourceList items={[...lists.table, ...(showDashboards ? lists.dashboard : [])]} label="My bookmarks" />}
      </QueryState>
    </Panel>
  );
}
