// "My bookmarks" on the home page: the signed-in person's bookmarks in a tab per resource type that is
// switched on ("Tables 32", "Dashboards 3"; no tab list when dashboards are off), a page of
// BOOKMARKS_PER_PAGE at a time with the one pager, and each item's bookmark star. The open tab and page
// are in the URL (`?bookmarks=dashboard&bookmarksPage=2`, decision 026): choosing either replaces it,
// and a page past the end is the last, the URL replaced to say so (decision 089).
// Removing a bookmark here keeps its row in place, muted, "Removed", with an empty star that puts it
// back, until the list is next loaded (decision 040): focus stays on the star, the rows under the
// pointer and the pages do not move; the tabs count the bookmarks there are.
import { useIsMutating, type QueryClient } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { homeBookmarksOf, withHomeBookmarksPage, withHomeBookmarksTab, type BookmarksTab } from '../../../app/page-url-state';
import { pageOf } from '../../../components/list-page';
import { Pagination } from '../../../components/pagination';
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { ResourceList, type ResourceItemAction, type ResourceSummary } from '../../../components/resource-list';
import type { KeptRow } from '../../../components/rows-kept-in-place';
import { EmptyState } from '../../../components/state';
import { Tabs, type TabItem } from '../../../components/tabs';
import { useCanonicalParams } from '../../../components/use-canonical-params';
import { useRowsKeptInPlace } from '../../../components/use-rows-kept-in-place';
import { formatWholeNumber } from '../../../lib/format-number';
import { myBookmarksQueryOptions, useMyBookmarks } from '../api/get-my-bookmarks';
import { bookmarkKeys } from '../api/query-keys';
import { useBookmarkToggles } from './bookmark-toggle';
import './my-bookmarks.css';

/**
 * Ten, as the search's and a profile's pages: with the two-line items that is about as tall as the
 * popular tables beside it at 1280 px, so Browse stays in reach below (32 bookmarks unpaged made the
 * home page 4,936 px tall). Amundsen shows 4, which hides most of a typical list behind the pager.
 */
export const BOOKMARKS_PER_PAGE = 10;

const NOUNS: Record<BookmarksTab, string> = { table: 'tables', dashboard: 'dashboards' };
const TITLES: Record<BookmarksTab, string> = { table: 'Tables', dashboard: 'Dashboards' };

/** The popular lists' stars on the home page, from this module: one chunk to load, not two. */
export { BookmarkToggle } from './bookmark-toggle';

/** The home page's prefetch, once this module is in (it is not part of the first page's code). */
export function prefetchMyBookmarks(queryClient: QueryClient) {
  void queryClient.prefetchQuery(myBookmarksQueryOptions());
}

type Rows = Record<BookmarksTab, KeptRow<ResourceSummary>[]>;

const keyOf = (item: ResourceSummary) => `${item.type}:${item.key}`;

export function MyBookmarks({ showDashboards }: { showDashboards: boolean }) {
  const query = useMyBookmarks();
  // Here, not in the list: a star mounted with the first bookmark would read the list again while
  // that bookmark is still on its way (and show the list without it).
  const star = useBookmarkToggles();
  // Here too, so a removed row stays while the other tab is open and the panel shows its last row's star.
  // Settled: no toggle on its way (a bookmark added and refused at once is not kept as "Removed").
  const settled = useIsMutating({ mutationKey: bookmarkKeys.toggle() }) === 0;
  const rows: Rows = { table: useRowsKeptInPlace(query.data?.table, keyOf, settled), dashboard: useRowsKeptInPlace(query.data?.dashboard, keyOf, settled) };
  return (
    <Panel title="My bookmarks">
      <QueryState
        query={query}
        loadingLabel="Loading your bookmarks"
        errorTitle="Your bookmarks could not be loaded"
        isEmpty={() => rows.table.length + (showDashboards ? rows.dashboard.length : 0) === 0}
        empty={
          <EmptyState title="No bookmarks yet">
            <p>Bookmark the tables{showDashboards ? ' and dashboards' : ''} you use often to find them here.</p>
          </EmptyState>
        }
      >
        {(lists) => <BookmarkTabs lists={lists} rows={rows} types={showDashboards ? ['table', 'dashboard'] : ['table']} star={star} />}
      </QueryState>
    </Panel>
  );
}

function BookmarkTabs({ lists, rows, types, star }: { lists: ResourceLists; rows: Rows; types: BookmarksTab[]; star: ResourceItemAction | null }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = homeBookmarksOf(searchParams);
  const tab = types.includes(requested.tab) ? requested.tab : 'table';
  const body = <BookmarkPage rows={rows[tab]} tab={tab} pageIndex={tab === requested.tab ? requested.pageIndex : 0} star={star} />;
  if (types.length === 1) return body;
  // The bookmarks there are: a removed row still shown is not one.
  const items: TabItem<BookmarksTab>[] = types.map((type) => ({ value: type, label: TITLES[type], count: lists[type].length }));
  return (
    <Tabs<BookmarksTab> label="Bookmarks by type" items={items} value={tab} onChange={(next) => setSearchParams((params) => withHomeBookmarksTab(params, next), { replace: true })} className="my-bookmarks__tabs">
      {body}
    </Tabs>
  );
}

function BookmarkPage({ rows, tab, pageIndex, star }: { rows: readonly KeptRow<ResourceSummary>[]; tab: BookmarksTab; pageIndex: number; star: ResourceItemAction | null }) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  // Pages of the rows shown, removed ones included: removing a row moves no other onto another page.
  const page = pageOf(rows, pageIndex, BOOKMARKS_PER_PAGE);
  // A page past the end (`?bookmarksPage=99`, or fewer bookmarks since the link was made) shows the last
  // one, and the URL is replaced to say so.
  useCanonicalParams((params) => withHomeBookmarksPage(params, page.pageIndex));
  if (rows.length === 0) {
    return (
      <EmptyState title={`No bookmarked ${NOUNS[tab]}`} className="my-bookmarks__empty">
        <p>Bookmark the {NOUNS[tab]} you use often to find them here.</p>
      </EmptyState>
    );
  }
  const paged = page.totalPages > 1;
  const label = `Bookmarked ${NOUNS[tab]}`;
  const removed = new Set(rows.filter((row) => row.removed).map((row) => keyOf(row.item)));
  const hrefForPage = (index: number) => {
    const query = withHomeBookmarksPage(searchParams, index).toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <div className="my-bookmarks__page">
      {paged ? (
        <p className="my-bookmarks__range">
          Showing {page.firstItem}–{page.lastItem} of {formatWholeNumber(rows.length)}
          {removed.size > 0 ? ` (${formatWholeNumber(removed.size)} removed)` : null}
        </p>
      ) : null}
      <ResourceList
        items={page.items.map((row) => row.item)}
        label={paged ? `${label}, ${page.firstItem} to ${page.lastItem} of ${rows.length}` : label}
        itemAction={star}
        isRemoved={(item) => removed.has(keyOf(item))}
      />
      <Pagination pageIndex={page.pageIndex} perPage={BOOKMARKS_PER_PAGE} totalItems={rows.length} hrefForPage={hrefForPage} label={`Pages of ${label.toLowerCase()}`} replace />
    </div>
  );
}

/** The home page loads this module lazily: `lazy()` takes its default export. */
export default MyBookmarks;
