// After a move to another page (not on the first load), focus goes to the new page's heading, as a
// screen reader user expects from a new document. The page usually shows its skeleton first and its
// h1 only when its data has come: focus waits for that h1 (a MutationObserver on `main`), for at most
// HEADING_WAIT_MS, then settles on `main` instead. It never takes focus back from an element the
// person (or the page) moved it to in the meantime, nor from a person who pressed a key or the pointer
// meanwhile (typing on in the nav bar's search box, which had focus all along). The watch itself is
// focus-heading-when-shown.ts, loaded at the first move.
// Back (or Forward) to a page left by a link in `main` focuses that link again, once it is there, rather
// than the h1: the scroll returns to where the page was left (use-scroll-restoration.ts), and focus on
// an h1 above the window would send the next Tab to the top of the page.
import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import type { LeftBy } from './focus-heading-when-shown';

/** How long focus waits for the new page's h1 before it settles on `main`. */
export const HEADING_WAIT_MS = 5000;

const loadWatch = () => import('./focus-heading-when-shown');

/** Per history entry, the link in `main` that left it: its address and which of the links to it it was. */
const leftBy = new Map<string, LeftBy>();

export function useFocusHeadingOnNavigate(waitMs = HEADING_WAIT_MS) {
  const { pathname, key } = useLocation();
  const type = useNavigationType();
  const previous = useRef(pathname);
  const currentKey = useRef(key);
  useEffect(() => {
    currentKey.current = key;
  }, [key]);
  useEffect(() => {
    // Enter on a link clicks it too.
    const remember = (event: MouseEvent) => {
      const main = document.getElementById('main');
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!main || !link || !main.contains(link)) return;
      const href = link.getAttribute('href')!;
      const index = [...main.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === href).indexOf(link);
      leftBy.set(currentKey.current, { href, index });
    };
    document.addEventListener('click', remember, true);
    return () => document.removeEventListener('click', remember, true);
  }, []);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const returnTo = type === 'POP' ? leftBy.get(key) : undefined;
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
        if (!ended) stop = focusHeadingWhenShown(main, before, waitMs, end, returnTo);
      },
      // Its code could not be fetched (offline, or a new release replaced the file): focus stays where it is.
      () => end(),
    );
    return end;
    // The entry's key and how it was reached change with the pathname (a move to another page).
  }, [pathname, waitMs]);
}
