// What a view shows when it has nothing to show, or failed: a title, a sentence that says what to do,
// and a way on.
import { useId, type ReactNode } from 'react';
import { canRetry, describeError, isSessionUserChanged } from '../lib/api-error';
import { Button } from './button';
import { cx } from './class-names';
import { useFocusAfterRetry } from './focus-after-retry';
import './state.css';

export function EmptyState({ title, children, action, className }: { title?: ReactNode; children?: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div className={cx('state', 'state--empty', className)}>
      {title ? <p className="state__title">{title}</p> : null}
      {children ? <div className="state__body">{children}</div> : null}
      {action ? <div className="state__action">{action}</div> : null}
    </div>
  );
}

/**
 * A failure with its reason and, when given and a retry may help (api-error.ts canRetry: network trouble,
 * timeouts, 429, 5xx), a "Try again"; never for a client error (400, 404, 409…), refused the same way again.
 * A request refused because another tab signed in as someone else (session_user_changed) is no failure of
 * this view: the shell's notice above the page says so, once, with the reload that helps
 * (app/shell/session-user-check.tsx); here a quiet placeholder stands in, not announced, not repeating it.
 */
export function ErrorState({ title = 'Something went wrong', error, onRetry: retry }: { title?: ReactNode; error: unknown; onRetry?: () => void }) {
  // "Try again" is described by what failed: two failures on a page (the browse page's tags and badges) are two different buttons.
  const titleId = useId();
  const [box, pressed] = useFocusAfterRetry();
  if (isSessionUserChanged(error)) {
    return (
      <div className="state state--withheld">
        <p className="state__body">{WITHHELD}</p>
      </div>
    );
  }
  const onRetry = canRetry(error) ? retry : undefined;
  return (
    <div className="state state--error" role="alert" ref={box}>
      <p className="state__title" id={titleId}>
        {title}
      </p>
      <p className="state__body">{describeError(error)}</p>
      {onRetry ? (
        <div className="state__action">
          <Button
            onClick={() => {
              pressed();
              onRetry();
            }}
            aria-describedby={titleId}
          >
            Try again
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** What stands in for data withheld because the session is now another user's. */
export const WITHHELD = 'Not shown until this page is reloaded.';
