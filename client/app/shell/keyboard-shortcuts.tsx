// Keys that work on every page: "/" puts the cursor in the search box, "?" lists the shortcuts.
import { useEffect } from 'react';
import { SEARCH_INPUT_ATTRIBUTE } from './search-input-attribute';

export { SEARCH_INPUT_ATTRIBUTE };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function useGlobalShortcuts(onShowShortcuts: () => void) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '/') {
        const input = document.querySelector<HTMLInputElement>(`[${SEARCH_INPUT_ATTRIBUTE}]`);
        if (!input) return;
        event.preventDefault();
        input.focus();
        input.select();
      } else if (event.key === '?') {
        event.preventDefault();
        onShowShortcuts();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onShowShortcuts]);
}
