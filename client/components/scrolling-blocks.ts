// Code blocks and tables scroll sideways inside their box when they are too wide (markdown.css). Only
// those that do are made keyboard stops (tabindex 0, so the arrow keys scroll them; axe's
// scrollable-region-focusable) and named, so that focus on them says why it stopped there. Blocks that
// fit are not Tab stops. Decided in docs/decisions/038-focusable-only-when-scrolling.md.

const NAMES: Record<string, string> = { PRE: 'Code, scrolls sideways', TABLE: 'Table, scrolls sideways' };
const SELECTOR = 'pre, table';

function scrollsSideways(block: HTMLElement): boolean {
  return block.scrollWidth > block.clientWidth;
}

/** Makes each code block and table in `container` a named Tab stop when, and only when, it overflows sideways. */
export function markScrollingBlocks(container: HTMLElement): void {
  for (const block of container.querySelectorAll<HTMLElement>(SELECTOR)) {
    const scrolls = scrollsSideways(block);
    if (scrolls === block.hasAttribute('tabindex')) continue;
    if (scrolls) {
      block.setAttribute('tabindex', '0');
      block.setAttribute('aria-label', NAMES[block.tagName] ?? 'Scrolls sideways');
      // A table keeps its table role (its name is the table's name); a code block becomes a named group,
      // not a landmark: several blocks on a page would be several landmarks of the same name.
      if (block.tagName === 'PRE') block.setAttribute('role', 'group');
    } else {
      block.removeAttribute('tabindex');
      block.removeAttribute('aria-label');
      if (block.tagName === 'PRE') block.removeAttribute('role');
    }
  }
}

/**
 * Marks the blocks now and again whenever the container or one of its blocks changes size (a narrower
 * window, a tab shown, fonts loaded). Returns the function that stops watching.
 */
export function watchScrollingBlocks(container: HTMLElement): () => void {
  markScrollingBlocks(container);
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => markScrollingBlocks(container));
  observer.observe(container);
  for (const block of container.querySelectorAll<HTMLElement>(SELECTOR)) observer.observe(block);
  return () => observer.disconnect();
}

/**
 * The same rule for one box that scrolls either way (`overflow: auto` and a max-height: the conflict
 * view's two versions and their differences): a Tab stop named `name` (role group, not a landmark)
 * while, and only while, its content overflows it, so keyboard users (Safari's too, where a box is not
 * a Tab stop by itself) can scroll it; checked again when the box changes size. Returns the function
 * that stops watching.
 */
export function watchScrollingBox(box: HTMLElement, name: string): () => void {
  const mark = () => {
    const scrolls = box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth;
    if (scrolls) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', name);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  };
  mark();
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(mark);
  observer.observe(box);
  return () => observer.disconnect();
}
