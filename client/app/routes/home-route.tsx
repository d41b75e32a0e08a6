import { Suspense } from 'react';
import type { ClientConfig } from '../../../contract/ui-config';
import { PageTitle } from '../../components/page-title';
import { lazyPart } from '../../components/lazy-part';
import { Panel } from '../../components/panel';
import { ResourceItemActions, type ResourceItemAction } from '../../components/resource-list';
import { SkeletonList } from '../../components/skeleton';
import { badgesQueryOptions } from '../../features/browse/api/get-badges';
import { tagsQueryOptions } from '../../features/browse/api/get-tags';
import { lastIndexedQueryOptions } from '../../features/catalog-status/api/get-last-indexed';
import { LastIndexed } from '../../features/catalog-status/components/last-indexed';
import { popularResourcesQueryOptions } from '../../features/popular-resources/api/get-popular-resources';
import { PopularResources, popularTypes } from '../../features/popular-resources/components/popular-resources';
import { SearchForm } from '../../features/search/components/search-form';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import { searchPath } from '../paths';
import type { Prefetch } from '../prefetch';
import { useMediaQuery } from '../../lib/use-media-query';
import './home-route.css';

// Announcements are off unless the operator turns them on: their code is not part of the first page,
// and loads (with their data) only when they are on.
const loadAnnouncements = () => import('../../features/announcements/components/announcement-headlines');
const AnnouncementHeadlines = lazyPart(() => loadAnnouncements().then((module) => ({ default: module.AnnouncementHeadlines })));

// Browse (tags and badges) sits below the fold once there are bookmarks (decision 037): its code loads
// after the first page's, its data with the page's (the prefetch).
const HomeBrowse = lazyPart(() => import('../../features/browse/components/home-browse').then((module) => ({ default: module.HomeBrowse })));

// "My bookmarks" (tabs, pager, stars) and the popular lists' stars are not part of the first page
// (decision 007's budget): the prefetch loads their code, which asks for the bookmarks; the panel shows
// its loading state, each star an empty place (resource-list.css), until they are in.
const loadMyBookmarks = () => import('../../features/bookmarks/components/my-bookmarks');
const MyBookmarks = lazyPart(loadMyBookmarks);
const BookmarkToggle = lazyPart(() => loadMyBookmarks().then((module) => ({ default: module.BookmarkToggle })));

const popularStar: ResourceItemAction = (item, name) => (
  <Suspense fallback={null}>
    <BookmarkToggle item={item} name={name} variant="compact" />
  </Suspense>
);

function searchedThings(config: ClientConfig): string {
  const things = ['tables', ...(config.indexDashboards.enabled ? ['dashboards'] : []), ...(config.indexUsers.enabled ? ['people'] : [])];
  return things.length === 1 ? things[0]! : `${things.slice(0, -1).join(', ')} and ${things.at(-1)}`;
}

export function HomeRoute() {
  const config = useUiConfig();
  const dashboards = config.indexDashboards.enabled;
  // Below 34em (544 px) the box is too narrow for "Search tables, dashboards and people": the lead above says what is searched.
  const narrow = useMediaQuery('(width < 34em)');
  return (
    <div className="home">
      <PageTitle title="Home" />
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">Find the data you need</h1>
        <p className="hero__lead">Search {searchedThings(config)} by name, column, description or tag.</p>
        <SearchForm
          variant="home"
          label="Search for data"
          placeholder={narrow ? 'Search' : `Search ${searchedThings(config)}`}
          hint="Suggestions appear as you type; Enter shows every result. Prefixes work: cust finds customers. Filters too: tag:pii, schema:sales."
          searchPathFor={(term) => searchPath({ term })}
        />
        <LastIndexed className="hero__status" />
      </section>
      {/* Yours first (announcements and bookmarks), then what is popular, then Browse: the order of one
          column below 760 px, and of reading; beside each other, the first two share the right column. */}
      <div className="home__grid">
        {config.announcements.enabled || config.bookmarks.enabled ? (
          <div className="home__column home__yours">
            {config.announcements.enabled ? (
              <Suspense fallback={<Panel title="Announcements">{null}</Panel>}>
                <AnnouncementHeadlines />
              </Suspense>
            ) : null}
            {config.bookmarks.enabled ? (
              <Suspense
                fallback={
                  <Panel title="My bookmarks">
                    <SkeletonList label="Loading your bookmarks" rows={3} />
                  </Panel>
                }
              >
                <MyBookmarks showDashboards={dashboards} />
              </Suspense>
            ) : null}
          </div>
        ) : null}
        <div className="home__column home__popular">
          <ResourceItemActions value={config.bookmarks.enabled ? popularStar : null}>
            <PopularResources showDashboards={dashboards} />
          </ResourceItemActions>
        </div>
        <div className="home__column home__browse">
          <Suspense
            fallback={
              <Panel title="Browse">
                <SkeletonList label="Loading tags" rows={2} />
              </Panel>
            }
          >
            <HomeBrowse />
          </Suspense>
        </div>
      </div>
    </div>
  );
}

/** The requests depend on the UI config's switches: as soon as it is in. */
export const prefetch: Prefetch = (queryClient) => {
  void queryClient.ensureQueryData(clientConfigQueryOptions()).then((config) => {
    void queryClient.prefetchQuery(popularResourcesQueryOptions(popularTypes(config.indexDashboards.enabled)));
    if (config.bookmarks.enabled) void loadMyBookmarks().then((module) => module.prefetchMyBookmarks(queryClient));
    if (config.announcements.enabled) void loadAnnouncements().then((module) => module.prefetchAnnouncements(queryClient));
    void queryClient.prefetchQuery(tagsQueryOptions());
    if (config.browse.showBadgesInHome) void queryClient.prefetchQuery(badgesQueryOptions());
    void queryClient.prefetchQuery(lastIndexedQueryOptions());
  }, () => {});
};

export default HomeRoute;
