// The frame of a page about one thing (a table, a dashboard, a person): a header with an eyebrow, the
// one h1 and what identifies it, then the main column and a side panel of facts beside it. Below 820 px
// the side panel comes under the main column, in the order of the page, so what is seen, Tab and a
// screen reader go the same way at every width (decision 087). There, a few of its facts show at the
// end of the header with a link down to it (`keyFacts`, decision 090).
import { useId, type ReactNode } from 'react';
import { cx } from './class-names';
import { KeyFacts, type KeyFact } from './key-facts';
import './resource-page.css';
import { formatWholeNumber } from '../lib/format-number';

export interface ResourcePageProps {
  eyebrow: ReactNode;
  title: ReactNode;
  /** Under the title: location, key, badges, actions. */
  header?: ReactNode;
  /** Between the header and the content (a notice). */
  banner?: ReactNode;
  side?: ReactNode;
  /** Names the side panel for screen readers ("About this table"). */
  sideLabel?: string;
  /** Facts of the side panel said at the end of the header at 820 px and less, and the link's words to the panel. */
  keyFacts?: { facts: readonly KeyFact[]; linkText: string };
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function ResourcePage({ eyebrow, title, header, banner, side, sideLabel, keyFacts, children, className, testId }: ResourcePageProps) {
  const sideId = useId();
  const jump = side && keyFacts ? keyFacts : null;
  return (
    <article className={cx('resource-page', className)} data-testid={testId}>
      <header className="resource-page__header">
        <p className="eyebrow">{eyebrow}</p>
        <h1 className="resource-page__title">{title}</h1>
        {header}
        {jump ? <KeyFacts facts={jump.facts} linkText={jump.linkText} sideId={sideId} /> : null}
      </header>
      {banner}
      <div className={cx('resource-page__layout', !side && 'resource-page__layout--single')}>
        <div className="resource-page__main">{children}</div>
        {side ? (
          // The key facts' link moves the focus here (not a Tab stop of its own).
          <aside id={jump ? sideId : undefined} tabIndex={jump ? -1 : undefined} className="resource-page__side" aria-label={sideLabel}>
            {side}
          </aside>
        ) : null}
      </div>
    </article>
  );
}

/** A titled part of a resource page's main column. */
export function ResourceSection({ id, title, count, hint, children, testId }: { id: string; title: ReactNode; count?: number; hint?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="resource-section" data-testid={testId}>
      <h2 id={`${id}-heading`}>
        {title}
        {count !== undefined ? <span className="count">{formatWholeNumber(count)}</span> : null}
      </h2>
      {hint ? <p className="resource-section__hint">{hint}</p> : null}
      {children}
    </section>
  );
}
