// Where focus goes when a chip's remove button is used (the tag and owner editors): to the next
// chip's remove button, else the previous one's, else the editor's add control — never to <body>
// when the pressed button disappears with its chip. When the server refuses the removal and the chip
// comes back, focus goes back to its remove button (if it is still where the removal put it). A press
// of the button focus was just moved to is the first press repeated, and removes nothing (isRepeatedPress).
import { useEffect, useState, type RefObject } from 'react';

/**
 * Focuses the remove button after `pressed` among `buttons` (the list's remove buttons in order),
 * else the one before it, else `fallback`. Called as the button is pressed: its chip may leave the
 * page at once (optimistic edits), and the neighbour is still there to take focus.
 */
export function focusAfterRemoval(pressed: HTMLElement, buttons: readonly HTMLElement[], fallback: () => HTMLElement | null | undefined): void {
  const index = buttons.indexOf(pressed);
  const target = index === -1 ? undefined : (buttons[index + 1] ?? buttons[index - 1]);
  if (target) {
    target.focus();
    focusedByRemoval.set(target, performance.now());
  } else fallback()?.focus();
}

/** How long after a removal put focus on a neighbour's remove button a press of it is taken for the first press again. */
export const REPEAT_PRESS_MS = 500;
const focusedByRemoval = new WeakMap<HTMLElement, number>();

/**
 * Whether pressing `button` is the same press again, not a choice: a double Enter, or a double click
 * whose second click lands on the next chip's × as it slides under the pointer. The first removal put
 * focus on this button under REPEAT_PRESS_MS ago; without this the second press removed the neighbour
 * too, and a removal has no undo.
 */
export function isRepeatedPress(button: HTMLElement): boolean {
  const since = focusedByRemoval.get(button);
  return since !== undefined && performance.now() - since < REPEAT_PRESS_MS;
}

/**
 * For an editor whose remove buttons carry `data-remove` (the tag, the owner's user id) inside `list`:
 * returns what to call with a removal's outcome (a promise that rejects when the server refused it).
 * When it was refused, the chip comes back, and focus goes back to its remove button — if focus is
 * still where the removal put it, or lost to the page; not if the person has moved on.
 */
export function useFocusBackWhenRestored(list: RefObject<HTMLElement | null>, shown: unknown): (key: string, outcome: unknown) => void {
  const [restored, setRestored] = useState<{ key: string; movedTo: Element | null } | null>(null);
  useEffect(() => {
    if (!restored) return;
    const button = [...(list.current?.querySelectorAll<HTMLElement>('[data-remove]') ?? [])].find((b) => b.dataset.remove === restored.key);
    if (!button) return; // Not back on the page yet.
    const focus = document.activeElement;
    if (focus === restored.movedTo || focus === document.body || focus === null) button.focus();
    setRestored(null);
  }, [restored, shown, list]);
  return (key, outcome) => {
    const movedTo = document.activeElement;
    if (outcome instanceof Promise) outcome.catch(() => setRestored({ key, movedTo }));
  };
}
