import { PageTitle } from '../../components/page-title';
import { badgesQueryOptions } from '../../features/browse/api/get-badges';
import { tagsQueryOptions } from '../../features/browse/api/get-tags';
import { BadgeSections, TagSections } from '../../features/browse/components/browse-sections';
import type { Prefetch } from '../prefetch';
import './browse-route.css';

export function BrowseRoute() {
  return (
    <div className="browse">
      <PageTitle title="Browse" />
      <h1>Browse tags and badges</h1>
      <p className="muted">Each tag and badge leads to the tables (or dashboards) that carry it.</p>
      <div className="browse__sections">
        <TagSections />
        <BadgeSections />
      </div>
    </div>
  );
}

export const prefetch: Prefetch = (queryClient) => {
  void queryClient.prefetchQuery(tagsQueryOptions());
  void queryClient.prefetchQuery(badgesQueryOptions());
};

export default BrowseRoute;
