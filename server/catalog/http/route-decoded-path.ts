// A tiny router for the catalog apps. Express routes match the raw (percent-encoded) path, so a key
// sent as `hive%3A%2F%2Fgold.core%2Fcustomers` would never match `/table/:key(*)`. Instead we decode
// the whole path once (`%2F` becomes `/`, exactly what Werkzeug hands Flask) and match the decoded
// string against an ORDERED list of regular expressions: list the specific suffix routes
// (`/table/KEY/description`, …) before the catch-all detail route, as API.md §1 requires.
// Matching is exact: case-sensitive and trailing-slash-sensitive like Werkzeug.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { InputError, MethodNotAllowedError, NotFoundError, UNKNOWN_URL_MESSAGE } from './catalog-errors';

export interface CatalogRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Anchored pattern over the decoded path; named groups become `params`. */
  pattern: RegExp;
  /** Public routes skip the bearer-token check (only GET /healthcheck). */
  public?: boolean;
  /** Middleware run before the handler (e.g. a JSON body parser). */
  before?: RequestHandler[];
  handle(req: Request, res: Response, params: Record<string, string>): void | Promise<void>;
}

export function decodeRequestPath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    throw new InputError('The URL path contains a malformed percent-encoding.');
  }
}

export function routeDecodedPath(routes: readonly CatalogRoute[], authenticate: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const path = decodeRequestPath(req.path);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    let pathMatched = false;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = { ...(match.groups ?? {}) };
      const chain = [...(route.public ? [] : [authenticate]), ...(route.before ?? [])];
      return runChain(chain, req, res, next, () => route.handle(req, res, params));
    }
    // Unknown URLs and wrong methods still demand a token, so they reveal nothing to anonymous callers.
    runChain([authenticate], req, res, next, () => {
      throw pathMatched ? new MethodNotAllowedError() : new NotFoundError(UNKNOWN_URL_MESSAGE);
    });
  };
}

function runChain(
  chain: readonly RequestHandler[],
  req: Request,
  res: Response,
  next: NextFunction,
  last: () => void | Promise<void>,
): void {
  let index = 0;
  const step = (err?: unknown): void => {
    if (err) return next(err);
    if (res.headersSent) return;
    const handler = chain[index++];
    try {
      if (!handler) {
        Promise.resolve(last()).catch(next);
        return;
      }
      const result = handler(req, res, step) as unknown;
      if (result instanceof Promise) result.catch(next);
    } catch (e) {
      next(e);
    }
  };
  step();
}
