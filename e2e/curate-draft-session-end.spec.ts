// A person's session ends while they write a table's description: the save answers 401, the page
// stays with their text and says they are logged out; Log in again goes through login and back to the
// same page, and their text is back in the editor with a notice, to save again. Then the History tab, whose choice is in the URL, shows the save after a
// reload. A table and words no other journey uses (journeys run in parallel on shared demo data).
import type { Page } from '@playwright/test';
import { captureWidths, expect, expectAccessible, logInAtDevIdp, test, trackApiRequests } from './fixtures';

test.use({ signedIn: false });

const TABLE = { path: '/table_detail/bronze/hive/risk/b2c_blocked_cards_v2', name: 'risk.b2c_blocked_cards_v2' };
const WORDS = 'Cards the risk desk blocked, one row per card — kept across a login round trip.';

/** What the tab keeps in its session storage, as [key, value] pairs. */
const sessionStorageOf = (page: Page) => page.evaluate(() => Object.entries(sessionStorage));

test('a description written when the session has ended comes back after logging in again, with a notice, and saves', async ({ page, idpOrigin, baseURL }, testInfo) => {
  const api = trackApiRequests(page);
  await page.goto(TABLE.path);
  await logInAtDevIdp(page, idpOrigin, 'liv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);

  await page.getByRole('button', { name: 'Edit description', exact: true }).click();
  const box = page.getByRole('textbox', { name: `Description of ${TABLE.name}` });
  await box.fill(WORDS);
  await api.settled(); // the page's own reads answered: the save is what meets the ended session

  // The session ends on the server while the person writes (another tab logged out, it timed out) …
  const out = await page.request.post('/logout', { headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(out.status()).toBe(303);

  // … so Save answers 401: the page stays, with the text in the editor, and says why. Log in again
  // goes to log in and back to this page. (The provider still knows them and signs them straight back in.)
  const saveAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/put_table_description');
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await saveAnswer).status()).toBe(401);
  const notice = page.getByRole('alert').filter({ hasText: 'You are logged out' });
  await expect(notice).toBeVisible();
  await expect(box).toHaveValue(WORDS);
  expect(page.url()).toBe(`${baseURL}${TABLE.path}`);
  const toLogin = page.waitForRequest((request) => request.url().startsWith(`${baseURL}/login?returnTo=`));
  await notice.getByRole('link', { name: 'Log in again' }).click();
  expect(new URL((await toLogin).url()).searchParams.get('returnTo')).toBe(TABLE.path);
  await expect(page).toHaveURL(`${baseURL}${TABLE.path}`);

  // Back on the page: the editor is open again with their text, says so, and has the focus.
  const restored = page.getByRole('textbox', { name: `Description of ${TABLE.name}` });
  await expect(restored).toHaveValue(WORDS);
  await expect(restored).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Your unsaved text was restored. It is not saved yet.' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Discard it (Description of ${TABLE.name})` })).toBeVisible();
  // Only the person's text is kept in the tab: no token, no cookie value.
  const kept = await sessionStorageOf(page);
  expect(kept).toHaveLength(1);
  expect(Object.keys(JSON.parse(kept[0]![1]) as object).sort()).toEqual(['base', 'owner', 'savedAt', 'text', 'v']);
  await expectAccessible(page, testInfo, 'restored description draft');
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'curate-restored-draft');

  // Saved this time; the kept text goes, and a reload shows the description, not an editor.
  await restored.press('Control+Enter');
  await expect(restored).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit description', exact: true })).toBeFocused();
  await expect(page.locator('.table-page__description')).toHaveText(WORDS);
  expect(await sessionStorageOf(page)).toEqual([]);

  // The History tab is in the URL: a reload opens it again, with the save by Liv.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(`${baseURL}${TABLE.path}?tab=history`);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  const edits = page.getByRole('list', { name: `Edits of ${TABLE.name}, newest first` }).getByTestId('edit');
  await expect(edits.first().getByRole('heading', { name: 'Description' })).toBeVisible();
  await expect(edits.first()).toContainText('Liv Arnesen');
  await expect(edits.first().locator('ins').last()).toContainText('login round trip');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page).toHaveURL(`${baseURL}${TABLE.path}`);
  await expect(page.locator('.table-page__description')).toHaveText(WORDS);
});

test('text typed and not saved is back after a reload, and logging out from the menu drops it', async ({ page, idpOrigin }, testInfo) => {
  await page.goto(TABLE.path);
  await logInAtDevIdp(page, idpOrigin, 'borge');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);

  // Kept while typing: no save needed for a reload (or a 401 on any request) to lose nothing.
  await page.getByRole('button', { name: 'Edit description of notes' }).click();
  await page.getByRole('textbox', { name: 'Description of notes' }).fill('Free text the risk agent wrote — the logout journey');
  await page.reload();
  const box = page.getByRole('textbox', { name: 'Description of notes' });
  await expect(box).toHaveValue('Free text the risk agent wrote — the logout journey');
  await expect(box).toBeFocused();
  await expectAccessible(page, testInfo, 'restored column draft');

  // Logging out on purpose ends the draft with the session.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
  expect(await sessionStorageOf(page)).toEqual([]);
  await page.goto(TABLE.path);
  await logInAtDevIdp(page, idpOrigin, 'borge');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  await expect(page.getByRole('button', { name: 'Edit description of notes' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
});
