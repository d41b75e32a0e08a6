// After a move to another page (not on the first load), focus goes to the new page's heading, as a
// screen reader user expects from a new document. The page usually shows its skeleton first and its
// h1 only when its data has come: focus waits for that h1 (a MutationObserver on `main`), for at most
// HEADING_WAIT_MS, then settles on `main` instead. It never takes focus back from an element the
// person (or the page) moved it to in the meantime, nor from a person who pressed a key or the pointer
// meanwhile (typing on in the nav bar's search box, which had focus all along). The watch itself is
// focus-heading-when-shown.ts, loaded at the first move.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long focus waits for the new page's h1 before it settles on `main`. */
export const HEADING_WAIT_MS = 5000;

const loadWatch = () => import('./focus-heading-when-shown');

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
    // A key or the pointer pressed from now on ends the watch, also while its code is loading.
    let stop: (() => void) | undefined;
    let ended = false;
    const end = () => {
      ended = true;
      stop?.();
      document.removeEventListener('keydown', end, true);
      document.removeEventListener('pointerdown', end, true);
    };
    document.addEventListener('keydown', end, true);
    document.addEventListener('pointerdown', end, true);
    loadWatch().then(
      ({ focusHeadingWhenShown }) => {
        if (!ended) stop = focusHeadingWhenShown(main, before, waitMs, end);
      },
      // Its code could not be fetched (offline, or a new release replaced the file): focus stays where it is.
      () => end(),
    );
    return end;
  }, [pathname, waitMs]);
}
