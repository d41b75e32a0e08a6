// /opensearch.xml over real HTTP through the real BFF (provider, sessions, security headers): an
// OpenSearch description without a session, and the SPA's pages link to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENSEARCH_LINK_IN_INDEX } from './spa/serve-opensearch';
import { startTestStack, type TestStack } from './testing/start-test-stack';

describe('/opensearch.xml', () => {
  let stack: TestStack;
  let dist: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-opensearch-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><html><head>${OPENSEARCH_LINK_IN_INDEX}<title>Nansen</title></head><body><div id="root"></div></body></html>`);
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the description to anyone, without a login or a session cookie, and pages link to it', async () => {
    const bff = await stack.startBff(0, { spaDistDir: dist });
    const res = await fetch(`${bff.base}/opensearch.xml`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/opensearchdescription+xml; charset=utf-8');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const xml = await res.text();
    expect(xml).toContain('<ShortName>Nansen</ShortName>');
    expect(xml).toContain(`template="${bff.base}/search?term={searchTerms}"`);
    expect(xml).not.toContain('<html');

    // The search it leads to is a page: signed out, the login redirect, back to the search after.
    const search = await fetch(`${bff.base}/search?term=orders`, { redirect: 'manual' });
    expect(search.status).toBe(303);
    expect(search.headers.get('location')).toBe(`/login?returnTo=${encodeURIComponent('/search?term=orders')}`);

    const browser = bff.browser();
    await browser.logIn('roald');
    const signedIn = await browser.request('/opensearch.xml');
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toBe(xml);
    const home = await browser.request('/');
    expect(await home.text()).toContain('<link rel="search" type="application/opensearchdescription+xml" title="Nansen" href="/opensearch.xml" />');
  });
});
