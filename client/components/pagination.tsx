// The one pager: Previous / "Page n of m" / Next as links, so every page has a URL (a reload, Back
// and a shared link find it again). The search pages through results with it (each page a new history
// entry, the page starting at the top); a profile pages through its lists with `replace` (the URL
// changes, the history and the scroll position stay: the list is one part of the page). `state` goes
// with its moves into the history, so a page can tell them from others (the search focuses its
// results heading after a move by the pager, not after a filter that went back to page 1).
// At either end the link that leads nowhere stays where it was, as the same element, focusable and
// marked aria-disabled (no address, nothing on Enter or click): pressing Enter on Next until the last
// page leaves focus on Next, not on the page's body (docs/decisions/036-keyboard-focus-at-pager-ends-and-escape-in-add-boxes.md).
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';
import { computePagination } from './pagination-state';
import './button.css';
import './pagination.css';
import { formatWholeNumber } from '../lib/format-number';

/** A button-looking link to `to`, or, with `to` null, the same element disabled (kept in the tab order). */
function PagerLink({ to, rel, replace, state, children }: { to: string | null; rel: 'prev' | 'next'; replace: boolean; state: unknown; children: ReactNode }) {
  // Hooks run in both states (a disabled link's `to` is only a stand-in): the element stays one `<a>`.
  const href = useHref(to ?? '.');
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to ?? '.', { replace, state });
  return to === null ? (
    <a className="btn btn--secondary" role="link" aria-disabled="true" tabIndex={0}>
      {children}
    </a>
  ) : (
    <a className="btn btn--secondary" href={href} rel={rel} onClick={onClick}>
      {children}
    </a>
  );
}

/**
 * A pager inside a page (`replace`) keeps the scroll position, so a shorter last page pulls the pager
 * up: with its list in a side column of a long page (the home page's "My bookmarks"), the focused Next
 * ended above the window, its focus ring out of sight. When focus is on this pager's link and the link
 * is not wholly in view, it is scrolled to the window's bottom, the list's page above it.
 */
function keepFocusedPagerLinkInView(nav: HTMLElement | null) {
  const focused = document.activeElement;
  if (!nav || !(focused instanceof HTMLElement) || !nav.contains(focused)) return;
  // The sticky nav bar covers the window's top (html's scroll-padding-top, nav-bar.css).
  const covered = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const { top, bottom } = focused.getBoundingClientRect();
  if (top < covered || bottom > window.innerHeight) focused.scrollIntoView({ block: 'end' });
}

export function Pagination({
  pageIndex,
  perPage,
  totalItems,
  hrefForPage,
  label = 'Pages',
  replace = false,
  state: historyState,
}: {
  pageIndex: number;
  perPage: number;
  totalItems: number;
  hrefForPage: (pageIndex: number) => string;
  label?: string;
  /** Replace the URL instead of adding a history entry (and keep the scroll position). */
  replace?: boolean;
  /** History state the page links navigate with, so the page can tell a move by its pager from others. */
  state?: unknown;
}) {
  const state = computePagination(pageIndex, perPage, totalItems);
  const navRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (replace) keepFocusedPagerLinkInView(navRef.current);
  }, [pageIndex, replace]);
  if (state.totalPages <= 1 && !state.hasPrevious) return null;
  return (
    <nav className="pagination" aria-label={label} ref={navRef}>
      <PagerLink to={state.hasPrevious ? hrefForPage(Math.min(pageIndex, state.totalPages) - 1) : null} rel="prev" replace={replace} state={historyState}>
        Previous
      </PagerLink>
      <span className="pagination__status" aria-live="polite">
        Page {formatWholeNumber(Math.min(state.page, state.totalPages))} of {formatWholeNumber(state.totalPages)}
      </span>
      <PagerLink to={state.hasNext ? hrefForPage(pageIndex + 1) : null} rel="next" replace={replace} state={historyState}>
        Next
      </PagerLink>
    </nav>
  );
}
