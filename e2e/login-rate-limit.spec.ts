// The login rate limit as a person meets it (decision 034), on an instance of its own started with
// RATE_LIMIT_LOGIN_PER_IP_PER_MIN=2: once the network has started too many logins, opening /login in
// the browser shows a page in words with when to try again and a Try again link, not JSON; and someone
// who had already reached the provider's form still gets in after typing their password, as the
// callback is counted apart from /login.
import type { Browser, BrowserContext } from '@playwright/test';
import { expect, expectAccessible, logInAtDevIdp, test } from './fixtures';
import { startNansen, type NansenServer } from './start-nansen';

test.describe('over the login rate limit', () => {
  let server: NansenServer;
  let context: BrowserContext;

  test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
    testInfo.setTimeout(150_000);
    server = await startNansen({ name: 'login-rate-limit', env: { RATE_LIMIT_LOGIN_PER_IP_PER_MIN: '2' } });
    context = await browser.newContext({ baseURL: server.baseUrl });
  });

  test.afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  test('a browser reads why and when to try again, and the person already at the login form still gets in', async ({}, testInfo) => {
    // One person opens Nansen and reaches the provider's login form (the first login of this address this minute).
    const typing = await context.newPage();
    await typing.goto('/search?term=orders');
    await expect(typing).toHaveURL((url) => url.origin === server.idpOrigin);

    // Others behind the same address start logins until the limit is passed; the next one to open /login sees the page.
    const other = await context.newPage();
    let answer = await other.goto('/login');
    for (let i = 0; i < 3 && answer?.status() !== 429; i++) answer = await other.goto('/login');
    expect(answer?.status()).toBe(429);
    const retryAfter = Number(answer?.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    await expect(other).toHaveTitle('Too many login attempts · Nansen');
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Too many login attempts');
    await expect(other.getByText(/too many login attempts from your network this minute/)).toBeVisible();
    await expect(other.getByText(/^Wait \d+ seconds?, then try again\.$/)).toBeVisible();
    await expect(other.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/login');
    await expect(other.locator('body')).not.toContainText('TooManyRequestsError');
    await expect(other.locator('pre')).toHaveCount(0);
    await expectAccessible(other, testInfo, 'login rate limit page');

    // The first person types their password: the callback has its own count, so they land on their page, signed in.
    await logInAtDevIdp(typing, server.idpOrigin, 'roald');
    await expect(typing).toHaveURL(/\/search\?term=orders/);
    await expect(typing.getByTestId('current-user')).toBeVisible();
  });
});
