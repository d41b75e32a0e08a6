// A modal dialog on the platform's <dialog>: showModal() makes the rest of the page inert and puts the
// dialog in the top layer; Escape closes it; focus returns to where it was when the dialog opened.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom; a Close button is always there. */
  actions?: ReactNode;
  /** The Close button's text where "Close" says too little ("Keep editing"). */
  closeLabel?: string;
  /** Focus starts on the Close button (the safe choice, where an action throws something away), not on the first action. */
  focusClose?: boolean;
}

export function Dialog({ open, onClose, title, children, actions, closeLabel = 'Close', focusClose = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    if (focusClose) closeButton.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
        <div className="dialog__actions">
          {actions}
          <Button ref={closeButton} onClick={onClose}>
            {closeLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
