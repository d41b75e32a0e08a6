// The SPA's page route: index.html with the shell's first data for signed-in people, a login for others.
import * as v from 'valibot';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ELEMENT_ID, BootstrapSchema } from '../../contract/bootstrap';
import { userPath } from '../../contract/page-paths';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { createSpaPageRoutes, spaPageStatus, withBootstrap } from './serve-spa';

const CONFIG = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test IdP', indexUsers: true, indexDashboards: true, logoUrl: null });
const HOSTILE = normalizeUser({ email: 'x@example.org', full_name: `</script><script>alert(1)</script> $& $' \u2028` })!;

function readBootstrap(html: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
}

describe('withBootstrap', () => {
  it('puts the user and the UI config in a JSON data block in the head, which no value can close', () => {
    const html = withBootstrap('<!doctype html><html><head><title>Nansen</title></head><body></body></html>', { user: HOSTILE, config: CONFIG });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('</script></head>');
    expect(v.parse(BootstrapSchema, readBootstrap(html))).toEqual({ user: HOSTILE, config: CONFIG });
  });
});

describe('createSpaPageRoutes', () => {
  let dist: string;
  const app = express();

  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-pages-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Nansen</title></head><body><div id="root"></div></body></html>');
    fs.mkdirSync(path.join(dist, '.vite'));
    fs.writeFileSync(
      path.join(dist, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-AAA.js', isEntry: true },
        'app/routes/search-route.tsx': { file: 'assets/search-route-QQQ.js', imports: ['index.html'], css: ['assets/search-route-QQQ.css'] },
      }),
    );
    app.use((req, _res, next) => {
      // What the session middleware leaves on the request.
      Object.assign(req, { session: req.headers['x-test-signed-in'] ? { user: HOSTILE } : {} });
      next();
    });
    app.use(createSpaPageRoutes(dist, { clientConfig: CONFIG }));
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('serves a signed-in person the app with the shell\'s data in it, never cached', async () => {
    const res = await request(app).get('/search?term=orders').set('x-test-signed-in', '1');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(v.parse(BootstrapSchema, readBootstrap(res.text))).toEqual({ user: HOSTILE, config: CONFIG });
    expect(res.text).not.toMatch(/access_token|refresh_token|id_token|eyJ/);
  });

  it("tells the browser in the head which files the requested page needs, and nothing for other paths", async () => {
    const search = await request(app).get('/search?term=orders').set('x-test-signed-in', '1');
    const head = search.text.slice(0, search.text.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/search-route-QQQ.js">');
    expect(head).toContain('<link rel="preload" as="style" crossorigin href="/assets/search-route-QQQ.css">');

    const unknown = await request(app).get('/no/such/page').set('x-test-signed-in', '1');
    expect(unknown.text).not.toContain('<link');
  });

  it('sends the app with 404 for a path no page matches, so the SPA shows its "Page not found" with the right status', async () => {
    const unknown = await request(app).get('/no/such/page').set('x-test-signed-in', '1');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['cache-control']).toBe('no-store');
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect(v.parse(BootstrapSchema, readBootstrap(unknown.text))).toEqual({ user: HOSTILE, config: CONFIG });
    // (Announcements are off in CONFIG, as by default.)
    for (const page of ['/', '/search', '/browse', '/table_detail/gold/hive/sales/orders', '/lineage/table/gold/hive/sales/orders', '/dashboard/x', '/user/liv']) {
      expect((await request(app).get(page).set('x-test-signed-in', '1')).status, page).toBe(200);
    }
  });

  it('writes nothing of the URL into the page', async () => {
    const hostile = `"><script>probe(7)</script><link rel="modulepreload" href="//evil.example/x.js">`;
    for (const [url, status] of [[`/search?term=${encodeURIComponent(hostile)}`, 200], [`/search/${encodeURIComponent(hostile)}`, 404], [`/${encodeURIComponent(hostile)}?page=${encodeURIComponent(hostile)}`, 404]] as const) {
      const res = await request(app).get(url).set('x-test-signed-in', '1');
      expect(res.status).toBe(status);
      expect(res.text).not.toContain('probe');
      expect(res.text).not.toContain('evil.example');
      expect(res.text).not.toContain('%22%3E');
    }
  });

  it('sends everyone else to log in and back', async () => {
    const res = await request(app).get('/search?term=orders');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/login?returnTo=${encodeURIComponent('/search?term=orders')}`);
  });
});

describe('spaPageStatus', () => {
  const config = (change: Partial<Record<'indexUsers' | 'indexDashboards' | 'announcements', { enabled: boolean }>>) => ({ ...CONFIG, ...change });

  it("is 200 for each of the SPA's pages, in any case, and 404 where only its catch-all matches", () => {
    const allOn = config({ indexUsers: { enabled: true }, indexDashboards: { enabled: true }, announcements: { enabled: true } });
    for (const page of ['/', '/search', '/BROWSE', '/announcements', '/table_detail/c/d/s/t', '/lineage/table/c/d/s/t', '/dashboard/u', '/user/u',
      userPath("o'brien/ä#1?x=y z"), userPath('50%2F50')]) expect(spaPageStatus(page, allOn), page).toBe(200);
    for (const path of ['/nope', '/search/more', '/table_detail/c/d/s', '/user', '/user/a/b', '/lineage/table/c/d/s/t/x']) expect(spaPageStatus(path, allOn), path).toBe(404);
  });

  it('is 404 for the profile of an id no one can have: a line break inside it (decision 101); 200 for one only around it', () => {
    const on = config({ indexUsers: { enabled: true } });
    for (const path of ['/user/ro%0D%0Aald', '/user/a%0Ab', `/user/${'x'.repeat(321)}`]) expect(spaPageStatus(path, on), path).toBe(404);
    for (const path of ['/user/roald%0A', '/user/%0D%0Aroald']) expect(spaPageStatus(path, on), path).toBe(200);
  });

  it('is 404 for a page a UI setting turns off, and 200 for the same page while it is on', () => {
    expect(spaPageStatus('/user/liv', config({ indexUsers: { enabled: false } }))).toBe(404);
    expect(spaPageStatus('/dashboard/d', config({ indexDashboards: { enabled: false } }))).toBe(404);
    expect(spaPageStatus('/announcements', config({ announcements: { enabled: false } }))).toBe(404);
    const allOff = config({ indexUsers: { enabled: false }, indexDashboards: { enabled: false }, announcements: { enabled: false } });
    for (const page of ['/', '/search', '/browse', '/table_detail/c/d/s/t', '/lineage/table/c/d/s/t']) expect(spaPageStatus(page, allOff), page).toBe(200);
    const allOn = config({ indexUsers: { enabled: true }, indexDashboards: { enabled: true }, announcements: { enabled: true } });
    for (const page of ['/user/liv', '/dashboard/d', '/announcements']) expect(spaPageStatus(page, allOn), page).toBe(200);
  });
});
