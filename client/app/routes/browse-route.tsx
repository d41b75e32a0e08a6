import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { Panel } from '../../components/panel';
import { ALL_DASHBOARDS_PATH } from '../../features/dashboard/all-dashboards-path';
import { badgesQueryOptions } from '../../features/browse/api/get-badges';
import { tagsQueryOptions } from '../../features/browse/api/get-tags';
import { BadgeSections, TagSections } from '../../features/browse/components/browse-sections';
import { useUiConfig } from '../app-data';
import type { Prefetch } from '../prefetch';
import './browse-route.css';

export function BrowseRoute() {
  const dashboards = useUiConfig().indexDashboards.enabled;
  return (
    <div className="browse">
      <PageTitle title="Browse" />
      <h1>Browse tags and badges</h1>
      <p className="muted">Each tag and badge leads to the tables (or dashboards) that carry it.</p>
      <div className="browse__sections">
        <TagSections />
        <BadgeSections />
        {/* Tags lead to the dashboards that carry one; this to every dashboard, the only way there
            besides a search (Amundsen's browse page has none). */}
        {dashboards ? (
          <Panel title="Dashboards">
            <p className="muted">Every dashboard in the catalog, by name, to narrow by product, group or tag.</p>
            <Link to={ALL_DASHBOARDS_PATH}>All dashboards</Link>
          </Panel>
        ) : null}
      </div>
    </div>
  );
}

export const prefetch: Prefetch = (queryClient) => {
  void queryClient.prefetchQuery(tagsQueryOptions());
  void queryClient.prefetchQuery(badgesQueryOptions());
};

export default BrowseRoute;
