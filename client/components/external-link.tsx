// A link that leaves Nansen: only absolute http(s) (and, when asked, mailto) addresses become links;
// anything else (javascript:, data:, relative, junk) is shown as plain text. It opens in a new tab,
// without access to this page, and says so to screen readers.
import type { ReactNode } from 'react';
import { safeHttpUrl } from './safe-url';
import './button.css';
import './external-link.css';

export function ExternalLink({ href, children, className }: { href: string | null | undefined; children: ReactNode; className?: string }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span className={className}>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** A mailto link for an address that looks like one (no spaces, one @); else the text. */
export function EmailLink({ email }: { email: string }) {
  return /^[^\s@<>"]+@[^\s@<>"]+$/.test(email) ? <a href={`mailto:${email}`}>{email}</a> : <span>{email}</span>;
}

/** An external link that looks like a button ("Open in Looker"); plain text when the address is not safe. */
export function ExternalButtonLink({ href, children, variant = 'secondary', testId }: { href: string | null | undefined; children: ReactNode; variant?: 'primary' | 'secondary'; testId?: string }) {
  const safe = safeHttpUrl(href);
  if (!safe) return null;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className={`btn btn--${variant}`} data-testid={testId}>
      {children}
      <span className="external-link__hint"> (opens in a new tab)</span>
    </a>
  );
}
