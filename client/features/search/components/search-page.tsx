// The search page: a tab per searchable resource with its count, the shown tab's filters, its
// results (why each matched, tags and badges as links), "did you mean" and pages. Everything it
// shows comes from the URL (paths.ts), so a link shares it and Back restores it.
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import type { SearchResponse } from '../../../../contract/api-search';
import { useUiConfig } from '../../../app/app-data';
import { searchPath, type SearchFilters, type SearchResource, type SearchState } from '../../../app/paths';
import { Button, ButtonLink } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { Pagination } from '../../../components/pagination';
import { computePagination } from '../../../components/pagination-state';
import { QueryState } from '../../../components/query-state';
import { SkeletonList } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { Tabs } from '../../../components/tabs';
import { useSearch } from '../api/search-catalog';
import { RESOURCE_NOUNS } from '../resources';
import { listsEverything } from '../lists-everything';
import { planSearch, type SearchPlan } from '../search-plan';
import { otherTabsInput, switchTab } from '../tab-filters';
import { FilterPanel, type HistoryMode } from './filter-panel';
import { SearchResultItem, type ResultAction } from './search-result-item';
import { SortSelect } from './sort-select';
import type { TableSearchSort } from '../../../../contract/search-sort';
import { SORT_CHOICES } from '../../../../contract/search-sort-choices';
import './search-page.css';
import { formatWholeNumber } from '../../../lib/format-number';
import { formatResultCount as formatCount, RESULT_COUNT_CAP } from '../../../../contract/result-count';
import { countOf, resultsStatus } from '../results-status';
import { didYouMeanAsShown } from '../did-you-mean';
import { configuredCategories } from '../../../../contract/search-url';

// A disabled query still needs an input (never sent: no page holds 0 results).
const NOTHING = { term: '', resources: ['table' as const], filters: {}, pageIndex: 0, resultsPerPage: 0 };
/**
 * Every table, one on the page: asked only when a search found nothing, its total says whether the
 * catalog has any table at all (the embedded catalog counts an unfiltered browse from a cache).
 */
const EVERY_TABLE = { term: '', resources: ['table' as const], filters: {}, pageIndex: 0, resultsPerPage: 1 };

/** The browser tab's title holds this much of a term; longer ones end in "…". */
export const TITLE_TERM_LENGTH = 60;
const titleOf = (term: string) => (term.length > TITLE_TERM_LENGTH ? `${term.slice(0, TITLE_TERM_LENGTH - 1).trimEnd()}…` : term);

/** The history state of a move by the results' pager ("Previous", "Next", "Go to the last page"). */
const PAGED_STATE = { by: 'results-pager' } as const;
const isPagedState = (state: unknown) => typeof state === 'object' && state !== null && (state as { by?: unknown }).by === PAGED_STATE.by;

/** `resultAction`: what other features add to each table and dashboard result (the bookmark toggle). */
export function SearchPage({ state, resultAction }: { state: SearchState; resultAction?: ResultAction }) {
  const config = useUiConfig();
  const navigate = useNavigate();
  const plan = planSearch(state, config);
  const { term, searchedTerm, resource, filters, pageIndex } = plan;
  const shown: SearchState = { ...state, resource, filters };
  const overview = useSearch(plan.overview ?? NOTHING, plan.overview !== null);
  const results = useSearch(plan.page ?? NOTHING, plan.page !== null);
  // The counts of the other tabs that are filtered (their kept filters, or a filter-only search's).
  const othersInput = otherTabsInput(state, plan, config);
  const others = useSearch(othersInput ?? NOTHING, othersInput !== null);
  const displayName = config.resourceConfig[resource].displayName;

  const go = (next: Partial<SearchState>, mode: HistoryMode = 'push') =>
    void navigate(searchPath({ term, resource, filters, tabFilters: state.tabFilters, pageIndex: 0, sort: state.sort, ...next }), { replace: mode === 'replace' });

  // `resource=any` (a tag in Browse): the tables tab when it has results (or nothing else has), else the
  // first tab that has; then the URL names that tab instead of `any` (replaced: Back skips it).
  const shownTotal = results.data?.[resource]?.total_results;
  const settledTab: SearchResource | undefined =
    !state.anyResource || shownTotal === undefined
      ? undefined
      : shownTotal > 0 || !othersInput || others.isError
        ? resource
        : others.data
          ? (othersInput.resources.find((r) => (others.data?.[r]?.total_results ?? 0) > 0) ?? resource)
          : undefined;
  const picking = !!state.anyResource && plan.page !== null && settledTab !== resource;
  useEffect(() => {
    if (!settledTab) return;
    // The tables tab, left empty, needs no filters kept: without a term it takes the tag anyway.
    const next = settledTab === resource ? { ...shown, anyResource: undefined } : { ...switchTab(shown, settledTab, searchedTerm), tabFilters: state.tabFilters };
    void navigate(searchPath(next), { replace: true });
    // Only the choice matters; `shown` is rebuilt each render.
  }, [settledTab]);

  // A new page of results by the pager: focus its heading (the shell scrolls to the top on a new
  // history entry). Only then: a filter, term or tab change also goes back to the first page, and
  // focus stays where the person is typing or choosing (the pager's links carry PAGED_STATE).
  const location = useLocation();
  const paged = isPagedState(location.state);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(pageIndex);
  useEffect(() => {
    if (shownPage.current === pageIndex) return;
    shownPage.current = pageIndex;
    if (paged) resultsHeading.current?.focus({ preventScroll: true });
  }, [pageIndex]);
  // A new search from inside the results (a tag or badge chip, "Clear all filters" of an empty result)
  // or by a control that left with it (the filter panel's "Clear all"): focus goes to the results
  // heading, not to <body> where it fell when the control left the page. Focus elsewhere (a filter
  // field, the any/all choice, a tab, the nav bar's box) stays, and is brought back into view: the
  // shell scrolls a new entry to the top, which left a filter field low in the panel (Tag, at 1280 ×
  // 900) focused off the screen while typing in it. Back and Forward, and the URL's own corrections,
  // leave both.
  const navigationType = useNavigationType();
  const resultsSection = useRef<HTMLElement>(null);
  const shownEntry = useRef(location.key);
  useEffect(() => {
    if (shownEntry.current === location.key) return;
    shownEntry.current = location.key;
    if (navigationType !== 'PUSH') return;
    const focused = document.activeElement;
    // The sort select stays focused: it is still there, and ↓ on it chooses the next order at once.
    const leftWithIt = focused === null || focused === document.body || (resultsSection.current?.contains(focused) && !(focused instanceof HTMLSelectElement));
    if (leftWithIt) resultsHeading.current?.focus({ preventScroll: true });
    else focused.scrollIntoView?.({ block: 'nearest' });
  }, [location.key]);

  const activeGroup = results.data?.[resource];
  const tabCount = (r: SearchResource): number | undefined =>
    r === resource
      ? picking
        ? undefined
        : activeGroup?.total_results
      : othersInput?.filters[r]
        ? others.data?.[r]?.total_results
        : searchedTerm
          ? overview.data?.[r]?.total_results
          : undefined;
  // A filter the service searched instead (`database:snowflake`) is named as the Filters panel names it.
  const asShown = (said: string | undefined) => (said === undefined ? undefined : didYouMeanAsShown(said, configuredCategories(config, 'table')));
  const didYouMean = asShown(results.data?.did_you_mean ?? overview.data?.did_you_mean);
  const heading = term
    ? `Results for “${term}”`
    : !plan.page
      ? 'Search'
      : listsEverything(resource, plan.requestFilters)
        ? `All ${displayName.toLowerCase()}`
        : `${displayName} matching the filters`;
  // Nothing found: is there anything to find? A catalog without a single table gets words about
  // loading one, not advice about the search words.
  const nothingFound = !picking && !results.isPlaceholderData && activeGroup?.total_results === 0;
  const everyTable = useSearch(EVERY_TABLE, nothingFound);
  const catalogEmpty = everyTable.data?.table?.total_results === 0;
  // Said by the status region below once the shown tab's results have come (empty while they load).
  const settled = plan.page !== null && !picking && !results.isPlaceholderData ? activeGroup : undefined;
  // A new order is said too (the count alone would read the same, and a region said twice the same is not read).
  const saidOrder = resource === 'table' && plan.sort && settled && settled.total_results > 1 ? ` ${SORT_CHOICES.find((c) => c.value === plan.sort)?.said ?? ''}` : '';
  const status =
    !settled || (nothingFound && everyTable.isLoading)
      ? ''
      : nothingFound && catalogEmpty
        ? 'Nothing to find: the catalog has no tables yet.'
        : resultsStatus({
            resource,
            total: settled.total_results,
            term,
            searched: !!searchedTerm,
            filtered: Object.keys(plan.requestFilters).length > 0,
            didYouMean: asShown(results.data?.did_you_mean),
            pageIndex,
            perPage: plan.resultsPerPage,
          }) + saidOrder;

  return (
    <div className="search-page">
      <PageTitle title={term ? `${titleOf(term)} – Search` : 'Search'} />
      <h1>{heading}</h1>
      {term && !searchedTerm ? (
        <p className="search-page__note" data-testid="term-not-searched">
          “{term}” has no letters or digits, so there is nothing in it to search for
          {plan.page ? `: these are all the ${RESOURCE_NOUNS[resource].many} matching the filters.` : '. Type a word, a name or the start of one.'}
        </p>
      ) : null}
      {didYouMean ? (
        <p className="did-you-mean" data-testid="did-you-mean">
          Nothing matched “{term}”, so these are the results for “<strong>{didYouMean}</strong>”.
        </p>
      ) : null}
      {/* One region for the whole visit, so that what it says is read (one that appears with its text,
          as the results' own lines do, is not): each settled search, page and tab. */}
      <p role="status" className="visually-hidden" data-testid="results-status">
        {status}
      </p>
      <Tabs
        label="Result types"
        className="search-page__tabs"
        items={plan.resources.map((r) => {
          const count = tabCount(r);
          return { value: r, label: config.resourceConfig[r].displayName, count: count === undefined ? undefined : formatCount(count) };
        })}
        value={resource}
        onChange={(r) => go(switchTab(shown, r, searchedTerm))}
      >
        <div className={plan.categories.length > 0 ? 'search-layout' : 'search-layout search-layout--full'}>
          {plan.categories.length > 0 ? (
            <FilterPanel categories={plan.categories} filters={filters} onChange={(next: SearchFilters, mode) => go({ filters: next }, mode)} />
          ) : null}
          <section ref={resultsSection} className="search-results" aria-labelledby="results-heading">
            <Results
              plan={plan}
              query={results}
              picking={picking}
              everyTable={everyTable}
              tabFilters={state.tabFilters}
              displayName={displayName}
              headingRef={resultsHeading}
              onClearFilters={() => go({ filters: {} })}
              onSort={config.tableSort.enabled && resource === 'table' ? (sort) => go({ sort }) : undefined}
              resultAction={resultAction}
            />
          </section>
        </div>
      </Tabs>
    </div>
  );
}

function Results({
  plan,
  query,
  picking,
  everyTable,
  tabFilters,
  displayName,
  headingRef,
  onClearFilters,
  onSort,
  resultAction,
}: {
  plan: SearchPlan;
  query: ReturnType<typeof useSearch>;
  /** `resource=any` while it finds out which tab to show. */
  picking: boolean;
  /** Every table, one on the page: asked when nothing was found, to tell whether the catalog is empty. */
  everyTable: ReturnType<typeof useSearch>;
  tabFilters: SearchState['tabFilters'];
  displayName: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onClearFilters: () => void;
  /** Given when the results can be sorted (tables, a search service that sorts). */
  onSort?: (sort: TableSearchSort | undefined) => void;
  resultAction?: ResultAction;
}) {
  const { term, searchedTerm, resource, pageIndex, resultsPerPage, filters } = plan;
  const filtered = Object.keys(plan.requestFilters).length > 0;
  const catalogEmpty = everyTable.data?.table?.total_results === 0;
  const heading = (text: string) => (
    <h2 id="results-heading" ref={headingRef} tabIndex={-1} className="search-results__heading">
      {text}
    </h2>
  );

  if (!plan.page) {
    return (
      <>
        {heading(displayName)}
        <EmptyState title="What are you looking for?">
          <p>Type a name, column, description word or tag in the search box, or choose filters to list every match.</p>
          <p>
            Filters can be typed in the box too: <code>tag:pii</code>, <code>schema:sales orders</code>, <code>tag:"my tag"</code>.
          </p>
        </EmptyState>
      </>
    );
  }

  // Kept from the previous page while the next one loads, but without this tab's group: still loading.
  const loadingOtherTab = query.isPlaceholderData && !query.data?.[resource];
  return (
    <QueryState
      query={query}
      loadingLabel={`Searching ${displayName.toLowerCase()}`}
      loading={
        <>
          {heading(`Searching ${displayName.toLowerCase()}…`)}
          <SkeletonList label={`Searching ${displayName.toLowerCase()}`} rows={4} />
        </>
      }
      errorTitle="The search failed"
    >
      {(data: SearchResponse) => {
        const group = data[resource];
        if (!group || loadingOtherTab || picking) {
          return (
            <>
              {heading(`Searching ${displayName.toLowerCase()}…`)}
              <SkeletonList label={`Searching ${displayName.toLowerCase()}`} rows={4} />
            </>
          );
        }
        const pages = computePagination(pageIndex, resultsPerPage, group.total_results);
        const hrefForPage = (index: number) => searchPath({ term, resource, filters, tabFilters, pageIndex: index, sort: plan.sort });
        const range = (
          <p className="search-results__range">
            {group.total_results > 0 && !pages.isPastEnd ? (
              <>
                Showing {pages.firstItem}–{pages.lastItem}
                {pages.totalPages > 1 ? ` of ${formatCount(group.total_results)}` : null}
              </>
            ) : null}
          </p>
        );
        return (
          <>
            {heading(countOf(group.total_results, resource))}
            {onSort && group.total_results > 1 ? (
              <div className="search-results__bar">
                {range}
                <SortSelect value={plan.sort} onChange={onSort} />
              </div>
            ) : (
              range
            )}
            {onSort && plan.sort && group.total_results >= RESULT_COUNT_CAP ? (
              <p className="search-results__note" data-testid="sort-bound">
                Sorted among the {formatWholeNumber(RESULT_COUNT_CAP)} most relevant matches; add words or filters to sort them all.
              </p>
            ) : null}
            {group.total_results === 0 && everyTable.isLoading ? null : group.total_results === 0 && catalogEmpty ? (
              <EmptyCatalog />
            ) : group.total_results === 0 ? (
              <EmptyState
                title={`No ${RESOURCE_NOUNS[resource].many} match${searchedTerm ? ` “${term}”` : ''}${filtered ? ' with these filters' : ''}`}
                action={filtered ? <Button onClick={onClearFilters}>Clear all filters</Button> : undefined}
              >
                <p>{filtered ? 'Remove a filter, or use * in a value to match more.' : 'Try fewer words, a prefix (cust finds customers), or another tab.'}</p>
              </EmptyState>
            ) : group.results.length === 0 || pages.isPastEnd ? (
              <EmptyState title="This page is past the last page of results" action={<ButtonLink to={hrefForPage(pages.totalPages - 1)} state={PAGED_STATE}>Go to the last page</ButtonLink>}>
                <p>There are {countOf(group.total_results, resource)} in {formatWholeNumber(pages.totalPages)} pages.</p>
              </EmptyState>
            ) : (
              <ol className={query.isPlaceholderData ? 'results results--stale' : 'results'} aria-busy={query.isPlaceholderData}>
                {group.results.map((result) => (
                  <SearchResultItem key={result.type === 'user' ? result.user_id : result.key} result={result} action={resultAction} />
                ))}
              </ol>
            )}
            <Pagination pageIndex={pageIndex} perPage={resultsPerPage} totalItems={group.total_results} hrefForPage={hrefForPage} label="Result pages" state={PAGED_STATE} />
          </>
        );
      }}
    </QueryState>
  );
}

/**
 * No table in the whole catalog. Whoever reads it may not run Nansen: it says so, and names what the
 * person who does runs (docs/ingest.md), with the embedded catalog's commands.
 */
function EmptyCatalog() {
  return (
    <EmptyState title="The catalog is empty" className="empty-catalog">
      <p>No tables have been loaded into the catalog yet, so there is nothing to find.</p>
      <p>
        Whoever runs Nansen can load them: see “Loading metadata” in Nansen’s docs (docs/ingest.md). With the built-in catalog,{' '}
        <code>npm run catalog:import -- dbt</code> loads a dbt project and <code>npm run catalog:ingest</code> loads NDJSON records.
      </p>
    </EmptyState>
  );
}
