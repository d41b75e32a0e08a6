// Rate limits on the real BFF: per signed-in session and per address, on search and on login, with
// 429 in the one error shape and a Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BffBrowser } from './testing/bff-browser';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

function search(browser: BffBrowser) {
  return browser.request('/api/search/v1/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: browser.base },
    body: JSON.stringify({ searchTerm: 'orders', resources: ['table'] }),
  });
}

async function expectLimited(response: Response, message: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await response.json()) as { error: { name: string; message: string; code: string } };
  expect(body.error).toMatchObject({ name: 'TooManyRequestsError', code: 'rate_limited' });
  expect(body.error.message).toMatch(message);
  expect(body.error.message).toContain(`try again in ${retryAfter} s`);
}

describe('rate limits', () => {
  let stack: TestStack;
  let searchLimited: TestBff;
  let loginLimited: TestBff;

  beforeAll(async () => {
    stack = await startTestStack({ bffSlots: 2 });
    searchLimited = await stack.startBff(0, { rateLimits: { loginPerSession: 0, loginPerIp: 0, searchPerSession: 2, searchPerIp: 5 } });
    loginLimited = await stack.startBff(1, { rateLimits: { loginPerSession: 0, loginPerIp: 3, searchPerSession: 0, searchPerIp: 0 } });
  });

  afterAll(async () => {
    await stack.close();
  });

  it('limits searches per session, then per address, while other routes go on', async () => {
    const [a, b, c] = [searchLimited.browser(), searchLimited.browser(), searchLimited.browser()];
    for (const [browser, login] of [[a, 'roald'], [b, 'liv'], [c, 'fridtjof']] as const) await browser.logIn(login);

    expect((await search(a)).status).toBe(200);
    expect((await search(a)).status).toBe(200);
    await expectLimited(await search(a), /^Too many search requests \(at most 2 a minute per session\)/);
    // Another session from the same address has its own count…
    expect((await search(b)).status).toBe(200);
    expect((await search(b)).status).toBe(200);
    // …until the address has made 5.
    await expectLimited(await search(c), /^Too many search requests \(at most 5 a minute from one address\)/);
    // Nothing but search is limited.
    expect((await a.request('/api/metadata/v0/table?key=hive%3A%2F%2Fgold.sales%2Forders&index=0&source=search')).status).not.toBe(429);
    expect((await a.request('/api/auth_user')).status).toBe(200);
  });

  it('limits starting a login per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${loginLimited.base}/login?returnTo=%2F`, { redirect: 'manual' })).status);
    expect(statuses).toEqual([303, 303, 303]);
    await expectLimited(await fetch(`${loginLimited.base}/login?returnTo=%2F`, { redirect: 'manual' }), /^Too many login requests \(at most 3 a minute from one address\)/);
    // The other instance counts on its own.
    expect((await fetch(`${searchLimited.base}/login?returnTo=%2F`, { redirect: 'manual' })).status).toBe(303);
  });
});
