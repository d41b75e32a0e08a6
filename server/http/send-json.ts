// The API's JSON answers, without what Express's res.json adds on top of JSON.stringify: an ETag
// (a SHA-1 of every body), a copy of the body into a Buffer to hash it, and a freshness check. API
// answers are `Cache-Control: no-store` (create-api-router.ts), so no browser ever revalidates them
// with an ETag; the string body also goes out with the headers in one socket write.
import type { Response } from 'express';

export function sendJson(res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
