// The watch behind useFocusHeadingOnNavigate (use-focus-heading-on-navigate.ts), in a file of its own:
// loaded at the first move to another page, so the first page does not carry it (decision 007's budget).
// It waits for the new page's h1 (a MutationObserver on `main`) for at most `waitMs`, then settles on
// `main`, and gives up when focus moved meanwhile.

/** The link that left a page: its address, and which of the page's links to that address it was. */
export interface LeftBy {
  href: string;
  index: number;
}

/** How long, after the h1 is there, focus waits for the link a page was left by before it takes the h1. */
export const RETURN_LINK_WAIT_MS = 1000;

function linkIn(main: HTMLElement, { href, index }: LeftBy): HTMLElement | undefined {
  return [...main.querySelectorAll<HTMLElement>('a[href]')].filter((a) => a.getAttribute('href') === href)[index];
}

function focusTarget(target: HTMLElement) {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * Focuses `main`'s h1 once it is there. `before` is where focus was as the navigation ended; `done` is
 * called when the watch ends by itself. With `returnTo` (Back to a page left by a link), that link is
 * focused instead once it is there; when it has not come RETURN_LINK_WAIT_MS after the h1, the h1 is.
 * Returns what stops the watch.
 */
export function focusHeadingWhenShown(main: HTMLElement, before: Element | null, waitMs: number, done: () => void, returnTo?: LeftBy): () => void {
  const movedMeanwhile = () => {
    const now = document.activeElement;
    return now !== null && now !== before && now !== document.body && now !== main;
  };
  let finished = false;
  let headingSeenAt: number | undefined;
  const finish = () => {
    finished = true;
    observer.disconnect();
    window.clearTimeout(timer);
    window.clearTimeout(linkTimer);
  };
  const tryHeading = () => {
    if (finished) return;
    if (movedMeanwhile()) {
      finish();
      return done();
    }
    const link = returnTo && linkIn(main, returnTo);
    if (link) {
      finish();
      done();
      // Not preventScroll: the scroll is on its way back to where the link was used, and should it
      // not get there (the page drawn shorter), the link is brought into view rather than lost.
      link.focus();
      return;
    }
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return;
    if (returnTo) {
      headingSeenAt ??= performance.now();
      if (performance.now() - headingSeenAt < RETURN_LINK_WAIT_MS) {
        window.clearTimeout(linkTimer);
        linkTimer = window.setTimeout(tryHeading, RETURN_LINK_WAIT_MS - (performance.now() - headingSeenAt));
        return;
      }
    }
    finish();
    done();
    focusTarget(heading);
  };
  let linkTimer: number | undefined;
  const observer = new MutationObserver(tryHeading);
  const timer = window.setTimeout(() => {
    const moved = movedMeanwhile();
    finish();
    done();
    // The h1 may be there, focus still waiting for the link a page was left by.
    if (!moved) focusTarget(main.querySelector<HTMLElement>('h1') ?? main);
  }, waitMs);
  observer.observe(main, { childList: true, subtree: true });
  tryHeading();
  return finish;
}
