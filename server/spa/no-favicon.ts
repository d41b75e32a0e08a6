// A browser asks for /favicon.ico by itself, for a page that names no icon (a JSON answer, an image).
// Nansen's pages name theirs inline (client/index.html, html-page.ts), and the build has no
// favicon.ico (one put into dist/client is served before this, as every built file is): a 404, before
// the session middleware, that the browser keeps for a day. Before it, the icon was a page URL: a
// visitor without a session was sent to log in (a pending login started by an icon), and while the
// session store was down it was one more 503.
import type { RequestHandler } from 'express';

export const noFavicon: RequestHandler = (req, res, next) => {
  if (req.path !== '/favicon.ico' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
  res.status(404).set('Cache-Control', 'public, max-age=86400').type('text/plain').send('Nansen has no favicon.ico: its pages name their icon.');
};
