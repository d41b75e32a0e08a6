// A person's resources in three tabs (Owned, Bookmarked, Frequently used), each split by resource
// type (tables, and dashboards when they are indexed) with counts and paging; and their recent edits
// when the page is given them. The open tab and each list's page are in the URL (`?tab=read&page=2`,
// `dashboardPage=` for the dashboards; none for the Owned tab and first pages), so Back from a table
// opened here, a reload or a shared link finds them again; choosing a tab or a page replaces the URL
// (as the table page's tabs do). A tab the URL names that is not there is the first, and the URL is
// replaced by the one that says so (`useCanonicalTabParam`). The bookmarks come from the route (the bookmarks feature owns them:
// your own are the list your bookmark toggles change).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { User } from '../../../../contract/api-common';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { useUiConfig } from '../../../app/app-data';
import { profileListPageOf, withProfileListPage, withProfileTab, type ProfileList } from '../../../app/page-url-state';
import { resourceTabOf } from '../../../app/paths';
import { QueryState } from '../../../components/query-state';
import { ResourceSection } from '../../../components/resource-page';
import { SkeletonList } from '../../../components/skeleton';
import { Tabs, type TabItem } from '../../../components/tabs';
import { useCanonicalTabParam } from '../../../components/use-canonical-params';
import { useUserOwned } from '../api/get-user-owned';
import { useUserReadLists } from '../api/get-user-read';
import { PagedResourceList } from './paged-resource-list';

type ListTab = 'owned' | 'bookmarked' | 'read';
type ProfileTab = ListTab | 'edits';

export interface Whose {
  /** "Roald Amundsen", or "You" on your own profile. */
  name: string;
  isMe: boolean;
}

/** "You own no tables." / "Liv Arnesen owns no tables." */
export function emptyListText(tab: ListTab, resource: 'tables' | 'dashboards', whose: Whose): string {
  const verbs: Record<ListTab, [string, string]> = {
    owned: ['own', 'owns'],
    bookmarked: ['have bookmarked', 'has bookmarked'],
    read: ['use', 'uses'],
  };
  const [you, they] = verbs[tab];
  const what = tab === 'read' ? `no ${resource} often` : `no ${resource}`;
  return whose.isMe ? `You ${you} ${what}.` : `${whose.name} ${they} ${what}.`;
}

/** Each list's page from the URL, and the URL of another page of it. */
function useListPages() {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  return (list: ProfileList) => ({
    pageIndex: profileListPageOf(searchParams, list),
    hrefForPage: (pageIndex: number) => {
      const query = withProfileListPage(searchParams, list, pageIndex).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    withPage: (params: URLSearchParams, pageIndex: number) => withProfileListPage(params, list, pageIndex),
  });
}

function ResourceListsPanel({ tab, lists, whose, showDashboards }: { tab: ListTab; lists: ResourceLists; whose: Whose; showDashboards: boolean }) {
  const titles: Record<ListTab, string> = { owned: 'Owned', bookmarked: 'Bookmarked', read: 'Frequently used' };
  const pages = useListPages();
  // Your bookmarks: a bookmark removed with its star stays in its place until the list is next loaded (decision 040).
  const keepRemoved = tab === 'bookmarked' && whose.isMe;
  return (
    <>
      <ResourceSection id={`${tab}-tables`} title="Tables" count={lists.table.length} testId={`${tab}-tables`}>
        <PagedResourceList items={lists.table} label={`${titles[tab]} tables`} empty={emptyListText(tab, 'tables', whose)} {...pages('table')} keepRemoved={keepRemoved} />
      </ResourceSection>
      {showDashboards ? (
        <ResourceSection id={`${tab}-dashboards`} title="Dashboards" count={lists.dashboard.length} testId={`${tab}-dashboards`}>
          <PagedResourceList items={lists.dashboard} label={`${titles[tab]} dashboards`} empty={emptyListText(tab, 'dashboards', whose)} {...pages('dashboard')} keepRemoved={keepRemoved} />
        </ResourceSection>
      ) : null}
    </>
  );
}

const countOf = (query: UseQueryResult<ResourceLists>, withDashboards: boolean) =>
  query.data ? query.data.table.length + (withDashboards ? query.data.dashboard.length : 0) : undefined;

export interface ProfileListsProps {
  user: User;
  isMe: boolean;
  /** The person's bookmarks (asked for only while bookmarks are on). */
  bookmarks: UseQueryResult<ResourceLists>;
  /** The Edits tab's panel, when there is one. */
  edits?: ReactNode;
  /** The Edits tab's count; undefined shows none (still loading, or the catalog does not count edits). */
  editCount?: number;
}

export function ProfileLists({ user, isMe, bookmarks, edits, editCount }: ProfileListsProps) {
  const config = useUiConfig();
  const showDashboards = config.indexDashboards.enabled;
  const bookmarksOn = config.bookmarks.enabled;
  const owned = useUserOwned(user.user_id);
  const read = useUserReadLists(user.user_id);
  const [searchParams, setSearchParams] = useSearchParams();
  const whose: Whose = { name: user.display_name, isMe };

  const panel = (query: UseQueryResult<ResourceLists>, which: ListTab, what: string) => (
    <QueryState
      query={query}
      loadingLabel={`Loading ${what}`}
      loading={<SkeletonList label={`Loading ${what}`} rows={4} />}
      errorTitle={`${what[0]!.toUpperCase()}${what.slice(1)} could not be loaded`}
    >
      {(lists) => <ResourceListsPanel key={which} tab={which} lists={lists} whose={whose} showDashboards={showDashboards && which !== 'read'} />}
    </QueryState>
  );

  const items: TabItem<ProfileTab>[] = [
    { value: 'owned', label: 'Owned', count: countOf(owned, showDashboards) },
    ...(bookmarksOn ? [{ value: 'bookmarked' as const, label: 'Bookmarked', count: countOf(bookmarks, showDashboards) }] : []),
    { value: 'read', label: 'Frequently used', count: countOf(read, false) },
    ...(edits ? [{ value: 'edits' as const, label: 'Edits', count: editCount }] : []),
  ];
  const tab = items.find((item) => item.value === resourceTabOf(searchParams))?.value ?? 'owned';
  useCanonicalTabParam(tab === 'owned' ? null : tab);
  const selectTab = (next: ProfileTab) => setSearchParams((params) => withProfileTab(params, next === 'owned' ? null : next), { replace: true });

  return (
    <Tabs<ProfileTab> label={isMe ? 'Your resources' : `Resources of ${user.display_name}`} value={tab} onChange={selectTab} items={items}>
      {tab === 'owned'
        ? panel(owned, 'owned', 'owned resources')
        : tab === 'bookmarked'
          ? panel(bookmarks, 'bookmarked', 'bookmarks')
          : tab === 'edits'
            ? edits
            : panel(read, 'read', 'frequently used tables')}
    </Tabs>
  );
}
