// Facts about a resource as a description list ("Last updated", "Owners" …). Facts with no value are
// left out, or shown with a muted placeholder when `placeholder` is given.
import type { ReactNode } from 'react';
import { cx } from './class-names';
import './facts.css';

export interface Fact {
  label: string;
  /** null (or undefined, false, '') when there is nothing to show: an element counts as a value even if it renders nothing. */
  value: ReactNode;
  /** Shown instead of a missing value; without it the fact is left out. */
  placeholder?: string;
  testId?: string;
}

const isMissing = (value: ReactNode) => value === null || value === undefined || value === false || value === '';

export function FactList({ facts, layout = 'stacked', className }: { facts: Fact[]; layout?: 'stacked' | 'inline'; className?: string }) {
  const shown = facts.filter((f) => !isMissing(f.value) || f.placeholder);
  if (shown.length === 0) return null;
  return (
    <dl className={cx('fact-list', `fact-list--${layout}`, className)}>
      {shown.map((fact) => (
        <div key={fact.label} className="fact-list__item" data-testid={fact.testId}>
          <dt>{fact.label}</dt>
          <dd>{isMissing(fact.value) ? <span className="muted">{fact.placeholder}</span> : fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
