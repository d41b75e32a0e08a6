import type { RequestHandler } from 'express';
import { NotAllowedError } from './errors';
import type { Logger } from './logger';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** At most one warning about PUBLIC_URL this often. */
export const PUBLIC_URL_WARNING_INTERVAL_MS = 60_000;

/** An Origin header shown in the log as written only when it is an origin (scheme, host, port): it is the caller's. */
const SHOWABLE_ORIGIN = /^https?:\/\/[A-Za-z0-9.:[\]-]{1,200}$/;

export interface SameOriginGuardOptions {
  /** Hears, at most once a minute, of a refusal PUBLIC_URL most likely caused. */
  logger?: Pick<Logger, 'warn'>;
  intervalMs?: number;
  now?: () => number;
}

/**
 * Refuses state-changing requests sent from another site (CSRF defence in depth on top of
 * SameSite=Lax cookies): the Origin header, or else Sec-Fetch-Site, must say same origin.
 *
 * A request the browser itself calls same-origin (`Sec-Fetch-Site: same-origin`) whose Origin is not
 * PUBLIC_URL's is refused all the same, but it is most likely not an attack: PUBLIC_URL is not the
 * address people use (another host name, http for https, a port). One warn line says so, naming both
 * origins and PUBLIC_URL, at most once a minute.
 */
export function sameOriginGuard(publicOrigin: string, options: SameOriginGuardOptions = {}): RequestHandler {
  const { logger, intervalMs = PUBLIC_URL_WARNING_INTERVAL_MS, now = Date.now } = options;
  let warnedAt = -Infinity;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const ok = origin ? origin === publicOrigin : !fetchSite || fetchSite === 'same-origin' || fetchSite === 'none';
    if (!ok) {
      if (logger && origin && fetchSite === 'same-origin' && now() - warnedAt >= intervalMs) {
        warnedAt = now();
        const shown = SHOWABLE_ORIGIN.test(origin) ? origin : '(an origin not shown: not a plain scheme://host:port)';
        logger.warn(
          `refused a ${req.method} the browser sent from the same origin, ${shown}, which is not PUBLIC_URL's origin (${publicOrigin}): ` +
            'if people reach Nansen at that address, set PUBLIC_URL to it (at most one such line a minute)',
        );
      }
      return next(new NotAllowedError('Cross-site requests are not allowed.', 'cross_site_request'));
    }
    next();
  };
}
