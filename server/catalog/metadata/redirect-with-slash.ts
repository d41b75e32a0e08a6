// Werkzeug's strict slashes: a route registered WITH a trailing slash answers its slash-less path
// with `308 Permanent Redirect` to the slashed one (query string kept). We send a JSON body.
import type { Request, Response } from 'express';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';

/**
 * Answers 308 to the request's own path plus a slash. The raw (still percent-encoded) URL is reused,
 * so a key sent encoded comes back encoded exactly as the client wrote it.
 */
export function sendSlashRedirect(req: Request, res: Response): void {
  const at = req.originalUrl.indexOf('?');
  const path = at < 0 ? req.originalUrl : req.originalUrl.slice(0, at);
  const query = at < 0 ? '' : req.originalUrl.slice(at);
  res.location(`${path}/${query}`);
  sendJson(res, 308, { message: `Redirecting to ${path}/ (this route ends with a slash)` });
}

/** `pattern` matches the slash-less decoded path, e.g. /^\/user\/[^/]+\/follow$/. */
export function redirectWithSlash(pattern: RegExp): CatalogRoute {
  return { method: 'GET', pattern, handle: (req, res) => sendSlashRedirect(req, res) };
}
