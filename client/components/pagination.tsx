// The one pager: Previous, the page numbers, Next, as links, so every page has a URL (a reload, Back
// and a shared link find it again). The numbers are the first, the last, the current page (marked
// aria-current) and two either side of it, gaps between (1 … 4 5 6 7 8 … 27); a narrow pager (the
// home page's side column, a phone) keeps the first, the current and the last (pagination-state.ts),
// and the narrowest (320 px) shows Previous and Next as arrows, their names unchanged.
// "Page n of m" is said, not shown: the numbers show it. The search pages through results with it
// (each page a new history entry, the page starting at the top); a profile pages through its lists with
// `replace` (the URL changes, the history and the scroll position stay: the list is one part of the
// page). `state` goes with its moves into the history, so a page can tell them from others (the search
// focuses its results heading after a move by the pager, not after a filter that went back to page 1).
// At either end the link that leads nowhere stays where it was, as the same element, focusable and
// marked aria-disabled (no address, nothing on Enter or click): pressing Enter on Next until the last
// page leaves focus on Next, not on the page's body (docs/decisions/036-keyboard-focus-at-pager-ends-and-escape-in-add-boxes.md);
// a page number stays the same element as the numbers around it change, so focus stays on it too.
// Past the last page (`?page=99`) no number is current, and it says so.
import { useLayoutEffect, useRef, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';
import { computePagination, pagerItems } from './pagination-state';
import { cx } from './class-names';
import './button.css';
import './pagination.css';
import { formatWholeNumber } from '../lib/format-number';

/** A button-looking link to `to`, or, with `to` null, the same element disabled (kept in the tab order). */
function PagerLink({ to, replace, state, className, children, ...attributes }: { to: string | null; replace: boolean; state: unknown; className: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  // Hooks run in both states (a disabled link's `to` is only a stand-in): the element stays one `<a>`.
  const href = useHref(to ?? '.');
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to ?? '.', { replace, state });
  const classes = cx('btn', className);
  return to === null ? (
    <a className={classes} role="link" aria-disabled="true" tabIndex={0}>
      {children}
    </a>
  ) : (
    <a className={classes} href={href} onClick={onClick} {...attributes}>
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
  // Past the last page, the numbers end at the last one and none is current.
  const current = Math.min(state.page, state.totalPages);
  return (
    <nav className="pagination" aria-label={label} ref={navRef}>
      <PagerLink to={state.hasPrevious ? hrefForPage(Math.min(pageIndex, state.totalPages) - 1) : null} rel="prev" replace={replace} state={historyState} className="btn--secondary pagination__step pagination__step--previous">
        Previous
      </PagerLink>
      <span className="visually-hidden" aria-live="polite">
        {state.isPastEnd ? `Page ${formatWholeNumber(state.page)} is past the last page, page ${formatWholeNumber(state.totalPages)}.` : `Page ${formatWholeNumber(state.page)} of ${formatWholeNumber(state.totalPages)}`}
      </span>
      <span className="pagination__pages">
        {pagerItems(current, state.totalPages).map(({ page, key, only }) =>
          page === null ? (
            <span key={key} className={cx('pagination__gap', only && `pagination__${only}`)}>
              …
            </span>
          ) : (
            <PagerLink
              key={key}
              to={hrefForPage(page - 1)}
              replace={replace}
              state={historyState}
              className={cx(page === state.page ? 'btn--primary' : 'btn--ghost', 'pagination__page', only && `pagination__${only}`)}
              aria-current={page === state.page ? 'page' : undefined}
              aria-label={`Page ${formatWholeNumber(page)}`}
            >
              {formatWholeNumber(page)}
            </PagerLink>
          ),
        )}
      </span>
      <PagerLink to={state.hasNext ? hrefForPage(pageIndex + 1) : null} rel="next" replace={replace} state={historyState} className="btn--secondary pagination__step pagination__step--next">
        Next
      </PagerLink>
    </nav>
  );
}
