// The status of the SPA's pages over real HTTP through the real BFF (provider, sessions, the catalog):
// 200 for every page of contract/spa-pages.ts, 404 (the app all the same, which shows "Page not found")
// for paths no page matches and for pages a UI setting turns off; everything that is not a page as before.
// Requests are written on the socket (testing/raw-http.ts) so paths like `//search` reach the BFF as sent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ELEMENT_ID } from '../contract/bootstrap';
import { SPA_PAGES } from '../contract/spa-pages';
import { sendRaw, type RawAnswer } from './testing/raw-http';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';
import type { BffBrowser } from './testing/bff-browser';

const INDEX_HTML = '<!doctype html><html><head><title>Nansen</title></head><body><div id="root"></div></body></html>';

/** A path each pattern matches: its `:param`s filled in. */
const examplePath = (pattern: string) => pattern.replace(/:(\w+)/g, (_, name: string) => `${name}-1`);
const PAGE_PATHS = SPA_PAGES.filter((page) => page.path !== '*').map((page) => examplePath(page.path));

const UNKNOWN = ['/nonsense', '/table', '/tablez/x', '/search/more', '/table_detail/gold/hive/core', '/table_detail/gold//core/orders', '//search',
  '/user', '/user/a/b', '/user/%20', '/dashboard/%E0', '/lineage/table/gold/hive/core/orders/more', '/index.html'];

const TURNED_OFF = ['/user/liv.arnesen%40example.org', '/dashboard/mode_dashboard%3A%2F%2Fgold.ops%2Fd1', '/announcements'];

describe('the status of the SPA\'s pages', () => {
  let stack: TestStack;
  let dist: string;
  let allOn: { bff: TestBff; browser: BffBrowser };
  let allOff: { bff: TestBff; browser: BffBrowser };

  const send = (to: { bff: TestBff; browser: BffBrowser } | TestBff, target: string, method = 'GET'): Promise<RawAnswer> => {
    const bff = 'bff' in to ? to.bff : to;
    const cookie = 'bff' in to ? to.browser.jar.headerFor(new URL(bff.base)) : undefined;
    return sendRaw(Number(new URL(bff.base).port), { method, path: target, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
  };

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-page-status-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX_HTML);
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'index-AAA.js'), 'export {};');
    stack = await startTestStack({ bffSlots: 2 });
    const on = { indexUsers: { enabled: true }, indexDashboards: { enabled: true }, announcements: { enabled: true } };
    const off = { indexUsers: { enabled: false }, indexDashboards: { enabled: false }, announcements: { enabled: false } };
    const onBff = await stack.startBff(0, { spaDistDir: dist, pages: on });
    const offBff = await stack.startBff(1, { spaDistDir: dist, pages: off });
    allOn = { bff: onBff, browser: onBff.browser() };
    allOff = { bff: offBff, browser: offBff.browser() };
    await allOn.browser.logIn('roald');
    await allOff.browser.logIn('roald');
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const expectShell = (answer: RawAnswer, label: string) => {
    expect(answer.headers['content-type'], label).toMatch(/^text\/html/);
    expect(answer.headers['cache-control'], label).toBe('no-store');
    // (The /search page comes with its first results drawn in #root.)
    expect(answer.text.includes(`id="${BOOTSTRAP_ELEMENT_ID}"`) && answer.text.includes('<div id="root">'), `${label}: the app's page`).toBe(true);
  };

  it('answers 200 with the app for every page, in any case and with a trailing slash, to GET and HEAD', async () => {
    expect(PAGE_PATHS).toContain('/user/userId-1');
    for (const page of [...PAGE_PATHS, ...TURNED_OFF, '/search?term=orders', '/SEARCH/', '/Table_Detail/gold/hive/core/orders/', '/user/a%2Fb']) {
      const answer = await send(allOn, page);
      expect(answer.status, page).toBe(200);
      expectShell(answer, page);
      const head = await send(allOn, page, 'HEAD');
      expect(head.status, `HEAD ${page}`).toBe(200);
      expect(head.text, `HEAD ${page}`).toBe('');
    }
  });

  it('answers 404 with the same app (which shows "Page not found") where no page matches, to GET and HEAD', async () => {
    for (const target of [...UNKNOWN, '/nonsense?term=x', '/nonsense/']) {
      const answer = await send(allOn, target);
      expect(answer.status, target).toBe(404);
      expectShell(answer, target);
      const head = await send(allOn, target, 'HEAD');
      expect(head.status, `HEAD ${target}`).toBe(404);
      expect(head.headers['cache-control'], `HEAD ${target}`).toBe('no-store');
      expect(head.text, `HEAD ${target}`).toBe('');
    }
  });

  it('answers 404 for the pages the UI config turns off, and 200 for the rest of the pages', async () => {
    for (const target of [...TURNED_OFF, '/user/userId-1', '/dashboard/uri-1', '/Announcements/']) {
      const answer = await send(allOff, target);
      expect(answer.status, target).toBe(404);
      expectShell(answer, target);
      expect((await send(allOff, target, 'HEAD')).status, `HEAD ${target}`).toBe(404);
    }
    for (const page of PAGE_PATHS.filter((p) => !/^\/(user|dashboard|announcements)\b/.test(p))) {
      expect((await send(allOff, page)).status, page).toBe(200);
    }
  });

  it('leaves what is not a page as it was: assets, /api, probes, login, and signed-out visitors', async () => {
    const asset = await send(allOn, '/assets/index-AAA.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gone = await send(allOn, '/assets/gone-ZZZ.js');
    expect(gone.status).toBe(404);
    expect(gone.text.includes(BOOTSTRAP_ELEMENT_ID), 'a missing asset is not the app').toBe(false);
    const api = await send(allOn, '/api/no/such/route');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect((await send(allOn, '/api/auth_user')).status).toBe(200);
    const health = await send(allOn.bff, '/healthcheck');
    expect([health.status, JSON.parse(health.text)]).toEqual([200, { status: 'ok' }]);
    expect((await send(allOn.bff, '/readyz')).status).toBe(200);
    expect((await send(allOn.bff, '/login')).status).toBe(303);
    // Signed out, any page URL (a known page or not) leads to the login and back, as before.
    for (const target of ['/search', '/nonsense']) {
      const answer = await send(allOn.bff, target);
      expect(answer.status, target).toBe(303);
      expect(answer.headers.location, target).toBe(`/login?returnTo=${encodeURIComponent(target)}`);
    }
  });
});
