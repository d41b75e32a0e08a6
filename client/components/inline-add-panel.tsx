// The open "Add …" field of the tag and owner editors: Escape closes it (after the field inside has
// used Escape itself, e.g. to close its list) and returns focus to the Add button; leaving it with
// nothing typed closes it quietly.
import type { FocusEvent, KeyboardEvent, ReactNode } from 'react';

interface InlineAddPanelProps {
  /** Whether something is typed: then leaving the panel keeps it open, so nothing typed is lost. */
  hasText: boolean;
  /** `returnFocus`: true for Escape (focus goes back to the Add button), false when focus left. */
  onClose: (returnFocus: boolean) => void;
  children: ReactNode;
}

export function InlineAddPanel({ hasText, onClose, children }: InlineAddPanelProps) {
  return (
    <div
      className="tag-editor__add"
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose(true);
        }
      }}
      onBlur={(event: FocusEvent) => {
        if (!hasText && !event.currentTarget.contains(event.relatedTarget as Node | null)) onClose(false);
      }}
    >
      {children}
    </div>
  );
}
