// One shown toast (toast.tsx): a confirmation or note leaves by itself after a few seconds (not while
// hovered or focused) or by its close button; an error stays until it is closed, so its words are not
// gone before they are read (WCAG 2.2.1). Toasts stand clear of the focused control (toast-placement.ts).
// A file of its own, loaded with the first toast.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { cx } from './class-names';
import { keepClearOfFocus } from './toast-placement';
import type { Toast } from './toast-types';
import './toast-item.css';

const VISIBLE_MS = 6000;
const SUCCESS_VISIBLE_MS = 4000;

export default function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  const error = toast.tone === 'error';
  useEffect(() => {
    if (paused || error) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), toast.tone === 'success' ? SUCCESS_VISIBLE_MS : VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [paused, error, toast.id, toast.tone, onDismiss]);
  useLayoutEffect(() => {
    const element = item.current;
    const region = element?.closest<HTMLElement>('.toasts');
    return region ? keepClearOfFocus(region, element?.parentElement?.childElementCount === 1) : undefined;
  }, []);
  return (
    // An error's message is the live part (the list item stays a list item, and "Dismiss" is not read
    // with it); a polite one is said by the provider's status region.
    <li
      ref={item}
      className={cx('toast', `toast--${toast.tone ?? 'info'}`)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast__text" role={error ? 'alert' : undefined}>
        <p className="toast__title">{toast.title}</p>
        {toast.description ? <p className="toast__description">{toast.description}</p> : null}
      </div>
      <button type="button" className="toast__close" aria-label={`Dismiss: ${toast.title}`} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}
