// One of a person's lists (owned tables, bookmarked dashboards …): a page of it at a time, paged on
// the client with the UI config's page size, and an empty state that says whose list it is. The page
// is in the URL (the profile's lists say which parameter): it pages with the search's pager, and says
// what it shows the way the search does ("Showing 11–20 of 42", "Page 2 of 5"). Your own bookmarks keep
// a removed row in its place until the list is next loaded (`keepRemoved`, decision 040).
import { useUiConfig } from '../../../app/app-data';
import { formatWholeNumber } from '../../../lib/format-number';
import { pageOf } from '../../../components/list-page';
import { Pagination } from '../../../components/pagination';
import { ResourceList, type ResourceSummary } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';
import { useCanonicalParams } from '../../../components/use-canonical-params';
import { useRowsKeptInPlace } from '../../../components/use-rows-kept-in-place';

export interface PagedResourceListProps {
  items: ResourceSummary[];
  label: string;
  empty: string;
  /** Zero-based, from the URL; past the end is the last page (and the URL is replaced to say so). */
  pageIndex: number;
  /** The URL of another page of this list. */
  hrefForPage: (pageIndex: number) => string;
  /** The query with this list on `pageIndex`: a page past the end is replaced in the URL by the last. */
  withPage: (params: URLSearchParams, pageIndex: number) => URLSearchParams;
  /** A row that leaves the list stays in its place, "Removed", until the list is next loaded (your bookmarks). */
  keepRemoved?: boolean;
}

const keyOf = (item: ResourceSummary) => `${item.type}:${item.key}`;

export function PagedResourceList({ items, label, empty, pageIndex, hrefForPage, withPage, keepRemoved = false }: PagedResourceListProps) {
  const perPage = useUiConfig().searchPagination.resultsPerPage;
  const kept = useRowsKeptInPlace(keepRemoved ? items : undefined, keyOf);
  const rows = keepRemoved ? kept : items.map((item) => ({ item, removed: false, confirmed: true }));
  // Pages of the rows shown, removed ones included: removing a row moves no other onto another page.
  const page = pageOf(rows, pageIndex, perPage);
  useCanonicalParams((params) => withPage(params, page.pageIndex));
  if (rows.length === 0) return <EmptyState className="profile-list__empty">{empty}</EmptyState>;
  const paged = page.totalPages > 1;
  const removed = new Set(rows.filter((row) => row.removed).map((row) => keyOf(row.item)));
  return (
    <>
      {paged ? (
        <p className="profile-list__range">
          Showing {page.firstItem}–{page.lastItem} of {formatWholeNumber(rows.length)}
          {removed.size > 0 ? ` (${formatWholeNumber(removed.size)} removed)` : null}
        </p>
      ) : null}
      <ResourceList
        items={page.items.map((row) => row.item)}
        label={paged ? `${label}, ${page.firstItem} to ${page.lastItem} of ${rows.length}` : label}
        isRemoved={removed.size > 0 ? (item) => removed.has(keyOf(item)) : undefined}
      />
      <Pagination pageIndex={page.pageIndex} perPage={perPage} totalItems={rows.length} hrefForPage={hrefForPage} label={`Pages of ${label.toLowerCase()}`} replace />
    </>
  );
}
