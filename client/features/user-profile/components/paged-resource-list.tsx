// One of a person's lists (owned tables, bookmarked dashboards …): a page of it at a time, paged on
// the client with the UI config's page size, and an empty state that says whose list it is.
import { useState } from 'react';
import { useUiConfig } from '../../../app/app-data';
import { pageOf, Pager } from '../../../components/pager';
import { ResourceList, type ResourceSummary } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';

export function PagedResourceList({ items, label, empty }: { items: ResourceSummary[]; label: string; empty: string }) {
  const perPage = useUiConfig().searchPagination.resultsPerPage;
  const [pageIndex, setPageIndex] = useState(0);
  if (items.length === 0) return <EmptyState className="profile-list__empty">{empty}</EmptyState>;
  const page = pageOf(items, pageIndex, perPage);
  return (
    <>
      <ResourceList items={page.items} label={page.totalPages > 1 ? `${label}, ${page.firstItem} to ${page.lastItem} of ${items.length}` : label} />
      <Pager page={page} totalItems={items.length} onPageChange={setPageIndex} label={`Pages of ${label.toLowerCase()}`} />
    </>
  );
}
