import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { BrandingLogo } from '../config/load-logo';
import { createErrorMiddleware } from '../http/error-middleware';
import { createMemoryLogger } from '../http/logger';
import { createBrandingRoutes } from './serve-branding';

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const svgLogo: BrandingLogo = { path: '/branding/logo.svg', url: '/branding/logo.svg?v=abc123', hash: 'abc123', contentType: 'image/svg+xml', body: SVG };
const pngLogo: BrandingLogo = { path: '/branding/logo.png', url: '/branding/logo.png?v=def456', hash: 'def456', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) };

function appWith(logo: BrandingLogo | null) {
  const app = express();
  app.use(createBrandingRoutes(logo));
  app.use((_req, res) => res.status(418).send('fell through'));
  app.use(createErrorMiddleware(createMemoryLogger()));
  return app;
}

describe('createBrandingRoutes', () => {
  it('serves an svg logo in a sandbox that runs no script and loads nothing', async () => {
    const res = await request(appWith(svgLogo)).get(svgLogo.url).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-length']).toBe(String(SVG.length));
    expect(res.body).toEqual(SVG);
  });

  it('caches the hashed URL for a year and revalidates any other', async () => {
    const app = appWith(svgLogo);
    const hashed = await request(app).get('/branding/logo.svg?v=abc123');
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.etag).toBe('"abc123"');
    const bare = await request(app).get('/branding/logo.svg');
    expect(bare.headers['cache-control']).toBe('no-cache');
    const stale = await request(app).get('/branding/logo.svg?v=old');
    expect(stale.headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 to a matching validator', async () => {
    const res = await request(appWith(svgLogo)).get('/branding/logo.svg').set('If-None-Match', '"abc123"');
    expect(res.status).toBe(304);
  });

  it('serves a png with its type and no svg sandbox', async () => {
    const res = await request(appWith(pngLogo)).get(pngLogo.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('answers HEAD without a body', async () => {
    const res = await request(appWith(pngLogo)).head(pngLogo.path);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('4');
  });

  it('answers 404 in the one error shape for another branding file, or when no logo is configured', async () => {
    const other = await request(appWith(svgLogo)).get('/branding/logo.png');
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ error: { name: 'NotFoundError', message: 'No such branding file; the logo is at /branding/logo.svg.', code: 'not_found' } });
    const none = await request(appWith(null)).get('/branding/logo.svg');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('No logo is configured (logoPath in the UI config file).');
  });

  it('leaves every other URL alone', async () => {
    expect((await request(appWith(svgLogo)).get('/brandingx/logo.svg')).status).toBe(418);
    expect((await request(appWith(svgLogo)).get('/search')).status).toBe(418);
  });
});
