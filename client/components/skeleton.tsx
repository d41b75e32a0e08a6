import { cx } from './class-names';
import './skeleton.css';

/** A grey placeholder shape; hidden from assistive technology (the loading region announces itself). */
export function Skeleton({ variant = 'line', className }: { variant?: 'line' | 'title' | 'heading' | 'block' | 'chip'; className?: string }) {
  return <span className={cx('skeleton', `skeleton--${variant}`, className)} aria-hidden="true" />;
}

/** A loading region: announced once ("Loading popular tables"), with placeholder rows. */
export function SkeletonList({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <div className="skeleton-list" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-list__item">
          <Skeleton variant="title" />
          <Skeleton />
        </div>
      ))}
    </div>
  );
}

/** A whole page loading: eyebrow, heading and a few blocks. */
export function SkeletonPage({ label }: { label: string }) {
  return (
    <div className="skeleton-page" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <Skeleton variant="line" className="skeleton--short" />
      <Skeleton variant="heading" />
      <Skeleton />
      <Skeleton />
      <Skeleton variant="block" />
    </div>
  );
}
