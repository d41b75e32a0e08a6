// "My bookmarks" on the home page: the signed-in person's bookmarks in a tab per resource type that is
// switched on ("Tables 32", "Dashboards 3"; no tab list when dashboards are off), a page of
// BOOKMARKS_PER_PAGE at a time with the one pager, and each item's bookmark star. The open tab and page
// are in the URL (`?bookmarks=dashboard&bookmarksPage=2`, decision 026): choosing either replaces it.
// Removing a bookmark here takes its row away at once, like every other view of the list (the toggle is
// optimistic); focus goes to the next row's star (else the previous one's, else the open tab).
import type { QueryClient } from '@tanstack/react-query';
import { useRef, type MouseEvent } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { homeBookmarksOf, withHomeBookmarksPage, withHomeBookmarksTab, type BookmarksTab } from '../../../app/page-url-state';
import { focusAfterRemoval } from '../../../components/focus-after-removal';
import { pageOf } from '../../../components/list-page';
import { Pagination } from '../../../components/pagination';
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { ResourceList, type ResourceItemAction, type ResourceSummary } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';
import { Tabs, type TabItem } from '../../../components/tabs';
import { formatWholeNumber } from '../../../lib/format-number';
import { myBookmarksQueryOptions, useMyBookmarks } from '../api/get-my-bookmarks';
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

export function MyBookmarks({ showDashboards }: { showDashboards: boolean }) {
  const query = useMyBookmarks();
  // Here, not in the list: a star mounted with the first bookmark would read the list again while
  // that bookmark is still on its way (and show the list without it).
  const star = useBookmarkToggles();
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
        {(lists) => <BookmarkTabs lists={lists} types={showDashboards ? ['table', 'dashboard'] : ['table']} star={star} />}
      </QueryState>
    </Panel>
  );
}

function BookmarkTabs({ lists, types, star }: { lists: ResourceLists; types: BookmarksTab[]; star: ResourceItemAction | null }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = homeBookmarksOf(searchParams);
  const tab = types.includes(requested.tab) ? requested.tab : 'table';
  const body = <BookmarkPage items={lists[tab]} tab={tab} pageIndex={tab === requested.tab ? requested.pageIndex : 0} star={star} />;
  if (types.length === 1) return body;
  const items: TabItem<BookmarksTab>[] = types.map((type) => ({ value: type, label: TITLES[type], count: lists[type].length }));
  return (
    <Tabs<BookmarksTab> label="Bookmarks by type" items={items} value={tab} onChange={(next) => setSearchParams((params) => withHomeBookmarksTab(params, next), { replace: true })} className="my-bookmarks__tabs">
      {body}
    </Tabs>
  );
}

function BookmarkPage({ items, tab, pageIndex, star }: { items: readonly ResourceSummary[]; tab: BookmarksTab; pageIndex: number; star: ResourceItemAction | null }) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const listRef = useRef<HTMLDivElement>(null);
  if (items.length === 0) {
    return (
      <EmptyState title={`No bookmarked ${NOUNS[tab]}`} className="my-bookmarks__empty">
        <p>Bookmark the {NOUNS[tab]} you use often to find them here.</p>
      </EmptyState>
    );
  }
  const page = pageOf(items, pageIndex, BOOKMARKS_PER_PAGE);
  const paged = page.totalPages > 1;
  const label = `Bookmarked ${NOUNS[tab]}`;
  const hrefForPage = (index: number) => {
    const query = withHomeBookmarksPage(searchParams, index).toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  // A star pressed while bookmarked takes its row away: hand focus on before the row goes.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const pressed = (event.target as Element).closest<HTMLElement>('.resource-list__action button[aria-pressed="true"]');
    if (!pressed || !listRef.current) return;
    const stars = [...listRef.current.querySelectorAll<HTMLElement>('.resource-list__action button')];
    focusAfterRemoval(pressed, stars, () => listRef.current?.closest('.panel')?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'));
  };
  return (
    <div ref={listRef} onClick={onClick} className="my-bookmarks__page">
      {paged ? (
        <p className="my-bookmarks__range">
          Showing {page.firstItem}–{page.lastItem} of {formatWholeNumber(items.length)}
        </p>
      ) : null}
      <ResourceList items={page.items} label={paged ? `${label}, ${page.firstItem} to ${page.lastItem} of ${items.length}` : label} itemAction={star} />
      <Pagination pageIndex={page.pageIndex} perPage={BOOKMARKS_PER_PAGE} totalItems={items.length} hrefForPage={hrefForPage} label={`Pages of ${label.toLowerCase()}`} replace />
    </div>
  );
}

/** The home page loads this module lazily: `lazy()` takes its default export. */
export default MyBookmarks;
