// Where the toasts stand: bottom right, unless there they would cover the focused control, its open
// list of suggestions or its error message (WCAG 2.4.11: a toast after "Add tag" at the bottom of the
// window hid the box being typed in). Then they move to the top right, below the page's header and the
// shell's notice where those are in view (marked data-toasts-below), so they cover neither the account
// button nor the notice's button; and stay there while toasts are shown (no jumping as focus moves on);
// the first toast of a new run starts at the bottom again. Loaded with toast-item.tsx, not with the first page.

const PLACE = 'data-place';
/** Marks what the toasts at the top stand below (the header, the session notice), where it is in view. */
const TOASTS_BELOW = 'data-toasts-below';
/** The region's style property that toast-item.css places the top toasts by. */
const TOP = '--toasts-top';

/**
 * How far down the window the marked elements reach that are in view at its top: 0 when none is (a
 * header that scrolls away with the page, as it does in a narrow window, no longer counts once gone).
 */
export function topClearance(): number {
  let bottom = 0;
  for (const element of document.querySelectorAll(`[${TOASTS_BELOW}]`)) {
    const rect = element.getBoundingClientRect();
    if (rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight / 2) bottom = Math.max(bottom, rect.bottom);
  }
  return Math.ceil(bottom);
}

/** Keeps the region's top place below what is marked, as that scrolls or changes height. */
function setTopClearance(region: HTMLElement): void {
  const value = `${topClearance()}px`;
  if (region.style.getPropertyValue(TOP) !== value) region.style.setProperty(TOP, value);
}

/**
 * The focused element and what belongs to it on screen: its popup (aria-controls) and its message
 * (aria-describedby). None when the focus is in the toasts themselves: a toast's own Dismiss button,
 * focused as it is pressed, would otherwise move the toasts away from under the pointer before the press ends.
 */
function focusedAreas(region: HTMLElement): DOMRect[] {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body || region.contains(focused)) return [];
  const parts: Element[] = [focused];
  for (const attribute of ['aria-controls', 'aria-describedby']) {
    for (const id of focused.getAttribute(attribute)?.split(/\s+/) ?? []) {
      const part = id ? document.getElementById(id) : null;
      if (part) parts.push(part);
    }
  }
  return parts.map((part) => part.getBoundingClientRect()).filter((rect) => rect.width > 0 && rect.height > 0);
}

function overlap(a: DOMRect, b: DOMRect): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Moves `region` (the toasts' list) to the other edge when that covers less of the focused control. */
export function placeClearOfFocus(region: HTMLElement): void {
  setTopClearance(region);
  const areas = focusedAreas(region);
  if (areas.length === 0) return;
  const covered = () => {
    const rect = region.getBoundingClientRect();
    return areas.reduce((sum, area) => sum + overlap(rect, area), 0);
  };
  const here = covered();
  if (here === 0) return;
  const place = region.getAttribute(PLACE);
  const flip = () => (place ? region.removeAttribute(PLACE) : region.setAttribute(PLACE, 'top'));
  flip();
  if (covered() >= here) (place ? region.setAttribute(PLACE, place) : region.removeAttribute(PLACE));
}

/**
 * Keeps `region` clear of the focus while a toast is shown: now, and again as focus moves, keys are
 * typed (a list of suggestions opens), the page scrolls or the window changes size. Returns the cleanup.
 */
export function keepClearOfFocus(region: HTMLElement, first: boolean): () => void {
  if (first) region.removeAttribute(PLACE);
  placeClearOfFocus(region);
  let frame = 0;
  const later = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => placeClearOfFocus(region));
  };
  const events = ['focusin', 'keyup', 'scroll', 'resize'] as const;
  for (const event of events) window.addEventListener(event, later, { passive: true, capture: true });
  return () => {
    cancelAnimationFrame(frame);
    for (const event of events) window.removeEventListener(event, later, { capture: true });
  };
}
