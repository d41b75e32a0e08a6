// Whether a CSS media query matches now, following it as the window changes (for what CSS cannot
// change, such as an input's placeholder). False where there is no matchMedia (tests without one).
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', changed);
      return () => list?.removeEventListener('change', changed);
    },
    () => !!window.matchMedia?.(query).matches,
  );
}
