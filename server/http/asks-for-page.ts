// Whether a request is a browser's page request, which an error should answer with a page in words
// rather than the API's JSON: outside /api, with an Accept header preferring HTML (as a navigation
// sends). /api keeps the one JSON error shape whatever it accepts; a script's request (Accept: */* or
// JSON) too.
import type { Request } from 'express';

export function asksForPage(req: Request): boolean {
  const api = req.originalUrl === '/api' || req.originalUrl.startsWith('/api/') || req.originalUrl.startsWith('/api?');
  return !api && req.accepts(['json', 'html']) === 'html';
}
