// Short messages that confirm or report an action ("Link copied", "Could not save"). They appear in
// one live region, are read by screen readers, and leave by themselves after a few seconds (not while
// hovered or focused) or by their close button. A confirmation (tone `success`: "Description saved")
// is said politely, stays briefly and replaces the one before it, so a run of edits never piles up.
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { cx } from './class-names';
import './toast.css';

export interface ToastInput {
  title: string;
  description?: string;
  tone?: 'info' | 'success' | 'error';
}
interface Toast extends ToastInput {
  id: number;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);
const VISIBLE_MS = 6000;
const SUCCESS_VISIBLE_MS = 4000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    setToasts((all) => {
      const kept = toast.tone === 'success' ? all.filter((t) => t.tone !== 'success') : all;
      return [...kept.slice(-2), { ...toast, id }];
    });
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <ol className="toasts__list">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), toast.tone === 'success' ? SUCCESS_VISIBLE_MS : VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, toast.tone, onDismiss]);
  return (
    // The message is the live part (the list item stays a list item, and "Dismiss" is not read with it).
    <li
      className={cx('toast', `toast--${toast.tone ?? 'info'}`)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast__text" role={toast.tone === 'error' ? 'alert' : 'status'}>
        <p className="toast__title">{toast.title}</p>
        {toast.description ? <p className="toast__description">{toast.description}</p> : null}
      </div>
      <button type="button" className="toast__close" aria-label={`Dismiss: ${toast.title}`} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}

/** Show a toast; works anywhere under ToastProvider. */
export function useToast(): (toast: ToastInput) => void {
  const show = use(ToastContext);
  if (!show) throw new Error('useToast needs a ToastProvider above it');
  return show;
}
