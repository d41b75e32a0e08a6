// Requests per minute per signed-in session and per client address, on login and search (the two
// routes that cost the provider or the search service the most for one click). Fixed one-minute
// windows (each opened by the first request after the last one closed) counted in memory: O(1) per
// request, and the counters are dropped when the window turns, so memory is bounded by the callers
// of one minute. A caller may make up to twice the limit across
// a window boundary; the limits are meant to stop floods, not to meter.
// Several instances behind a load balancer count separately: with N instances a caller spread over
// all of them gets up to N times the limit (docs/operations.md).
// A refusal is the 429 in the one error shape, with Retry-After; a limiter given a `page` answers a
// browser's page request (Accept preferring HTML, as a navigation sends) with that page instead, so a
// person who follows a login link over the limit reads words, not JSON (decision 034).
import type { Request, RequestHandler } from 'express';
import { TooManyRequestsError } from './errors';

export interface RateLimit {
  /** Shown in the message and used in the keys: "login", "search". */
  name: string;
  /** Per signed-in session (its id); 0 = no limit. */
  perSession: number;
  /** Per client address (`req.ip`, which follows TRUST_PROXY); 0 = no limit. */
  perIp: number;
}

const WINDOW_MS = 60_000;

export interface RateLimitRefusal {
  /** Seconds until the window turns (the Retry-After). */
  retryAfter: number;
  /** The error message: which limit, and when to try again. */
  message: string;
  /** Which limit was passed: the signed-in session's or the client address's. */
  over: 'session' | 'address';
  /** That limit, per minute. */
  limit: number;
}

export interface RateLimitCounter {
  /** Counts one request of `req`'s caller; returns the refusal when over a limit, else null. */
  take(req: Request): RateLimitRefusal | null;
}

export interface RateLimiterOptions {
  /** The HTML page for a refused request that asked for a page (Accept prefers text/html over JSON); without it, always the JSON error. */
  page?: (req: Request, refusal: RateLimitRefusal) => string;
}

/** A browser's navigation asks for HTML first; fetch, curl and the SPA's API calls ask for anything or for JSON. */
function asksForPage(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now, options: RateLimiterOptions = {}): RequestHandler & RateLimitCounter {
  const counter = createRateLimitCounter(limit, now);
  const handler: RequestHandler = (req, res, next) => {
    const refusal = counter.take(req);
    if (!refusal) {
      next();
      return;
    }
    res.set('Retry-After', String(refusal.retryAfter));
    if (options.page && asksForPage(req)) {
      res.status(429).type('html').set('Cache-Control', 'no-store').send(options.page(req, refusal));
      return;
    }
    next(new TooManyRequestsError(refusal.message, refusal.retryAfter));
  };
  return Object.assign(handler, counter);
}

/** The counting alone, for a search made on the caller's behalf outside /api/search (the first search in the page). */
export function createRateLimitCounter(limit: RateLimit, now: () => number = Date.now): RateLimitCounter {
  let windowStart = 0;
  let counts = new Map<string, number>();

  const hit = (key: string): number => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };

  return {
    take(req) {
      const t = now();
      if (t - windowStart >= WINDOW_MS) {
        windowStart = t; // a window opens with the first request after the last one closed
        counts = new Map();
      }
      const sessionId = (req.session as { user?: unknown } | undefined)?.user ? req.sessionID : undefined;
      const overSession = limit.perSession > 0 && sessionId !== undefined && hit(`s:${sessionId}`) > limit.perSession;
      const overIp = limit.perIp > 0 && hit(`i:${req.ip ?? req.socket.remoteAddress ?? ''}`) > limit.perIp;
      if (!overSession && !overIp) return null;
      const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - t) / 1000));
      const which = overSession ? `${limit.perSession} a minute per session` : `${limit.perIp} a minute from one address`;
      return {
        retryAfter,
        message: `Too many ${limit.name} requests (at most ${which}); try again in ${retryAfter} s.`,
        over: overSession ? 'session' : 'address',
        limit: overSession ? limit.perSession : limit.perIp,
      };
    },
  };
}
