// A titled box of content on a page (home widgets, browse sections): a section named by its heading,
// with an optional line at the bottom ("All tags and badges").
import { useId, type ReactNode } from 'react';
import { cx } from './class-names';
import './panel.css';

export function Panel({ title, children, footer, className }: { title: ReactNode; children: ReactNode; footer?: ReactNode; className?: string }) {
  const headingId = useId();
  return (
    <section className={cx('panel', className)} aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {title}
      </h2>
      {children}
      {footer ? <div className="panel__footer">{footer}</div> : null}
    </section>
  );
}
