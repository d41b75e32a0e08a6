// The keyboard shortcuts dialog ("?" or the user menu): loaded when first opened, not with the first page.
import { Dialog } from '../../components/dialog';

const SHORTCUTS: [string[], string][] = [
  [['/'], 'Search'],
  [['↓', '↑'], 'Move through search suggestions'],
  [['Enter'], 'Open the suggestion, or all results'],
  [['Esc'], 'Close suggestions, then clear the search box'],
  [['?'], 'Show these shortcuts'],
];

export default function KeyboardShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
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
