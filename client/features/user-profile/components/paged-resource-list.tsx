// One of a person's lists (owned tables, bookmarked dashboards …): a page of it at a time, paged on
// the client with the UI config's page size, and an empty state that says whose list it is. The page
// is in the URL (the profile's lists say which parameter): it pages with the search's pager, and says
// what it shows the way the search does ("Showing 11–20 of 42", "Page 2 of 5").
import { useUiConfig } from '../../../app/app-data';
import { formatWholeNumber } from '../../../lib/format-number';
import { pageOf } from '../../../components/list-page';
import { Pagination } from '../../../components/pagination';
import { ResourceList, type ResourceSummary } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';

export interface PagedResourceListProps {
  items: ResourceSummary[];
  label: string;
  empty: string;
  /** Zero-based, from the URL; past the end is the last page. */
  pageIndex: number;
  /** The URL of another page of this list. */
  hrefForPage: (pageIndex: number) => string;
}

export function PagedResourceList({ items, label, empty, pageIndex, hrefForPage }: PagedResourceListProps) {
  const perPage = useUiConfig().searchPagination.resultsPerPage;
  if (items.length === 0) return <EmptyState className="profile-list__empty">{empty}</EmptyState>;
  const page = pageOf(items, pageIndex, perPage);
  const paged = page.totalPages > 1;
  return (
    <>
      {paged ? (
        <p className="profile-list__range">
          Showing {page.firstItem}–{page.lastItem} of {formatWholeNumber(items.length)}
        </p>
      ) : null}
      <ResourceList items={page.items} label={paged ? `${label}, ${page.firstItem} to ${page.lastItem} of ${items.length}` : label} />
      <Pagination pageIndex={page.pageIndex} perPage={perPage} totalItems={items.length} hrefForPage={hrefForPage} label={`Pages of ${label.toLowerCase()}`} replace />
    </>
  );
}
