import type { BrowserContext, Page } from '@playwright/test';
import { captureWidths, expect, expectAccessible, logInAtDevIdp, test, trackApiRequests } from './fixtures';

/**
 * Roald opens `table` in this page and writes `words` into its description editor without saving; then
 * another tab of the same browser logs out from the menu. Returns the editor's box.
 */
async function draftThenLogOutInAnotherTab(page: Page, context: BrowserContext, idpOrigin: string, table: { path: string; name: string }, words: string) {
  await page.goto(table.path);
  await logInAtDevIdp(page, idpOrigin, 'roald');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(table.name);
  await page.getByRole('button', { name: 'Edit description', exact: true }).click();
  const box = page.getByRole('textbox', { name: `Description of ${table.name}` });
  await box.fill(words);

  const tabA = await context.newPage();
  await tabA.goto('/');
  await tabA.getByTestId('user-menu').click();
  await tabA.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(tabA.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
  return box;
}

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

test('a tab whose session another tab logged out says so when it gets focus, keeps the text, and brings it back after Log in again', async ({ page, context, idpOrigin, baseURL }, testInfo) => {
  // Only this journey opens this table, and it saves nothing there.
  const TABLE = { path: '/table_detail/gold/hive/payments/raw_churned_bank_transfers_errors', name: 'payments.raw_churned_bank_transfers_errors' };
  const WORDS = 'Bank transfers that failed — written while another tab logged out.';
  const LOGGED_OUT = 'You are logged out — in another tab, or your session ended. Log in again to go on; unsaved text is kept.';

  // Tab B (this page): roald writes a description, not saved yet; tab A, same browser, logs out from the menu.
  const box = await draftThenLogOutInAnotherTab(page, context, idpOrigin, TABLE, WORDS);

  // Back to tab B: its check on focus finds no session.
  await page.bringToFront();
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth_user');
  // Headless Chromium keeps every page focused: send the event a window gets when it is focused again.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  expect((await asked).status()).toBe(401);
  const notice = page.getByRole('alert').filter({ hasText: LOGGED_OUT });
  await expect(notice).toBeVisible();
  const logIn = notice.getByRole('link', { name: 'Log in again' });
  await expect(logIn).toHaveAttribute('href', `/login?returnTo=${encodeURIComponent(TABLE.path)}`);
  // Nothing on screen goes, and the tab stays where it is until the person chooses to log in.
  await expect(box).toHaveValue(WORDS);
  await expect(page.getByTestId('current-user')).toHaveText('Roald Amundsen');
  await page.waitForTimeout(500);
  expect(page.url()).toBe(`${baseURL}${TABLE.path}`);
  await expectAccessible(page, testInfo, 'logged-out notice');
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'tab-logout-notice');
  // The top of the page as the person sees it (the full-page shots above are long): the notice above the table.
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-tab-logout-notice-top-${width}.png` });
  }

  // Log in again: through the provider's form (tab A's logout ended its session too), back to this table,
  // the text back in the editor with its notice.
  await logIn.click();
  await logInAtDevIdp(page, idpOrigin, 'roald');
  await expect(page).toHaveURL(`${baseURL}${TABLE.path}`);
  const restored = page.getByRole('textbox', { name: `Description of ${TABLE.name}` });
  await expect(restored).toHaveValue(WORDS);
  await expect(page.getByRole('status').filter({ hasText: 'Your unsaved text was restored. It is not saved yet.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: LOGGED_OUT })).toHaveCount(0);
  // Not saved: drop it, so the table keeps its description.
  await page.getByRole('button', { name: `Discard it (Description of ${TABLE.name})` }).click();
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('a tab coming back a while after another tab logged out keeps its page: the refresh of its data meets 401 and the notice says so', async ({ page, context, idpOrigin, baseURL }) => {
  // Only this journey opens this table, and it saves nothing there.
  const TABLE = { path: '/table_detail/gold/hive/ml/snap_gift_demand_forecasts_hourly', name: 'ml.snap_gift_demand_forecasts_hourly' };
  const WORDS = 'Gift demand forecasts — written before a long break in another tab.';
  // The page's clock, to let more than the query client's 30 s pass (its data goes stale) without waiting them.
  await page.clock.install();
  const box = await draftThenLogOutInAnotherTab(page, context, idpOrigin, TABLE, WORDS);

  await page.bringToFront();
  await page.clock.fastForward('01:00');
  const refreshed = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/metadata/') && r.request().method() === 'GET');
  // What the browser sends a tab brought to the front: the query client refreshes stale data on it (a
  // window event), the shell's check asks who is signed in (on focus).
  await page.evaluate(() => {
    window.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
  });
  expect((await refreshed).status()).toBe(401);
  await expect(page.getByRole('alert').filter({ hasText: 'You are logged out' }).getByRole('link', { name: 'Log in again' })).toBeVisible();
  // The refused refresh took nothing from the screen and sent the tab nowhere.
  await page.waitForTimeout(500);
  expect(page.url()).toBe(`${baseURL}${TABLE.path}`);
  await expect(box).toHaveValue(WORDS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
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

test('a bookmark clicked after the session ended is undone where it was clicked, the notice says why, and after Log in again it can be made', async ({ page, idpOrigin, baseURL }) => {
  // Only this journey bookmarks this table, as fridtjof.
  const TABLE = { path: '/table_detail/lakehouse/delta/marketing/fct_web_email_sends_daily', name: 'marketing.fct_web_email_sends_daily' };
  await page.goto(TABLE.path);
  await logInAtDevIdp(page, idpOrigin, 'fridtjof');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  const star = page.getByRole('button', { name: 'Bookmark', exact: true });
  await expect(star).toHaveAttribute('aria-pressed', 'false');

  // The session ends on the server (another tab logged out, or an administrator ended it).
  const out = await page.request.post('/logout', { headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(out.status()).toBe(303);

  const refused = page.waitForResponse((r) => new URL(r.url()).pathname.includes('/bookmark') && r.request().method() === 'PUT');
  await star.click();
  expect((await refused).status()).toBe(401);
  // Before, the browser went to log in and came back without the bookmark, saying nothing.
  const notice = page.getByRole('alert').filter({ hasText: 'You are logged out' });
  await expect(notice.getByRole('link', { name: 'Log in again' })).toBeVisible();
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  expect(page.url()).toBe(`${baseURL}${TABLE.path}`);

  await notice.getByRole('link', { name: 'Log in again' }).click();
  await expect(page).toHaveURL(`${baseURL}${TABLE.path}`);
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bookmark', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
