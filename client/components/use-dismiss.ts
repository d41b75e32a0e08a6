import { useEffect, type RefObject } from 'react';

/**
 * Close a popup when the pointer goes down outside `container` or focus leaves it, and on Escape
 * (which also returns focus to `returnFocusTo`).
 */
export function useDismiss(
  open: boolean,
  container: RefObject<HTMLElement | null>,
  onDismiss: () => void,
  returnFocusTo?: RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    if (!open) return;
    const inside = (node: EventTarget | null) => node instanceof Node && !!container.current?.contains(node);
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) onDismiss();
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!inside(event.target)) onDismiss();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onDismiss();
      returnFocusTo?.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    container.current?.addEventListener('keydown', onKeyDown);
    const element = container.current;
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
      element?.removeEventListener('keydown', onKeyDown);
    };
  }, [open, container, onDismiss, returnFocusTo]);
}
