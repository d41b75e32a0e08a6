// The watch behind useFocusHeadingOnNavigate (use-focus-heading-on-navigate.ts), in a file of its own:
// loaded at the first move to another page, so the first page does not carry it (decision 007's budget).
// It waits for the new page's h1 (a MutationObserver on `main`) for at most `waitMs`, then settles on
// `main`, and gives up when focus moved meanwhile.

function focusTarget(target: HTMLElement) {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * Focuses `main`'s h1 once it is there. `before` is where focus was as the navigation ended; `done` is
 * called when the watch ends by itself. Returns what stops the watch.
 */
export function focusHeadingWhenShown(main: HTMLElement, before: Element | null, waitMs: number, done: () => void): () => void {
  const movedMeanwhile = () => {
    const now = document.activeElement;
    return now !== null && now !== before && now !== document.body && now !== main;
  };
  let finished = false;
  const finish = () => {
    finished = true;
    observer.disconnect();
    window.clearTimeout(timer);
  };
  const tryHeading = () => {
    if (finished) return;
    if (movedMeanwhile()) {
      finish();
      return done();
    }
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return;
    finish();
    done();
    focusTarget(heading);
  };
  const observer = new MutationObserver(tryHeading);
  const timer = window.setTimeout(() => {
    const moved = movedMeanwhile();
    finish();
    done();
    if (!moved) focusTarget(main);
  }, waitMs);
  observer.observe(main, { childList: true, subtree: true });
  tryHeading();
  return finish;
}
