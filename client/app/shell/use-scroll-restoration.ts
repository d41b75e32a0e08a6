import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const positions = new Map<string, number>();

/**
 * Scroll like a multi-page site: a new page starts at the top; Back and Forward return to where you
 * were on that page. Replacing the URL (a filter typed on the search page) leaves the scroll alone.
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
