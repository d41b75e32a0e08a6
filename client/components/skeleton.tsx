// Placeholders while something loads, and the words a screen reader says for them. The words go into
// a status region that is on the page before them (LoadingStatus): a region that appears together with
// its text, or one that is aria-busy and then removed instead of un-busied, is never read by most
// screen readers. Said after a short wait, so a load that ends at once says nothing; and not chattily:
// one load at a time is said (the home page's panels loading together say the first, not four), and
// a load said in the last minute is not said again (the same table loaded again after a save).
import { useEffect, useState } from 'react';
import { cx } from './class-names';
import './skeleton.css';

/** How long a load runs before its status region says "Loading …". */
export const LOADING_SAID_AFTER_MS = 200;
/** How long a load said stays unsaid when it runs again. */
export const LOADING_SAID_AGAIN_AFTER_MS = 60_000;

/** When each load was last said, and how many statuses are saying theirs now (all of this page). */
const saidAt: Record<string, number> = {};
let saying = 0;

/** A grey placeholder shape; hidden from assistive technology (the loading region announces itself). */
export function Skeleton({ variant = 'line', className }: { variant?: 'line' | 'title' | 'heading' | 'block' | 'chip'; className?: string }) {
  return <span className={cx('skeleton', `skeleton--${variant}`, className)} aria-hidden="true" />;
}

/** A status region, empty at first, that says `label` once the load has run LOADING_SAID_AFTER_MS. */
export function LoadingStatus({ label }: { label: string }) {
  const [said, setSaid] = useState(false);
  useEffect(() => {
    let mine = false;
    const timer = setTimeout(() => {
      if (saying || Date.now() - (saidAt[label] ?? 0) < LOADING_SAID_AGAIN_AFTER_MS) return;
      saidAt[label] = Date.now();
      saying++;
      mine = true;
      setSaid(true);
    }, LOADING_SAID_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (mine) saying--;
    };
  }, [label]);
  return (
    <span className="visually-hidden" role="status">
      {said ? label : null}
    </span>
  );
}

/** A loading region: announced once ("Loading popular tables"), with placeholder rows. */
export function SkeletonList({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <div className="skeleton-list">
      <LoadingStatus label={label} />
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
    <div className="skeleton-page">
      <LoadingStatus label={label} />
      <Skeleton variant="line" className="skeleton--short" />
      <Skeleton variant="heading" />
      <Skeleton />
      <Skeleton />
      <Skeleton variant="block" />
    </div>
  );
}
