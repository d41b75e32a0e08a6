// A long list that shows its first SHOWN_FIRST rows, then MORE_PER_PRESS more at each "Show more",
// with a filter by name over all of it and a count in a status region (decision 077). Shared by the
// table page's Lineage section and the lineage page's list view: drawing 1,200 or 1,500 rows at once
// made either slow to draw and tens of thousands of pixels long. Not virtualised: the rows are
// ordinary list items that find-in-page, screen readers' list navigation and printing all see.
import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Button } from './button';
import { FilterBox } from './filter-box';
import './grow-list.css';
import { formatWholeNumber } from '../lib/format-number';

/** Rows shown before "Show more": the first (nearest) ones. */
export const SHOWN_FIRST = 10;
/** Rows each "Show more" adds: 1,200 rows drawn at once made a page slow to draw and to scroll. */
export const MORE_PER_PRESS = 100;

/** Items whose name holds `filter` (any case), in the order given. */
export function matchingByName<T>(items: readonly T[], filter: string, nameOf: (item: T) => string): readonly T[] {
  const wanted = filter.trim().toLocaleLowerCase();
  return wanted ? items.filter((item) => nameOf(item).toLocaleLowerCase().includes(wanted)) : items;
}

/** What the count line says: how many of how many are shown, and of what. */
export function shownInWords({ shown, matching, total, filter, tables }: { shown: number; matching: number; total: number; filter: string; tables: string }): string {
  const all = formatWholeNumber(total);
  if (filter.trim()) {
    if (matching === 0) return `None of the ${all} ${tables} has “${filter.trim()}” in its name.`;
    return `Showing ${formatWholeNumber(shown)} of the ${formatWholeNumber(matching)} matching “${filter.trim()}” (of ${all}).`;
  }
  if (shown >= total) return `Showing all ${all}.`;
  if (shown === SHOWN_FIRST) return `Showing the nearest ${SHOWN_FIRST} of ${all}.`;
  return `Showing ${formatWholeNumber(shown)} of ${all}.`;
}

export interface GrowListProps<T> {
  /** All the rows, in the order they are added (nearest first). */
  items: readonly T[];
  nameOf: (item: T) => string;
  /** The rows shown (a slice of `items`), drawn by the caller inside a container carrying `listProps`. */
  children: (shown: readonly T[], listProps: { id: string; ref: RefObject<HTMLDivElement | null> }) => ReactNode;
  /** Words for what the rows are: `upstream` makes "upstream table(s)" (with `rows`, "upstream column(s)"). */
  side: string;
  /** What a row is, one and many: tables (the default), or columns for a column's lineage. */
  rows?: readonly [one: string, many: string];
  /** A row's selector inside the list, for the focus after "Show more" (its link, else the row itself). */
  rowSelector: string;
  /** Prefix of the test ids: `${testId}-filter`, `-shown`, `-more`, `-fewer`. */
  testId: string;
  /** Placed after the buttons (the table page's link to the lineage page). */
  extra?: ReactNode;
}

/**
 * The filter box, the rows (drawn by `children`) and the count with "Show more" / "Show the nearest
 * 10 only". A list of SHOWN_FIRST rows or fewer is drawn whole, without the controls.
 */
export function GrowList<T>({ items, nameOf, children, side, rows = ['table', 'tables'], rowSelector, testId, extra }: GrowListProps<T>) {
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the list has drawn: the first row "Show more" added, or back to "Show more".
  const focusAfter = useRef<number | 'more' | null>(null);
  const [limit, setLimit] = useState(SHOWN_FIRST);
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => matchingByName(items, filter, nameOf), [items, filter, nameOf]);
  const capped = items.length > SHOWN_FIRST;
  const shownItems = capped ? matching.slice(0, limit) : matching;
  const left = matching.length - shownItems.length;
  const next = Math.min(MORE_PER_PRESS, left);
  const named = (count: number) => `${side} ${count === 1 ? rows[0] : rows[1]}`;

  useLayoutEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'more') {
      more.current?.focus();
      more.current?.scrollIntoView?.({ block: 'nearest' });
    } else if (target !== null) {
      const row = list.current?.querySelectorAll<HTMLElement>(rowSelector)[target];
      const link = row?.querySelector<HTMLElement>('a');
      if (row && !link) row.tabIndex = -1; // a name that is no link (a file, a topic) takes the focus on its row
      (link ?? row)?.focus();
    }
  });

  function onMore() {
    focusAfter.current = shownItems.length;
    setLimit(limit + MORE_PER_PRESS);
  }

  function onFewer() {
    // "Show fewer" takes thousands of pixels away above it and goes itself: the focus goes to "Show more", in view.
    focusAfter.current = 'more';
    setLimit(SHOWN_FIRST);
  }

  return (
    <>
      {capped ? (
        <FilterBox id={`${listId}-filter`} label={`Filter ${named(2)}`} placeholder="Filter by name" value={filter} onChange={setFilter} testId={`${testId}-filter`} />
      ) : null}
      {children(shownItems, { id: listId, ref: list })}
      {capped ? (
        <div className="lineage__more">
          {/* There from the start, its words changing with each press and each letter typed (decision 046). */}
          <p className="lineage__shown muted" role="status" data-testid={`${testId}-shown`}>
            {shownInWords({ shown: shownItems.length, matching: matching.length, total: items.length, filter, tables: named(items.length) })}
          </p>
          {next > 0 ? (
            <Button ref={more} size="sm" onClick={onMore} aria-controls={listId} data-testid={`${testId}-more`}>
              {left > MORE_PER_PRESS ? `Show ${MORE_PER_PRESS} more ${named(2)}` : `Show the last ${formatWholeNumber(next)} ${named(next)}`}
            </Button>
          ) : null}
          {limit > SHOWN_FIRST ? (
            <Button size="sm" variant="ghost" onClick={onFewer} aria-controls={listId} data-testid={`${testId}-fewer`}>
              Show the nearest {SHOWN_FIRST} only
            </Button>
          ) : null}
          {extra}
        </div>
      ) : null}
    </>
  );
}
