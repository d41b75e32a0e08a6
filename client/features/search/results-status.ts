// What the search page's status region says once a search has settled (search-page.tsx): how many
// results of the shown tab there are and for what, which of them this page shows after the first,
// or that none was found. The region stays on the page and is emptied while a search loads, so each
// settled search, page and tab is said again, even when its words are those of the one before.
import type { SearchResource } from '../../app/paths';
import { formatResultCount } from '../../../contract/result-count';
import { computePagination } from '../../components/pagination-state';
import { formatWholeNumber } from '../../lib/format-number';
import { RESOURCE_NOUNS } from './resources';

export interface SettledSearch {
  resource: SearchResource;
  total: number;
  /** The term as typed, and whether it has anything to search for (letters or digits). */
  term: string;
  searched: boolean;
  filtered: boolean;
  /** What the service searched instead of a term that matched nothing. */
  didYouMean?: string;
  pageIndex: number;
  perPage: number;
}

export function countOf(total: number, resource: SearchResource): string {
  const nouns = RESOURCE_NOUNS[resource];
  return `${formatResultCount(total)} ${total === 1 ? nouns.one : nouns.many}`;
}

export function resultsStatus({ resource, total, term, searched, filtered, didYouMean, pageIndex, perPage }: SettledSearch): string {
  const withFilters = filtered ? ' with these filters' : '';
  if (total === 0) {
    // Not the empty state's title ("No tables match “x”") word for word: a page's words are found once.
    return searched ? `No ${RESOURCE_NOUNS[resource].many} found for “${term}”${withFilters}.` : `No ${RESOURCE_NOUNS[resource].many} found with these filters.`;
  }
  const what = didYouMean
    ? `${countOf(total, resource)} for “${didYouMean}”${withFilters}, as nothing matched “${term}”`
    : searched
      ? `${countOf(total, resource)} for “${term}”${withFilters}`
      : `${countOf(total, resource)} matching the filters`;
  const pages = computePagination(pageIndex, perPage, total);
  if (pages.isPastEnd) return `${what}. This page is past the last page of results.`;
  return pageIndex > 0 ? `${what}, showing ${formatWholeNumber(pages.firstItem)}–${formatWholeNumber(pages.lastItem)}.` : `${what}.`;
}
