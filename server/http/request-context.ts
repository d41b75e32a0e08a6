// Every request gets an id: the one a trusted proxy sent in X-Request-Id when it is a short safe
// token, otherwise a new one. It goes back in the X-Request-Id response header and onto every log
// line written while the request is handled (AsyncLocalStorage follows the request through awaits).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { routePatternAt, type RouterStack } from './allowed-methods';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** Letters, digits, dot, underscore, colon and dash, at most 128: what proxies and tracers send (UUIDs, trace ids). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** True when the peer that sent the request is a proxy the app trusts (TRUST_PROXY, Express's `trust proxy`). */
function fromTrustedProxy(req: Request): boolean {
  const trust = req.app.get('trust proxy fn') as ((address: string, hop: number) => boolean) | undefined;
  const address = req.socket.remoteAddress;
  return Boolean(trust && address && trust(address, 0));
}

export function requestIdFor(req: Request): string {
  const sent = req.get('x-request-id');
  if (sent && SAFE_REQUEST_ID.test(sent) && fromTrustedProxy(req)) return sent;
  return randomUUID();
}

/** The first middleware: names the request, answers with its id, and runs the rest in its context. */
export function requestContext(onFinish?: (req: Request, requestId: string, durationMs: number, statusCode: number) => void): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFor(req);
    rememberRouteBase(req);
    const started = process.hrtime.bigint();
    res.setHeader('X-Request-Id', requestId);
    if (onFinish) {
      res.once('finish', () => {
        storage.run({ requestId }, () => onFinish(req, requestId, Number(process.hrtime.bigint() - started) / 1e6, res.statusCode));
      });
    }
    storage.run({ requestId }, next);
  };
}

const matchedRoutes = new WeakMap<Request, string>();

/**
 * Express sets `req.route` when a route starts handling the request, while `req.baseUrl` is still the
 * mount path of its router; by the time an error has been answered the router has reset baseUrl. So
 * the full pattern is noted at that moment. baseUrl holds the mount paths as requested, so a router
 * mounted on a path with a parameter (`/users/:id`) would put the raw value in the label: mount routers
 * on fixed paths only (all of the BFF's are: /api, /metadata/v0, /search/v1, /announcements/v0).
 */
function rememberRouteBase(req: Request): void {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      if (typeof path === 'string') matchedRoutes.set(req, `${req.baseUrl}${path}`);
    },
  });
}

/**
 * The route pattern that answered ("/api/metadata/v0/table"), never the raw URL: keys and query
 * strings stay out of logs' route field and metrics' labels. A request refused before it reached its
 * route (a 429 of the rate limiter, a guard's 401 or 403, a session store that failed) is named after
 * the route of `app` it was aimed at, the one that would have answered it, so per-route alerts see
 * it; that walk over the routes is made only for such answers (4xx and 5xx), never on the hot path.
 * Requests no route matched (static files, the SPA's pages, 404s) share one label each.
 */
export function routeLabel(req: Request, statusCode: number, app?: RouterStack): string {
  const matched = matchedRoutes.get(req);
  if (matched) return matched;
  if (statusCode === 404) return '(not found)';
  // originalUrl, not path: a middleware inside a mounted router that answered itself leaves req.url cut to that mount.
  const aimedAt = app && statusCode >= 400 ? routePatternAt(app, req.method, req.originalUrl.split('?', 1)[0]!) : undefined;
  if (aimedAt) return aimedAt;
  if (req.method === 'GET' || req.method === 'HEAD') return '(static or page)';
  return '(other)';
}
