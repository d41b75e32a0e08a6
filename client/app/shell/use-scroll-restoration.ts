import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const positions = new Map<string, number>();
const INPUT = ['wheel', 'touchstart', 'keydown'] as const;

/**
 * Scroll like a multi-page site: a new page starts at the top; Back and Forward return to where you
 * were on that page. Replacing the URL (a filter typed on the search page) leaves the scroll alone, and
 * Back to the replaced entry returns to where it was left.
 */
export function useScrollRestoration() {
  const location = useLocation();
  const type = useNavigationType();
  const currentKey = useRef(location.key);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    // Not a scroll while the address is already another entry's and the page not yet drawn for it (the
    // next page's code or data still coming): that is the old page shrinking, not where it was left.
    const onScroll = () => {
      const addressKey = (history.state as { key?: string } | null)?.key;
      if (addressKey === undefined || addressKey === currentKey.current) positions.set(currentKey.current, window.scrollY);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  useLayoutEffect(() => {
    // A replaced URL (a pager's Next on a profile, a tab, a filter) is a new history entry key with the
    // page where it was, and no scroll event may follow: it starts with the position of the one it
    // replaced, or Back to it would find none and go to the top.
    if (type === 'REPLACE' && currentKey.current !== location.key) positions.set(location.key, window.scrollY);
    currentKey.current = location.key;
    if (type === 'PUSH') window.scrollTo(0, 0);
    if (type !== 'POP') return;
    const y = positions.get(location.key) ?? 0;
    // The page may still be rendering (from cache, or its lists coming in), too short to be scrolled
    // there: tried again each frame until it is there (and once more), for 2 s at most, and not after
    // the person scrolled or pressed a key.
    const until = performance.now() + 2000;
    let frame = 0;
    let again = 1;
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const name of INPUT) window.removeEventListener(name, stop);
    };
    const restore = () => {
      window.scrollTo(0, y);
      if (performance.now() < until && (Math.abs(window.scrollY - y) > 1 || again-- > 0)) frame = requestAnimationFrame(restore);
      else stop();
    };
    for (const name of INPUT) window.addEventListener(name, stop, { passive: true });
    restore();
    return stop;
  }, [location.key, type]);
}
