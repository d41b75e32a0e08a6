// The BFF's own pages around a login, over real HTTP against the real development provider: what a
// provider's error answer may show (only for a login this browser started), where "Log in again" leads,
// the way back from the log-out question, the logged-out page while still logged in, the 401's words,
// and an icon on every page so that no /favicon.ico request starts a login.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PAGE_ICON_HREF } from './http/html-page';
import { cancelDevIdpLogin, completeDevIdpLogin } from './testing/dev-idp-login';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

describe('the pages around a login', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack({ bffSlots: 1 });
    bff = await stack.startBff(0);
  });
  afterAll(() => stack?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The provider's real error answer: a login asked with prompt=none of someone not logged in there. */
  async function providerErrorCallback(browser: ReturnType<TestBff['browser']>, returnTo: string) {
    const start = await browser.request(`/login?returnTo=${encodeURIComponent(returnTo)}`);
    const authorization = new URL(start.headers.get('location')!);
    authorization.searchParams.set('prompt', 'none');
    const answer = await fetch(authorization, { redirect: 'manual' });
    const callback = new URL(answer.headers.get('location')!);
    expect(callback.searchParams.get('error')).toBe('login_required');
    expect(callback.searchParams.get('state')).toBe(authorization.searchParams.get('state'));
    return callback;
  }

  it('shows a provider\'s error in words for a login of this browser, and "Log in again" comes back to the page asked for', async () => {
    const browser = bff.browser();
    const callback = await providerErrorCallback(browser, '/search?term=orders&index=table');
    const page = await browser.request(callback.href);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<h1>Login was not completed</h1><p>Test IdP needs you to log in, but could not show its login page.</p>');
    expect(html).toContain(`<p>Test IdP said: ${callback.searchParams.get('error_description')}</p>`);
    const again = /<a class="button" href="([^"]+)">Log in again<\/a>/.exec(html)![1]!.replaceAll('&amp;', '&');
    expect(again).toBe(`/login?returnTo=${encodeURIComponent('/search?term=orders&index=table')}`);
    // Following it logs in and lands on the page first asked for.
    const start = await browser.request(again);
    const back = await browser.request(await completeDevIdpLogin(start.headers.get('location')!, 'liv'));
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/search?term=orders&index=table');
  });

  it('says "You cancelled the login" after Cancel on the provider\'s login page, and "Log in again" comes back to the page asked for (decision 101)', async () => {
    const browser = bff.browser();
    const start = await browser.request(`/login?returnTo=${encodeURIComponent('/user/liv.example%40example.org')}`);
    const callback = await cancelDevIdpLogin(start.headers.get('location')!);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const page = await browser.request(callback.href);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<h1>Login was not completed</h1><p>You cancelled the login, or Test IdP did not allow it.</p><p>Test IdP said: You cancelled the login.</p>');
    expect((await browser.request('/api/auth_user')).status).toBe(401);
    const again = /<a class="button" href="([^"]+)">Log in again<\/a>/.exec(html)![1]!.replaceAll('&amp;', '&');
    expect(again).toBe(`/login?returnTo=${encodeURIComponent('/user/liv.example%40example.org')}`);
    const restart = await browser.request(again);
    const back = await browser.request(await completeDevIdpLogin(restart.headers.get('location')!, 'liv'));
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/user/liv.example%40example.org');
    expect((await browser.request('/api/auth_user')).status).toBe(200);
  });

  it('offers to log in again to the page asked for when the login expired on the provider\'s form', async () => {
    const browser = bff.browser();
    const start = await browser.request(`/login?returnTo=${encodeURIComponent('/table_detail/gold/hive/core/orders')}`);
    const callback = await completeDevIdpLogin(start.headers.get('location')!, 'borge');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    const page = await browser.request(callback);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<h1>Please log in again</h1><p>The login took too long or was already used — log in again.</p>');
    // The reference names the request of the log line, as the other callback failures do.
    const requestId = /<p>Reference: request ([\w-]+)\.<\/p>/.exec(html)?.[1];
    expect(requestId).toBeDefined();
    expect(stack.logger.lines.filter((l) => l.includes(`[${requestId}] login callback failed reason=no_pending_login`))).toHaveLength(1);
    expect(html).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/table_detail/gold/hive/core/orders')}">Log in again</a>`);
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });

  it('shows words of its own, none of the link\'s, for an error answer that no login of this browser started', async () => {
    const victim = bff.browser();
    // The attacker's real state from a login of their own, sent to someone else, and a made-up one.
    const attackerState = (await providerErrorCallback(bff.browser(), '/')).searchParams.get('state')!;
    await victim.request('/login?returnTo=/browse');
    for (const state of [attackerState, 'abc', undefined]) {
      const query = new URLSearchParams({ error: 'access_denied', error_description: 'Your account is locked. Call +1 555 0100 to unlock it.', ...(state ? { state } : {}) });
      const page = await victim.request(`/auth?${query}`);
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('<h1>Login was not completed</h1><p>The login was not completed, and it does not match a login started in this browser');
      expect(html).not.toMatch(/locked|555|access_denied|cancelled/);
    }
  });

  it('answers a call without a session cookie "not logged in", and one whose session ended "session has ended"', async () => {
    const stranger = await bff.browser().request('/api/auth_user');
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toEqual({ error: { name: 'NotAuthenticatedError', message: 'You are not logged in; log in to use Nansen.', code: 'not_authenticated' } });

    const browser = bff.browser();
    await browser.logIn('roald');
    const endedCookie = browser.jar.headerFor(new URL(bff.base))!;
    expect((await browser.request('/logout', { method: 'POST', headers: { origin: bff.base } })).status).toBe(303);
    const ended = await fetch(`${bff.base}/api/auth_user`, { headers: { cookie: endedCookie } });
    expect(ended.status).toBe(401);
    expect(await ended.json()).toEqual({ error: { name: 'NotAuthenticatedError', message: 'Your session has ended; log in again.', code: 'not_authenticated' } });
  });

  it('says "still logged in" on the logged-out page to someone with a session, and the log-out question offers a way back', async () => {
    const browser = bff.browser();
    await browser.logIn('fridtjof');
    const loggedOut = await (await browser.request('/logged-out')).text();
    expect(loggedOut).toContain('<h1>You are still logged in</h1><p>You are logged in to Nansen as Fridtjof Nansen.</p>');
    expect(loggedOut).toContain('<a class="button" href="/">Back to Nansen</a>');
    expect(loggedOut).toContain('<form method="post" action="/logout"><button type="submit" class="secondary">Log out</button></form>');

    const question = await (await browser.request('/logout', { headers: { referer: `${bff.base}/table_detail/gold/hive/core/orders` } })).text();
    expect(question).toContain('<form method="post" action="/logout"><button type="submit">Log out</button></form>');
    expect(question).toContain('<a class="secondary" href="/table_detail/gold/hive/core/orders">Stay logged in</a>');

    // Logged out, the page says so.
    await browser.request('/logout', { method: 'POST', headers: { origin: bff.base } });
    const after = await (await browser.request('/logged-out')).text();
    expect(after).toContain('<h1>You are logged out</h1><p>Your Nansen session has ended.</p>');
  });

  it('names an inline icon the CSP allows on each of its pages, so the browser asks no /favicon.ico (which would start a login)', async () => {
    const browser = bff.browser();
    const pages = [
      await browser.request('/logged-out'),
      await browser.request('/logout'),
      await browser.request('/auth?error=access_denied'),
      await browser.request('/auth?code=x&state=unknown'),
    ];
    for (const page of pages) {
      expect(await page.text()).toContain(`<link rel="icon" href="${PAGE_ICON_HREF}">`);
      expect(page.headers.get('content-security-policy')).toMatch(/img-src 'self' data:/);
    }
    // And a browser that asks all the same (for a JSON answer) gets a 404 that starts no login (it was a 303 to /login).
    const favicon = await browser.request('/favicon.ico');
    expect(favicon.status).toBe(404);
    expect(favicon.headers.get('set-cookie')).toBeNull();
  });
});
