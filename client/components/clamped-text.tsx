// A text that may be very long (an imported description of 56,000 characters): shown up to a height,
// faded at the foot, with a "Show more" / "Show less" button (aria-expanded, aria-controls) below it.
// Whether it is clamped is measured, not guessed from the length: only a text that is clearly taller
// than the clamp (a third more) gets one, so no button ever opens a line or two. Tabbing into a link
// hidden under the fold opens the text, so focus never lands on something out of sight. Opened, the
// button stays at the foot of the window while the text is in view (clamped-text.css); "Show less"
// then keeps it in view as the text above it shrinks. Decided in docs/decisions/059-*.md.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';
import { cx } from './class-names';
import './clamped-text.css';

/** The clamp's height in rem: about 12 lines of a description, about 4 of a column's. */
export const CLAMP_HEIGHT_REM = { long: 18, short: 6 } as const;
/** Clamped only when the text is this much taller than the clamp. */
const WORTH_CLAMPING = 4 / 3;

export interface ClampedTextProps {
  children: ReactNode;
  /** `long`: a table's or dashboard's description; `short`: a column's or nested field's, in a table cell. */
  size?: keyof typeof CLAMP_HEIGHT_REM;
  /** What the text is, read after the button's words: "Show more of the description of sales.orders". */
  label: string;
  className?: string;
}

function remInPixels(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

export function ClampedText({ children, size = 'long', label, className }: ClampedTextProps) {
  const id = useId();
  const content = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [tall, setTall] = useState(false);
  const [expanded, setExpanded] = useState(false);

  useLayoutEffect(() => {
    const inner = content.current;
    if (!inner) return;
    const measure = () => setTall(inner.scrollHeight > CLAMP_HEIGHT_REM[size] * remInPixels() * WORTH_CLAMPING);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    // The text's own height changes with the width, the fonts and a lazily rendered Markdown.
    const observer = new ResizeObserver(measure);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [size]);

  const clamped = tall && !expanded;

  function toggle() {
    setExpanded((open) => !open);
    // Closing shrinks the text above the button: bring the button back where the person is looking.
    if (expanded) requestAnimationFrame(() => button.current?.scrollIntoView?.({ block: 'nearest' }));
  }

  return (
    <div className={cx('clamped-text', className)}>
      <div
        id={id}
        className={cx('clamped-text__box', clamped && 'clamped-text__box--clamped')}
        style={clamped ? { maxHeight: `${CLAMP_HEIGHT_REM[size]}rem` } : undefined}
        onFocus={clamped ? () => setExpanded(true) : undefined}
        data-testid="clamped-text"
      >
        <div ref={content} className="clamped-text__content">
          {children}
        </div>
      </div>
      {tall ? (
        <Button ref={button} size="sm" variant="ghost" className="clamped-text__toggle" aria-expanded={expanded} aria-controls={id} onClick={toggle}>
          {expanded ? 'Show less' : 'Show more'}{' '}
          <span className="visually-hidden">of {label}</span>
        </Button>
      ) : null}
    </div>
  );
}
