import { captureWidths, expect, logInAtDevIdp, test, trackApiRequests } from './fixtures';

test.use({ signedIn: false });

test('a session that ends mid-way sends the person to log in and back to the page they were opening', async ({ page, idpOrigin, baseURL }) => {
  // The search page's own requests (its bookmarks come after its results) must be answered before the
  // session ends, or their 401, not the next page's, sends the person to log in, back to the search.
  const api = trackApiRequests(page);
  await page.goto('/search?term=orders');
  await logInAtDevIdp(page, idpOrigin, 'liv');
  await expect(page.getByRole('link', { name: 'sales.orders', exact: true }).first()).toBeVisible();
  await expect(page.locator('[data-first-results-preview]')).toHaveCount(0); // the app, not the BFF's preview
  await api.settled();

  // The session ends on the server (another tab logged out, or an administrator ended it) …
  const out = await page.request.post('/logout', { headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(out.status()).toBe(303);

  // … so the next page's data request answers 401: the app sends the person to log in and back to
  // that page. (The provider still knows them, so it signs them straight back in without its form.)
  const toLogin = page.waitForRequest((request) => request.url().startsWith(`${baseURL}/login?returnTo=`));
  await page.getByRole('link', { name: 'sales.orders', exact: true }).first().click();
  expect(new URL((await toLogin).url()).searchParams.get('returnTo')).toBe('/table_detail/gold/hive/sales/orders');
  await expect(page).toHaveURL(`${baseURL}/table_detail/gold/hive/sales/orders`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('orders');
  expect((await page.request.get('/api/auth_user')).status()).toBe(200);
});

test('the logged-out page offers the way back in', async ({ page, idpOrigin }, testInfo) => {
  await page.goto('/');
  await logInAtDevIdp(page, idpOrigin, 'borge');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
  await captureWidths(page, testInfo, 'logged-out');
  await page.getByRole('link', { name: 'Log in again' }).click();
  await expect(page).toHaveURL((url) => url.origin === idpOrigin);
});

test('Nansen\'s own pages name their icon, so the browser starts no login for /favicon.ico', async ({ page, context }) => {
  // Chromium's icon request does not surface as a request of the page; what it leaves does: /favicon.ico
  // is a page URL, which sends a visitor without a session to /login, and that sets the pending-login cookie.
  for (const path of ['/logged-out', '/logout', '/auth?error=access_denied']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The icon is asked for once the page has loaded: give it the time to.
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
  }
  expect((await context.cookies()).map((c) => c.name)).not.toContain('nansen.login');
});
