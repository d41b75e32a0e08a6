import type { RequestHandler } from 'express';
import { NotAllowedError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent from another site (CSRF defence in depth on top of
 * SameSite=Lax cookies): the Origin header, or else Sec-Fetch-Site, must say same origin.
 */
export function sameOriginGuard(publicOrigin: string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const ok = origin ? origin === publicOrigin : !fetchSite || fetchSite === 'same-origin' || fetchSite === 'none';
    if (!ok) return next(new NotAllowedError('Cross-site requests are not allowed.', 'cross_site_request'));
    next();
  };
}
