// A disclosure button (WAI-ARIA Authoring Practices): shows and hides the content it controls.
// A real button, so Tab reaches it and Enter or Space toggles it; the chevron turns when open.
import type { ReactNode } from 'react';
import { cx } from './class-names';
import './disclosure.css';

export interface DisclosureButtonProps {
  expanded: boolean;
  onToggle: () => void;
  /** The id of the content it shows and hides (rendered only while expanded). */
  controls: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function DisclosureButton({ expanded, onToggle, controls, children, className, testId }: DisclosureButtonProps) {
  return (
    <button
      type="button"
      className={cx('disclosure', className)}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={onToggle}
      data-testid={testId}
    >
      <span className="disclosure__icon" aria-hidden="true" />
      <span className="disclosure__label">{children}</span>
    </button>
  );
}
