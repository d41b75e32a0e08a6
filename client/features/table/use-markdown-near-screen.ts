// Which rows of the columns table show their description as rendered Markdown yet (decision 110). A
// row's description is Markdown (decision 105), and rendering hundreds of them at once (marked, the
// sanitizer, their DOM) made "Show all 500 columns" or a deep link to column 480 wait about half a
// second longer than plain text. So a row shows its text as written (the form it has while the renderer
// loads) until it comes near the screen: the rows within a screen's height of the window are rendered
// before the first paint (a layout effect), on scroll and on focus before the next paint (flushSync),
// and the rest a chunk at a time in the background, nearest first, so find-in-page soon sees them all
// rendered. A text holding the focus (a join link in it) is left as it is until the focus leaves it.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** On a row whose description still shows its text as written: the column's name. */
export const MARKDOWN_PENDING = 'data-markdown-pending';
/** Rows rendered per background step. */
const CHUNK = 100;
/** Between background steps, so a key press or a scroll comes first. */
const STEP_MS = 50;

function pendingRows(list: HTMLElement | null): HTMLElement[] {
  return list ? [...list.querySelectorAll<HTMLElement>(`[${MARKDOWN_PENDING}]`)] : [];
}

/** How far a row is from the window (0: in it), in pixels. */
function distanceFromWindow(row: HTMLElement): number {
  const box = row.getBoundingClientRect();
  return Math.max(0, box.top - window.innerHeight, -box.bottom);
}

/** Whether the focus is in the text about to be replaced (a join link of it): the name's button may have it. */
const holdsFocus = (row: HTMLElement) => !!row.querySelector('.markdown--plain')?.contains(document.activeElement);

/**
 * `isRendered(name)`: whether the row of that column renders its Markdown now. `renderNearNow()`: render
 * the rows near the window before the next paint (after a programmatic scroll, as a deep link's);
 * whether there were any.
 */
export function useMarkdownNearScreen(list: RefObject<HTMLElement | null>) {
  const [rendered, setRendered] = useState<ReadonlySet<string>>(() => new Set());
  const add = useCallback((names: readonly string[]) => {
    if (names.length === 0) return;
    setRendered((current) => {
      const next = new Set(current);
      for (const name of names) next.add(name);
      return next;
    });
  }, []);

  /** The pending rows within a screen's height of the window, not holding the focus. */
  const near = useCallback(() => {
    const margin = window.innerHeight;
    return pendingRows(list.current)
      .filter((row) => distanceFromWindow(row) <= margin && !holdsFocus(row))
      .map((row) => row.getAttribute(MARKDOWN_PENDING)!);
  }, [list]);

  const renderNearNow = useCallback((): boolean => {
    const names = near();
    if (names.length > 0) flushSync(() => add(names));
    return names.length > 0;
  }, [near, add]);

  // Before each paint: the rows near the window (the first ones, those "Show all" or a filter brought).
  useLayoutEffect(() => add(near()));

  // Scrolling, resizing and moving the focus bring other rows near.
  const hasPending = () => pendingRows(list.current).length > 0;
  const pending = useRef(false);
  useLayoutEffect(() => {
    pending.current = hasPending();
  });
  useEffect(() => {
    const onMove = () => {
      if (pending.current) renderNearNow();
    };
    const events = ['scroll', 'resize', 'focusin', 'focusout'] as const;
    for (const type of events) window.addEventListener(type, onMove, { passive: true });
    return () => {
      for (const type of events) window.removeEventListener(type, onMove);
    };
  }, [renderNearNow]);

  // The rest in the background, nearest first, one chunk per step.
  useEffect(() => {
    if (!hasPending()) return;
    const timer = setTimeout(() => {
      const rows = pendingRows(list.current).filter((row) => !holdsFocus(row));
      const nearest = rows
        .map((row) => ({ name: row.getAttribute(MARKDOWN_PENDING)!, distance: distanceFromWindow(row) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, CHUNK)
        .map(({ name }) => name);
      add(nearest);
    }, STEP_MS);
    return () => clearTimeout(timer);
  });

  const isRendered = useCallback((name: string) => rendered.has(name), [rendered]);
  return { isRendered, renderNearNow };
}
