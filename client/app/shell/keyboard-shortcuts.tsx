// Keys that work on every page: "/" puts the cursor in the search box, "?" lists the shortcuts.
import { useEffect } from 'react';
import { Dialog } from '../../components/dialog';
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

const SHORTCUTS: [string[], string][] = [
  [['/'], 'Search'],
  [['↓', '↑'], 'Move through search suggestions'],
  [['Enter'], 'Open the suggestion, or all results'],
  [['Esc'], 'Close suggestions, then clear the search box'],
  [['?'], 'Show these shortcuts'],
];

export function KeyboardShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcuts__row">
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
