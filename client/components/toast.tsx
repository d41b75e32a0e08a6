// Short messages that confirm or report an action ("Link copied", "Could not save"). They appear in
// one list, are read by screen readers, and leave by themselves after a few seconds (not while
// hovered or focused; an error stays until closed) or by their close button. A confirmation (tone `success`: "Description saved")
// is said politely, stays briefly and replaces the one before it, so a run of edits never piles up.
// Said politely from one status region that is there from the app's start (NVDA and JAWS often miss
// a region that appears together with its text): the newest message's text is put into it. An error
// is a role="alert" of its own, which screen readers announce as it appears.
import { createContext, Suspense, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { lazyPart } from './lazy-part';
import type { Toast, ToastInput } from './toast-types';
import './toast.css';

// A shown toast (toast-item.tsx), loaded with the first one: the first page does not carry it (decision 007's budget).
// If its code does not arrive, the toast's words show plainly (an error's still an alert) for a while,
// and the next toast asks for the code again.
const ToastItem = lazyPart(
  () => import('./toast-item'),
  ({ toast, onDismiss }) => {
    useEffect(() => {
      const timer = setTimeout(onDismiss, 6000, toast.id);
      return () => clearTimeout(timer);
    }, [toast.id, onDismiss]);
    return (
      <li className="state" role={toast.tone == 'error' ? 'alert' : undefined}>
        {spokenText(toast)}
      </li>
    );
  },
);

export type { ToastInput } from './toast-types';

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** What the status region says for a toast: its title, then its description as a sentence of its own. */
export function spokenText({ title, description }: ToastInput): string {
  if (!description) return title;
  return /[.!?…]$/.test(title) ? `${title} ${description}` : `${title}. ${description}`;
}

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
  // The newest polite message still shown (a new element each time, so the same words twice are said twice).
  const spoken = toasts.findLast((t) => t.tone !== 'error');
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div className="visually-hidden" role="status">
          {spoken ? <p key={spoken.id}>{spokenText(spoken)}</p> : null}
        </div>
        <ol className="toasts__list">
          <Suspense fallback={null}>
            {toasts.map((toast) => (
              <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
            ))}
          </Suspense>
        </ol>
      </section>
    </ToastContext>
  );
}

/** Show a toast; works anywhere under ToastProvider. */
export function useToast(): (toast: ToastInput) => void {
  const show = use(ToastContext);
  if (!show) throw new Error('useToast needs a ToastProvider above it');
  return show;
}
