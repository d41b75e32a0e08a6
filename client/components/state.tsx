// What a view shows when it has nothing to show, or failed: a title, a sentence that says what to do,
// and a way on.
import type { ReactNode } from 'react';
import { describeError } from '../lib/api-error';
import { Button } from './button';
import { cx } from './class-names';
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

export function ErrorState({ title = 'Something went wrong', error, onRetry }: { title?: ReactNode; error: unknown; onRetry?: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      <p className="state__body">{describeError(error)}</p>
      {onRetry ? (
        <div className="state__action">
          <Button onClick={onRetry}>Try again</Button>
        </div>
      ) : null}
    </div>
  );
}
