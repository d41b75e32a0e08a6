// The /search page with its first search answer, through the real BFF, provider and embedded catalog:
// the answer the SPA would have fetched is in the page, and it counts against the search rate limit.
import * as v from 'valibot';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SEARCH_ELEMENT_ID, FirstSearchSchema } from '../contract/first-search';
import { startTestStack, type TestStack } from './testing/start-test-stack';

function readBlock(html: string) {
  const match = new RegExp(`<script type="application/json" id="${FIRST_SEARCH_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  return match ? v.parse(FirstSearchSchema, JSON.parse(match[1]!)) : undefined;
}

describe('the first search in the /search page', () => {
  let stack: TestStack;
  let dist: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-first-search-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Nansen</title></head><body><div id="root"></div></body></html>');
    stack = await startTestStack({ bffSlots: 2 });
  });

  afterAll(async () => {
    await stack.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('holds the catalog\'s answer to the request the SPA sends first, the same as the API gives', async () => {
    const bff = await stack.startBff(0, { spaDistDir: dist });
    const browser = bff.browser();
    await browser.logIn('roald');
    const page = await browser.request('/search?term=orders');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    // The CSP as for every page: the data block is not a script the policy has to allow.
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    const html = await page.text();
    expect(html).not.toMatch(/access_token|refresh_token|id_token|eyJ/);
    const block = readBlock(html);
    expect(block?.answers).toHaveLength(1);
    const { request, response } = block!.answers[0]!;
    expect(request).toMatchObject({ searchTerm: 'orders', pageIndex: 0, resources: ['table', 'dashboard'] });
    expect(response.table?.total_results).toBeGreaterThan(0);
    expect(response.table?.results.some((r) => r.name === 'orders')).toBe(true);

    const api = await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: browser.base },
      body: JSON.stringify(request),
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual(response);

    // Signed out: the login redirect, as before, and no search.
    const stranger = await fetch(`${bff.base}/search?term=orders`, { redirect: 'manual' });
    expect(stranger.status).toBe(303);
  });

  it('counts against the search rate limit, and the page comes without it once over', async () => {
    const bff = await stack.startBff(1, { spaDistDir: dist, rateLimits: { loginPerSession: 0, loginPerIp: 0, searchPerSession: 1, searchPerIp: 0 } });
    const browser = bff.browser();
    await browser.logIn('liv');
    expect(readBlock(await (await browser.request('/search?term=orders')).text())).toBeDefined();
    const search = await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: browser.base },
      body: JSON.stringify({ searchTerm: 'orders', resources: ['table'] }),
    });
    expect(search.status).toBe(429);
    const limited = await browser.request('/search?term=orders');
    expect(limited.status).toBe(200);
    const html = await limited.text();
    expect(html).toContain('<div id="root">');
    expect(readBlock(html)).toBeUndefined();
  });
});
