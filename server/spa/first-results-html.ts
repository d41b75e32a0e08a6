// A read-only HTML preview of the search page's first results (decision 023), written by the BFF into the
// page's #root when it has the first search's answer (decision 020): the person sees the results as
// soon as the page is in, before the app's script has compiled and rendered. React's first render
// replaces it wholesale (createRoot clears #root), so it carries nothing to keep: no state, no
// handlers, `inert` on the controls it only draws, plain links that work without JavaScript.
//
// The markup and classes are the app's own (nav-bar.tsx, search-form.tsx, user-menu.tsx, tabs.tsx,
// search-page.tsx, search-result-item.tsx, chip.tsx), so the same CSS lays both out alike and nothing
// moves when the app takes over. Every text goes through escapeHtml (via `text`/`attr` below);
// highlights are read with the contract's parseHighlight, never written through as HTML.
import type { DashboardSearchResult, SearchResponse, SearchResult, TableSearchResult, UserSearchResult } from '../../contract/api-search';
import type { ClientConfig } from '../../contract/client-config';
import { formatDate, patternHasZone } from '../../contract/date-format';
import { formatResultCount as formatCount, RESULT_COUNT_CAP } from '../../contract/result-count';
import { formatWholeNumber } from '../../contract/format-number';
import { updatedAgo } from '../../contract/updated-ago';
import { SORT_CHOICES } from '../../contract/search-sort-choices';
import { badgeSearchPath, dashboardPath, tablePath, tagSearchPath, userPath } from '../../contract/page-paths';
import { nestedFieldLinkOptions, nestedFieldOfPath } from '../../contract/nested-field-path';
import { computePagination } from '../../contract/pagination-state';
import { markdownHighlightToSegments } from '../../contract/markdown-highlight';
import { markdownToPlainText } from '../../contract/markdown-plain-text';
import { partsBetweenBreaks } from '../../contract/name-breaks';
import { personDetails, tableLocation } from '../../contract/resource-labels';
import { highlightToPlainText, parseHighlight, type HighlightSegment } from '../../contract/search-highlight';
import { RESOURCE_NOUNS, type SearchResource } from '../../contract/search-state';
import { splitValues, type SearchPlan } from '../../contract/search-url';
import type { User } from '../../contract/api-common';
import { initialsOf } from '../../contract/user';
import { escapeHtml } from '../http/html-page';

/** The attribute that marks the preview (the benchmark tells it from the app's results by it). */
export const PREVIEW_ATTRIBUTE = 'data-first-results-preview';

const MAX_MATCHES = 5;
const MAX_QUOTES = 2;

const text = (value: string): string => escapeHtml(value);
const attr = (value: string): string => `"${escapeHtml(value)}"`;

/** A highlight fragment (the contract's format) as escaped text with <mark>s; no markup of its own survives. */
function highlighted(fragment: string, segmentsOf: (fragment: string) => HighlightSegment[] = parseHighlight): string {
  return segmentsOf(fragment)
    .map((s) => (s.highlighted ? `<mark>${text(s.text)}</mark>` : text(s.text)))
    .join('');
}
const fieldHtml = (fragment: string | undefined, plain: string) => (fragment ? highlighted(fragment) : text(plain));
/** A result's name as fieldHtml writes it, with a <wbr> after each `_`, `.` and `/`, as the app's HighlightedName draws it. */
function nameHtml(fragment: string | undefined, plain: string): string {
  const breakable = (value: string) => partsBetweenBreaks(value).map(text).join('<wbr>');
  return (fragment ? parseHighlight(fragment) : [{ text: plain, highlighted: false }]).map((s) => (s.highlighted ? `<mark>${breakable(s.text)}</mark>` : breakable(s.text))).join('');
}

const countOf = (n: number, resource: SearchResource) => `${formatCount(n)} ${n === 1 ? RESOURCE_NOUNS[resource].one : RESOURCE_NOUNS[resource].many}`;

export interface FirstResultsInput {
  plan: SearchPlan;
  /** The answers to plan.overview and plan.page (the same object when they are one request). */
  overview: SearchResponse | null;
  page: SearchResponse;
  config: ClientConfig;
  user: User;
}

/**
 * The preview for #root, or '' when the answer has nothing to show in the page's usual form (no group
 * for the shown tab: the app shows its own state then).
 */
export function renderFirstResults({ plan, overview, page, config, user }: FirstResultsInput): string {
  const group = page[plan.resource];
  if (!group) return '';
  const { term, resource, pageIndex, resultsPerPage } = plan;
  const displayName = config.resourceConfig[resource].displayName;
  const pages = computePagination(pageIndex, resultsPerPage, group.total_results);
  const tabCount = (r: SearchResource) => (r === resource ? group.total_results : overview?.[r]?.total_results);
  const didYouMean = page.did_you_mean ?? overview?.did_you_mean;
  const heading = term ? `Results for “${term}”` : `${displayName} matching the filters`;

  const tabs = plan.resources
    .map((r) => {
      const count = tabCount(r);
      return `<button type="button" class="tabs__tab" aria-selected="${r === resource}">${text(config.resourceConfig[r].displayName)}${count === undefined ? '' : `<span class="count">${formatCount(count)}</span>`}</button>`;
    })
    .join('');

  let body: string;
  if (group.total_results === 0 || group.results.length === 0 || pages.isPastEnd) {
    // The app's empty and past-the-end states have actions: it draws them itself.
    body = '';
  } else {
    body = `<ol class="results">${group.results.map((result) => renderResult(result, config)).join('')}</ol>`;
  }
  const range =
    group.total_results > 0 && !pages.isPastEnd
      ? `Showing ${pages.firstItem}–${pages.lastItem}${pages.totalPages > 1 ? ` of ${formatCount(group.total_results)}` : ''}`
      : '';

  return (
    `<div ${PREVIEW_ATTRIBUTE}="" aria-busy="true">` +
    renderNavBar(config, user, term) +
    `<main id="main" class="page"><div class="search-page"><h1>${text(heading)}</h1>` +
    (didYouMean ? `<p class="did-you-mean">Nothing matched “${text(term)}”, so these are the results for “<strong>${text(didYouMean)}</strong>”.</p>` : '') +
    `<div class="tabs search-page__tabs"><div class="tabs__list" inert>${tabs}</div><div class="tabs__panel">` +
    `<div class="${plan.categories.length > 0 ? 'search-layout' : 'search-layout search-layout--full'}">` +
    (plan.categories.length > 0 ? renderFoldedFilters(plan) : '') +
    `<section class="search-results"><h2 class="search-results__heading">${text(countOf(group.total_results, resource))}</h2>` +
    rangeAndSort(`<p class="search-results__range">${text(range)}</p>`, plan, config, group.total_results) + `${body}</section>` +
    `</div></div></div></div></main></div>`
  );
}

/**
 * The filter panel as the app draws it where it folds (760 px and less, decision 094): its heading's
 * "Filters (n active)" button and "Clear all", inert. There it stands above the results, which come
 * right after it, where the app's will; wider, the CSS hides it (the app's fields appear beside the
 * results, which do not move).
 */
function renderFoldedFilters(plan: SearchPlan): string {
  const active = Object.values(plan.filters).filter((f) => splitValues(f.value).length > 0).length;
  return (
    `<section class="filters filters--folded" inert><div class="filters__head"><h2><span class="filters__title">Filters${active > 0 ? `<span class="count">${active}</span>` : ''}</span>` +
    `<span class="filters__toggle-place"><button type="button" class="disclosure filters__toggle" aria-expanded="false"><span class="disclosure__icon" aria-hidden="true"></span><span class="disclosure__label">Filters${active > 0 ? ` (${active} active)` : ''}</span></button></span></h2>` +
    (active > 0 ? '<button type="button" class="btn btn--ghost btn--sm">Clear all <span class="visually-hidden">filters</span></button>' : '') +
    '</div></section>'
  );
}

/** The nav bar as the app draws it on the search page; its search box and user menu are drawn, inert. */
function renderNavBar(config: ClientConfig, user: User, term: string): string {
  const brandMark = config.logoUrl ? `<img src=${attr(config.logoUrl)} alt="" class="nav__logo">` : '<span class="nav__mark" aria-hidden="true"></span>';
  const links = [
    '<a href="/browse">Browse</a>',
    config.announcements.enabled ? '<a href="/announcements">Announcements</a>' : '',
    ...config.navLinks.map((link) =>
      link.target === '_blank'
        ? `<a href=${attr(link.href)} target="_blank" rel="noopener noreferrer">${text(link.label)}<span class="visually-hidden"> (opens in a new tab)</span></a>`
        : `<a href=${attr(link.href)}>${text(link.label)}</a>`,
    ),
  ].join('');
  return (
    `<header class="nav"><div class="nav__inner"><a href="/" class="nav__brand">${brandMark}<span>${text(config.logoTitle)}</span></a>` +
    `<div class="search-form search-form--nav" inert><div class="search-form__field"><input type="search" aria-label="Search the catalog" value=${attr(term)}></div><button type="button" class="search-form__submit">Search</button></div>` +
    `<nav aria-label="Main" class="nav__links">${links}</nav>` +
    `<div class="menu user-menu" inert><button type="button" class="menu__trigger"><span class="user-menu__avatar" aria-hidden="true">${text(initialsOf(user))}</span><span class="user-menu__name">${text(user.display_name)}</span></button></div>` +
    `</div></header>`
  );
}

function renderResult(result: SearchResult, config: ClientConfig): string {
  switch (result.type) {
    case 'table':
      return renderTable(result, config);
    case 'dashboard':
      return renderDashboard(result, config);
    case 'user':
      return renderUser(result);
  }
}

function shell(name: string, meta: string, children: string, withAction: boolean): string {
  const title = `<h3 class="result__name">${name}</h3>`;
  return `<li class="result" data-search-result="">${withAction ? `<div class="result__head">${title}<span class="result__action-space"></span></div>` : title}${meta ? `<p class="result__meta">${meta}</p>` : ''}${children}</li>`;
}

/** A Markdown description as plain text, as search-result-item.tsx shows it. */
function description(fragments: string[] | undefined, source: string | null): string {
  if (fragments && fragments.length > 0) return `<p class="result__description">${fragments.map((f, i) => `<span>${i > 0 ? ' … ' : ''}${highlighted(f, markdownHighlightToSegments)}</span>`).join('')}</p>`;
  const plain = source ? markdownToPlainText(source) : '';
  if (plain) return `<p class="result__description">${text(plain)}</p>`;
  return '<p class="result__description result__description--none">No description</p>';
}

interface MatchRow {
  label: string;
  fragments: string[];
  limit: number;
  linkFor?: (fragment: string) => string;
  quote?: boolean;
}

function matches(rows: MatchRow[]): string {
  const shown = rows.filter((row) => row.fragments.length > 0);
  if (shown.length === 0) return '';
  const items = shown.map((row) => {
    const more = row.fragments.length - row.limit;
    const listClass = row.quote ? 'result__quotes' : row.linkFor ? 'result__match-list result__match-list--code' : 'result__match-list';
    const lis = row.fragments
      .slice(0, row.limit)
      .map((f) => `<li>${row.linkFor ? `<a href=${attr(row.linkFor(f))}>${highlighted(f)}</a>` : highlighted(f)}</li>`)
      .join('');
    return `<div class="result__match-row"><dt><span class="visually-hidden">Matches in </span>${text(row.label)}</dt><dd><ul class="${listClass}">${lis}${more > 0 ? `<li class="muted">and ${more} more</li>` : ''}</ul></dd></div>`;
  });
  return `<dl class="result__matches">${items.join('')}</dl>`;
}

function chips(badges: string, tags: string): string {
  return `<div class="result__chips">${badges}${tags}</div>`;
}

function tagList(tags: string[], resource: 'table' | 'dashboard'): string {
  if (tags.length === 0) return '';
  const noun = resource === 'table' ? 'tables' : 'dashboards';
  return `<ul class="chip-list" aria-label="Tags">${tags.map((tag) => `<li><a class="chip chip--tag" href=${attr(tagSearchPath(tag, resource))} title=${attr(`Search for ${noun} tagged ${tag}`)}>${text(tag)}</a></li>`).join('')}</ul>`;
}

function badgeList(badges: string[], config: ClientConfig, linked: boolean): string {
  if (badges.length === 0) return '';
  const items = badges.map((badge) => {
    const style = config.badges[badge]?.style ?? 'neutral';
    const label = text(config.badges[badge]?.displayName ?? badge);
    const className = `chip chip--badge chip--${style}`;
    return `<li>${
      linked ? `<a class="${className}" href=${attr(badgeSearchPath(badge))} title=${attr(`Search for tables with the badge ${badge}`)}>${label}</a>` : `<span class="${className}">${label}</span>`
    }</li>`;
  });
  return `<ul class="chip-list" aria-label="Badges">${items.join('')}</ul>`;
}

/**
 * The range, and beside it the sort select when the app draws one (search-page.tsx, decision 107):
 * inert and disabled here, its choice shown, so the results stand where the app's will.
 */
function rangeAndSort(range: string, plan: SearchPlan, config: ClientConfig, total: number): string {
  if (!config.tableSort.enabled || plan.resource !== 'table' || total <= 1) return range;
  const chosen = plan.sort ?? 'relevance';
  const options = SORT_CHOICES.map((c) => `<option value="${c.value}"${c.value === chosen ? ' selected' : ''}>${text(c.label)}</option>`).join('');
  const note = plan.sort && total >= RESULT_COUNT_CAP
    ? `<p class="search-results__note">Sorted among the ${formatWholeNumber(RESULT_COUNT_CAP)} most relevant matches; add words or filters to sort them all.</p>`
    : '';
  return `<div class="search-results__bar">${range}<div class="field field--inline search-sort" inert><label class="field__label">Sort by</label>` +
    `<select class="field__input field__select" disabled>${options}</select></div></div>${note}`;
}

/** As the app's UpdatedAgo (search-result-item.tsx), its visible words: the exact time is in the reader's zone, which only the app knows. */
function updated(epochSeconds: number | null | undefined): string {
  if (epochSeconds === null || epochSeconds === undefined || !Number.isFinite(epochSeconds) || epochSeconds <= 0) return '';
  return ` · <time datetime="${new Date(epochSeconds * 1000).toISOString()}">${text(updatedAgo(epochSeconds, Date.now()))}</time>`;
}

function renderTable(result: TableSearchResult, config: ClientConfig): string {
  const sources = config.resourceConfig.table.supportedSources;
  const { highlight } = result;
  return shell(
    `<a href=${attr(tablePath(result))}>${text(result.schema)}.<wbr>${nameHtml(highlight['name']?.[0], result.name)}</a>`,
    `<span class="visually-hidden">Table in </span>${text(tableLocation(result, sources))}${updated(result.last_updated_timestamp)}`,
    description(highlight['description'], result.description) +
      matches([
        { label: 'Columns', fragments: highlight['columns'] ?? [], limit: MAX_MATCHES, linkFor: (f) => tablePath(result, { column: highlightToPlainText(f) }) },
        { label: 'Nested fields', fragments: highlight['nested_fields'] ?? [], limit: MAX_MATCHES, linkFor: (f) => tablePath(result, nestedFieldLinkOptions(nestedFieldOfPath(highlightToPlainText(f)))) },
        { label: 'Column descriptions', fragments: highlight['column_descriptions'] ?? [], limit: MAX_QUOTES, quote: true },
      ]) +
      chips(
        badgeList(
          result.badges.map((b) => b.tag_name),
          config,
          true,
        ),
        tagList(result.tags, 'table'),
      ),
    config.bookmarks.enabled,
  );
}

/**
 * An instant as the preview can say it rightly: the server does not know the reader's time zone (the app
 * formats it in the browser's, decision 045), and its own would give the reader another day, unnamed.
 * So it is read on UTC's clock and says so ("May 16, 2025 UTC"), unless the pattern names its zone.
 */
function utcInstant(epochSeconds: number, pattern: string): string {
  return `${formatDate(epochSeconds, pattern, { utc: true })}${patternHasZone(pattern) ? '' : ' UTC'}`;
}

function renderDashboard(result: DashboardSearchResult, config: ClientConfig): string {
  const sources = config.resourceConfig.dashboard.supportedSources;
  const { highlight } = result;
  const run = result.last_successful_run_timestamp;
  const lastRun = run === null || run === undefined || !Number.isFinite(run) || run <= 0 ? null : utcInstant(run, config.date.default);
  const product = result.product ? (sources[result.product]?.displayName ?? result.product) : null;
  return shell(
    `<a href=${attr(dashboardPath(result.uri))}>${nameHtml(highlight['name']?.[0], result.name)}</a>`,
    `<span class="visually-hidden">Dashboard in </span>${text([product, result.group_name, lastRun ? `last successful run ${lastRun}` : null].filter(Boolean).join(' · '))}`,
    description(highlight['description'], result.description) +
      matches([
        { label: 'Charts', fragments: highlight['chart_names'] ?? [], limit: MAX_MATCHES },
        { label: 'Queries', fragments: highlight['query_names'] ?? [], limit: MAX_MATCHES },
      ]) +
      chips(
        badgeList(
          result.badges.map((b) => b.tag_name),
          config,
          false,
        ),
        tagList(result.tags, 'dashboard'),
      ),
    config.bookmarks.enabled,
  );
}

/** As the app's personMeta (search-result-item.tsx): inactive first, role and team, the email unless it is the name. */
function personMetaHtml(result: UserSearchResult): string {
  const parts = personDetails(result).map((detail) => (detail === result.email ? fieldHtml(result.highlight['email']?.[0], detail) : text(detail)));
  if (!result.is_active) parts.unshift('<span class="result__inactive">No longer active</span>');
  return parts.join(' · ');
}

function renderUser(result: UserSearchResult): string {
  const { highlight } = result;
  return shell(
    `<a href=${attr(userPath(result.user_id))}>${fieldHtml(highlight['full_name']?.[0], result.display_name)}</a>`,
    personMetaHtml(result),
    '',
    false,
  );
}
