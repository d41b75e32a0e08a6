import type { RequestHandler } from 'express';
import { PAGE_STYLE_HASH } from './html-page';

/**
 * Strict headers for every response: no framing, no sniffing, scripts from our origin only.
 * Styles from our origin's stylesheets, and the one `<style>` of the server's own pages by its hash;
 * no other `<style>` element and no `style` attribute (decision 050): an injected `<style>` could read
 * attribute values out with selectors, and the web app needs neither (React sets its few inline styles
 * through the CSSOM, which the CSP does not govern; Markdown drops `style`).
 * `formTargets` are origins a form may lead to: the log-out form redirects to the identity provider,
 * and browsers apply form-action to that redirect too.
 */
export function securityHeaders(options: { https: boolean; formTargets: string[] }): RequestHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${PAGE_STYLE_HASH}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...options.formTargets].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
  const headers: [string, string][] = [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ...(options.https ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
  ];
  // Node's setHeader directly: Express's res.set adds a charset check and a string copy per header, on every request.
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
