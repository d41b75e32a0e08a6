// Faults (issue 14 §4) on the real stack — development provider, embedded catalog, BFF over HTTP on free
// ports: the catalog stopped mid-run, the provider unreachable. The BFF answers what happened in the
// one error shape (503 with a clear message), keeps the sessions it can, and recovers without a restart
// when the service is back.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../contract/bff-api';
import type { BffBrowser } from './testing/bff-browser';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';
import { sessionStoreKey } from './auth/session-store-key';

const TABLE = '/api/metadata/v0/table?key=' + encodeURIComponent('hive://gold.core/customers');
const searchFor = (browser: BffBrowser, term: string) =>
  browser.request('/api/search/v1/search', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify({ searchTerm: term, resources: ['table'] }),
  });

async function errorOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return v.parse(ApiErrorBodySchema, await res.json()).error;
}

describe('faults: a service stops while the BFF runs', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack({ bffSlots: 2 });
    bff = await stack.startBff(0);
  });
  afterAll(async () => {
    await stack?.close();
  });

  // What the stores know the session by: the hash of the id in its cookie (decision 050).
  const sessionIdOf = (browser: BffBrowser) => sessionStoreKey(decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);
  /** Make the session's access token due, so the next call must refresh it at the provider. */
  async function expireAccessToken(browser: BffBrowser) {
    const sid = sessionIdOf(browser);
    const stored = (await bff.sessions.tokens.read(sid))!;
    await bff.sessions.tokens.write(sid, { ...stored.tokens, expiresAt: Date.now() }, { ttlMs: 3_600_000 });
  }

  it('answers 503 JSON naming the service while the catalog is stopped, keeps the session, and serves again once it is back', async () => {
    const roald = bff.browser();
    expect((await roald.logIn('roald')).status).toBe(303);
    expect((await roald.request(TABLE)).status).toBe(200);

    await stack.stopCatalog();
    const table = await roald.request(TABLE);
    expect(table.status).toBe(503);
    expect(await errorOf(table)).toEqual({ name: 'UpstreamError', message: 'The metadata service is unavailable; try again in a moment.', code: 'upstream_unavailable' });
    const search = await searchFor(roald, 'orders');
    expect(search.status).toBe(503);
    expect((await errorOf(search)).message).toBe('The search service is unavailable; try again in a moment.');
    // The session is untouched, and the BFF's own routes still answer.
    expect((await roald.request('/api/auth_user')).status).toBe(200);
    expect((await fetch(`${bff.base}/healthcheck`)).status).toBe(200);

    await stack.startCatalog();
    expect((await roald.request(TABLE)).status).toBe(200);
    expect((await searchFor(roald, 'orders')).status).toBe(200);
    expect(stack.logger.lines.filter((line) => / → 500/.test(line))).toEqual([]);
  });

  it('keeps existing sessions working while the provider is unreachable, answers 503 when a token needs refreshing, and recovers when it is back', async () => {
    const liv = bff.browser();
    expect((await liv.logIn('liv')).status).toBe(303);
    const fridtjof = bff.browser();
    expect((await fridtjof.logIn('fridtjof')).status).toBe(303);

    await stack.stopIdp();
    try {
      // Tokens still valid: everything works.
      expect((await liv.request('/api/auth_user')).status).toBe(200);
      expect((await liv.request(TABLE)).status).toBe(200);
      // A token due for renewal: a clear 503, and the session is kept for when the provider is back.
      await expireAccessToken(fridtjof);
      const due = await fridtjof.request(TABLE);
      expect(due.status).toBe(503);
      expect(await errorOf(due)).toMatchObject({ code: 'idp_unavailable', message: expect.stringMatching(/identity provider .*renew your session; try again in a moment/) });
      expect((await fridtjof.request('/api/auth_user')).status).toBe(200);

      // A new login, on this instance (which reached the provider before) and on one that has not yet:
      // a readable page saying what is wrong, not a redirect to a provider that is not there.
      const fresh = await stack.startBff(1);
      for (const instance of [bff, fresh]) {
        const login = await instance.browser().request('/login');
        expect(login.status).toBe(502);
        expect(login.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await login.text()).toMatch(/Cannot reach the login service[\s\S]*Try again in a moment/);
      }
    } finally {
      await stack.startIdp();
    }

    expect((await fridtjof.request(TABLE)).status).toBe(200);
    const borge = bff.browser();
    expect((await borge.logIn('borge')).status).toBe(303);
    expect((await borge.request(TABLE)).status).toBe(200);
  });
});
