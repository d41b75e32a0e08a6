// One shown toast (toast.tsx): it leaves by itself after a few seconds (not while hovered or focused)
// or by its close button. A file of its own, loaded with the first toast.
import { useEffect, useState } from 'react';
import { cx } from './class-names';
import type { Toast } from './toast-types';
import './toast-item.css';

const VISIBLE_MS = 6000;
const SUCCESS_VISIBLE_MS = 4000;

export default function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), toast.tone === 'success' ? SUCCESS_VISIBLE_MS : VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, toast.tone, onDismiss]);
  return (
    // An error's message is the live part (the list item stays a list item, and "Dismiss" is not read
    // with it); a polite one is said by the provider's status region.
    <li
      className={cx('toast', `toast--${toast.tone ?? 'info'}`)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast__text" role={toast.tone === 'error' ? 'alert' : undefined}>
        <p className="toast__title">{toast.title}</p>
        {toast.description ? <p className="toast__description">{toast.description}</p> : null}
      </div>
      <button type="button" className="toast__close" aria-label={`Dismiss: ${toast.title}`} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}
