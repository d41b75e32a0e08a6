// Rate limits on the real BFF: per signed-in session and per address, on search and on login, with
// 429 in the one error shape and a Retry-After; a page in words for a browser over the login limit;
// the login callback counted apart from /login (decision 034); and every 429 logged and counted under
// the route it was aimed at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BffBrowser } from './testing/bff-browser';
import { completeDevIdpLogin } from './testing/dev-idp-login';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

/** What Chromium sends when a page is opened. */
const NAVIGATION = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8' };

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
  let callbackLimited: TestBff;

  /** The access-log line of the request that got `response` (the logger is the whole stack's: found by request id). */
  function logLineOf(response: Response): Record<string, unknown> | undefined {
    const id = response.headers.get('x-request-id');
    return stack.logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request' && l.request_id === id);
  }

  /** `response`'s access-log line, once the BFF has written it (after the answer was sent). */
  async function loggedRoute(response: Response): Promise<unknown> {
    await expect.poll(() => logLineOf(response)).toBeDefined();
    return logLineOf(response)!.route;
  }

  beforeAll(async () => {
    stack = await startTestStack({ bffSlots: 3, logFormat: 'json', metricsEnabled: true });
    searchLimited = await stack.startBff(0, { rateLimits: { loginPerSession: 0, loginPerIp: 0, searchPerSession: 2, searchPerIp: 5 } });
    loginLimited = await stack.startBff(1, { rateLimits: { loginPerSession: 0, loginPerIp: 3, searchPerSession: 0, searchPerIp: 0 } });
    callbackLimited = await stack.startBff(2, { rateLimits: { loginPerSession: 0, loginPerIp: 2, searchPerSession: 0, searchPerIp: 0 } });
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
  it('logs and counts a refused search under the route it was aimed at, whatever its method', async () => {
    const browser = searchLimited.browser();
    await browser.logIn('borge');
    await search(browser);
    await search(browser);
    const post = await search(browser);
    const get = await browser.request('/api/search/v1/search');
    expect([post.status, get.status]).toEqual([429, 429]);
    expect(await loggedRoute(post)).toBe('/api/search/v1/search');
    expect(await loggedRoute(get)).toBe('/api/search/v1/search');
    const metrics = await (await fetch(`${searchLimited.base}/metrics`)).text();
    expect(metrics).toMatch(/^nansen_http_requests_total\{method="POST",route="\/api\/search\/v1\/search",status="4xx"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^nansen_http_requests_total\{method="GET",route="\/api\/search\/v1\/search",status="4xx"\} 1$/m);
    expect(metrics).not.toContain('route="(other)"');
    expect(metrics).not.toMatch(/route="\(static or page\)",status="4xx"/);
  });

  it('shows a browser over the login limit a page in words, with when to try again and a link to, and logs it under /login', async () => {
    let page: Response | undefined;
    for (let i = 0; i < 5 && page?.status !== 429; i++) {
      page = await fetch(`${loginLimited.base}/login?returnTo=%2Fsearch%3Fterm%3Dorders`, { redirect: 'manual', headers: NAVIGATION });
    }
    expect(page!.status).toBe(429);
    const retryAfter = Number(page!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(page!.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page!.headers.get('cache-control')).toBe('no-store');
    const html = await page!.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Too many login attempts</h1>');
    expect(html).toContain('too many login attempts from your network this minute: Nansen takes at most 3 a minute from one network address');
    expect(html).toContain(`<p>Wait ${retryAfter === 1 ? '1 second' : `${retryAfter} seconds`}, then try again.</p>`);
    expect(html).toContain('<a class="button" href="/login?returnTo=%2Fsearch%3Fterm%3Dorders">Try again</a>');
    expect(html).not.toContain('TooManyRequestsError');
    expect(html).not.toContain('rate_limited');
    expect(html).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await loggedRoute(page!)).toBe('/login');
    // The same address asking as a script (fetch, curl: Accept */*) still gets the one error shape.
    await expectLimited(await fetch(`${loginLimited.base}/login?returnTo=%2F`, { redirect: 'manual' }), /^Too many login requests \(at most 3 a minute from one address\)/);
  });

  it('lets the callback of someone who typed their password through when the network is over the /login limit, and counts callbacks on their own', async () => {
    const browser = callbackLimited.browser();
    const toSearch = await browser.request('/login?returnTo=%2Fsearch');
    const toTable = await browser.request('/login?returnTo=%2Ftable_detail%2Fgold%2Fhive%2Fsales%2Forders');
    expect([toSearch.status, toTable.status]).toEqual([303, 303]);
    // Another person behind the same address: /login is now over its limit.
    expect((await fetch(`${callbackLimited.base}/login`, { redirect: 'manual' })).status).toBe(429);

    // The first browser's person types their password; coming back logs them in.
    const back = await browser.request(await completeDevIdpLogin(toSearch.headers.get('location')!, 'roald'));
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/search');
    expect((await browser.request('/api/auth_user')).status).toBe(200);

    // Callbacks have a count of their own, with the same limit (2): a second is let through (one of no login here)…
    expect((await fetch(`${callbackLimited.base}/auth?code=made-up&state=made-up`, { redirect: 'manual' })).status).toBe(400);
    // …and a third refused, in words, with Try again to the page its login was started for.
    const callback = await completeDevIdpLogin(toTable.headers.get('location')!, 'roald');
    const refused = await browser.request(callback, { headers: NAVIGATION });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const html = await refused.text();
    expect(html).toContain('<h1>Too many login attempts</h1>');
    expect(html).toContain('<a class="button" href="/login?returnTo=%2Ftable_detail%2Fgold%2Fhive%2Fsales%2Forders">Try again</a>');
    const params = new URL(callback).searchParams;
    expect(html).not.toContain(params.get('code')!);
    expect(html).not.toContain(params.get('state')!);
    expect(await loggedRoute(refused)).toBe('/auth');
    const metrics = await (await fetch(`${callbackLimited.base}/metrics`)).text();
    expect(metrics).toMatch(/^nansen_http_requests_total\{method="GET",route="\/auth",status="4xx"\} 2$/m);
    expect(metrics).toMatch(/^nansen_http_requests_total\{method="GET",route="\/login",status="4xx"\} 1$/m);
  });
});
