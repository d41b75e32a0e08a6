// Serves the built SPA. Hashed assets are public and cached forever; every page URL returns
// index.html to signed-in users, and sends signed-out visitors to log in and back.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { renderPage } from '../http/html-page';

/** The built files. Mounted before the session middleware: assets need no session lookup. */
export function createSpaAssetRoutes(distDir: string): Router {
  const router = express.Router();
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  return router;
}

/** Every other page URL: index.html for signed-in users, a login redirect for everyone else. */
export function createSpaPageRoutes(distDir: string): Router {
  const router = express.Router();
  const indexPath = path.join(distDir, 'index.html');
  let indexHtml: string | undefined;

  router.get(/.*/, (req, res) => {
    if (!req.session.user) {
      return res.redirect(303, `/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
    }
    indexHtml ??= fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : undefined;
    if (!indexHtml) {
      return res.status(503).type('html').send(renderPage('Nansen is not built yet', ['The web app has not been built on this server. Run: npm run build, then restart.']));
    }
    res.set('Cache-Control', 'no-store').type('html').send(indexHtml);
  });
  return router;
}
