import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const positions = new Map<string, number>();

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
    const onScroll = () => positions.set(currentKey.current, window.scrollY);
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
    window.scrollTo(0, y);
    // The page may still be rendering from cache: try again on the next frame.
    const frame = requestAnimationFrame(() => window.scrollTo(0, y));
    return () => cancelAnimationFrame(frame);
  }, [location.key, type]);
}
