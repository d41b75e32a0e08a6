// After a move to another page (not on the first load), focus goes to the new page's heading, as a
// screen reader user expects from a new document. The page usually shows its skeleton first and its
// h1 only when its data has come: focus waits for that h1 (a MutationObserver on `main`), for at most
// HEADING_WAIT_MS, then settles on `main` instead. It never takes focus back from an element the
// person (or the page) moved it to in the meantime, nor from a person who pressed a key or the pointer
// meanwhile (typing on in the nav bar's search box, which had focus all along).
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long focus waits for the new page's h1 before it settles on `main`. */
export const HEADING_WAIT_MS = 5000;

function focusTarget(target: HTMLElement) {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

export function useFocusHeadingOnNavigate(waitMs = HEADING_WAIT_MS) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById('main');
    if (!main) return;
    // Focus as the navigation left it: on the link or field used (when it is still there) or on the body.
    const before = document.activeElement;
    const movedMeanwhile = () => {
      const now = document.activeElement;
      return now !== null && now !== before && now !== document.body && now !== main;
    };
    let finished = false;
    const finish = () => {
      finished = true;
      observer.disconnect();
      window.clearTimeout(timer);
      document.removeEventListener('keydown', finish, true);
      document.removeEventListener('pointerdown', finish, true);
    };
    const tryHeading = () => {
      if (finished) return;
      if (movedMeanwhile()) return finish();
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return;
      finish();
      focusTarget(heading);
    };
    const observer = new MutationObserver(tryHeading);
    const timer = window.setTimeout(() => {
      const moved = movedMeanwhile();
      finish();
      if (!moved) focusTarget(main);
    }, waitMs);
    observer.observe(main, { childList: true, subtree: true });
    document.addEventListener('keydown', finish, true);
    document.addEventListener('pointerdown', finish, true);
    tryHeading();
    return finish;
  }, [pathname, waitMs]);
}
