// The operator's logo (logoPath in the UI config), served from memory at /branding/logo.<ext>.
// Mounted with the SPA's assets, before the session middleware: the login page may show it too.
import express, { type Router } from 'express';
import type { BrandingLogo } from '../config/load-logo';
import { NotFoundError } from '../http/errors';

/** An SVG is a document that can hold scripts: opened on its own, it runs none and loads nothing. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export function createBrandingRoutes(logo: BrandingLogo | null): Router {
  const router = express.Router();
  if (logo) {
    router.get(logo.path, (req, res) => {
      res.set({
        'Content-Type': logo.contentType,
        // The SPA asks for ?v=<content hash>: that URL never changes meaning. Any other URL is revalidated.
        'Cache-Control': req.query.v === logo.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: `"${logo.hash}"`,
        'X-Content-Type-Options': 'nosniff',
        ...(logo.contentType === 'image/svg+xml' ? { 'Content-Security-Policy': SVG_CSP } : {}),
      });
      res.send(logo.body); // answers 304 when If-None-Match holds the ETag
    });
  }
  router.use('/branding', () => {
    throw new NotFoundError(logo ? `No such branding file; the logo is at ${logo.path}.` : 'No logo is configured (logoPath in the UI config file).', 'not_found');
  });
  return router;
}
