// Where focus goes when a chip's remove button is used (the tag and owner editors): to the next
// chip's remove button, else the previous one's, else the editor's add control — never to <body>
// when the pressed button disappears with its chip.

/**
 * Focuses the remove button after `pressed` among `buttons` (the list's remove buttons in order),
 * else the one before it, else `fallback`. Called as the button is pressed: its chip may leave the
 * page at once (optimistic edits), and the neighbour is still there to take focus.
 */
export function focusAfterRemoval(pressed: HTMLElement, buttons: readonly HTMLElement[], fallback: () => HTMLElement | null | undefined): void {
  const index = buttons.indexOf(pressed);
  const target = index === -1 ? undefined : (buttons[index + 1] ?? buttons[index - 1]);
  if (target) target.focus();
  else fallback()?.focus();
}
