import type { RequestHandler } from 'express';

/**
 * Strict headers for every response: no framing, no sniffing, scripts from our origin only.
 * `formTargets` are origins a form may lead to: the log-out form redirects to the identity provider,
 * and browsers apply form-action to that redirect too.
 */
export function securityHeaders(options: { https: boolean; formTargets: string[] }): RequestHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
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
