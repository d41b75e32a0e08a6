// Edit history and bookmarks (user profiles on): edits made with the page's editors show in the
// table's History tab with before and after, and on the editor's profile; a person on their first
// visit bookmarks a table from the search results and from its page, finds it under "My bookmarks"
// and on their profile, and takes the bookmark away again; and takes one away with the star of its row
// under "My bookmarks", where the row stays, "Removed", until the page is loaded again, and its star
// puts it back. Each journey uses tables no other spec reads.
import type { Page, TestInfo } from '@playwright/test';
import { callFromPage } from './call-from-page';
import { captureWidths, expect, expectAccessible, logInAtDevIdp, test } from './fixtures';

test.use({ profiles: 'on' });

/** Edited in the history journey: only this spec reads it. */
const HISTORY_TABLE = { key: 'delta://lakehouse.content/stg_b2c_content_pages_kpis', path: '/table_detail/lakehouse/delta/content/stg_b2c_content_pages_kpis', name: 'content.stg_b2c_content_pages_kpis' };
/** Bookmarked in the bookmark journey: only this spec reads it. */
const BOOKMARK_TABLE = { name: 'snap_rejected_translations_by_cohort', fullName: 'content.snap_rejected_translations_by_cohort', path: '/table_detail/crm_db/postgres/content/snap_rejected_translations_by_cohort' };
/** Bookmarked and un-bookmarked from the home page's list in the star journey: only this spec reads it. */
const STAR_TABLE = { key: 'delta://lakehouse.support/snap_web_sla_breaches_monthly', fullName: 'support.snap_web_sla_breaches_monthly' };

/** Screenshots from the top of the page (the nav bar sticks to the top of the window). */
async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

/** The table's description as the BFF serves it (the raw Markdown). */
async function descriptionOf(page: Page, key: string): Promise<string> {
  return page.evaluate(async (key) => {
    const response = await fetch(`/api/metadata/v0/table?key=${encodeURIComponent(key)}`, { headers: { Accept: 'application/json' } });
    return ((await response.json()) as { tableData: { description: string } }).tableData.description;
  }, key);
}

/** Clicks a bookmark toggle and waits for the server's answer to its write. */
async function toggleAndSave(page: Page, toggle: ReturnType<Page['getByRole']>) {
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/user/bookmark' && r.request().method() !== 'GET');
  await toggle.click();
  expect((await saved).status()).toBe(200);
}

test('an edited description and an added tag show in the table’s History, newest first, with before and after, and on the editor’s profile', async ({ page }, testInfo) => {
  await page.goto(HISTORY_TABLE.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HISTORY_TABLE.name);
  const before = await descriptionOf(page, HISTORY_TABLE.key);
  expect(before.length).toBeGreaterThan(0);
  const edited = `${before} Checked by the history journey.`;
  // The History tab counts the table's edits as the page opens, as the profile's Edits tab counts a person's.
  const historyTab = page.getByRole('tab', { name: /^History/ });
  const historyCount = historyTab.locator('.count');
  await expect(historyCount).toHaveText(/^\d[\d,]*$/);
  const editsBefore = Number((await historyCount.textContent())!.replace(/,/g, ''));
  await expect(historyTab).toHaveAccessibleName(`History ${editsBefore}`);

  // Through the page's editors: the description, then a tag.
  await page.getByRole('button', { name: 'Edit description', exact: true }).click();
  await page.getByRole('textbox', { name: `Description of ${HISTORY_TABLE.name}` }).fill(edited);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit description', exact: true })).toBeVisible();
  // One more, without a reload.
  await expect(historyTab).toHaveAccessibleName(`History ${editsBefore + 1}`);
  const side = page.getByRole('complementary', { name: 'About this table' });
  await side.getByRole('button', { name: 'Add tag' }).click();
  const tagBox = side.getByRole('combobox', { name: 'Add tag' });
  await tagBox.fill('history_journey');
  // The chip shows at once; History is read from the server, so wait for the write to land.
  const tagSaved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/update_table_tags' && r.request().method() === 'PUT');
  await tagBox.press('Enter');
  expect((await tagSaved).status()).toBe(200);
  await expect(side.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'history_journey' })).toBeVisible();

  // The History tab loads with the tab (the page is not reloaded): newest first, the tag, then the description.
  await expect(historyTab).toHaveAccessibleName(`History ${editsBefore + 2}`);
  await historyTab.click();
  await expect(historyTab).toHaveAttribute('aria-selected', 'true');
  const edits = page.getByRole('list', { name: `Edits of ${HISTORY_TABLE.name}, newest first` }).getByTestId('edit');
  await expect(edits.first()).toBeVisible();
  const tagEdit = edits.nth(0);
  await expect(tagEdit.getByRole('heading', { name: 'Tags' })).toBeVisible();
  await expect(tagEdit.getByRole('list', { name: 'Added' })).toHaveText('history_journey');
  await expect(tagEdit.getByRole('link', { name: 'Roald Amundsen' })).toHaveAttribute('href', '/user/roald.amundsen%40example.org');

  const descriptionEdit = edits.nth(1);
  await expect(descriptionEdit.getByRole('heading', { name: 'Description' })).toBeVisible();
  await expect(descriptionEdit.locator('ins')).toHaveText(/^\[added: +Checked by the history journey\.\]$/);
  await expect(descriptionEdit.locator('del')).toHaveCount(0);
  await descriptionEdit.getByRole('button', { name: 'Before and after' }).click();
  await expect(descriptionEdit.getByRole('heading', { name: 'Before' }).locator('..')).toHaveText(`Before${before}`);
  await expect(descriptionEdit.getByRole('heading', { name: 'After' }).locator('..')).toHaveText(`After${edited}`);
  await expectAccessible(page, testInfo, 'table history');
  await capture(page, testInfo, 'table-history');

  // The editor's profile lists the edit, leading back to the table.
  await tagEdit.getByRole('link', { name: 'Roald Amundsen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roald Amundsen');
  // The Edits tab counts them, as the other tabs count their lists (other journeys edit as Roald too).
  await expect(page.getByRole('tab', { name: 'Edits' }).locator('.count')).toHaveText(/^[1-9][\d,]*$/);
  await page.getByRole('tab', { name: 'Edits' }).click();
  const mine = page.getByRole('list', { name: 'Your edits, newest first' }).getByTestId('edit');
  const onTable = mine.filter({ has: page.getByRole('link', { name: HISTORY_TABLE.name }) });
  await expect(onTable.filter({ has: page.getByRole('heading', { name: 'Tags' }) })).toHaveCount(1);
  await expect(onTable.filter({ has: page.getByRole('heading', { name: 'Description' }) })).toHaveCount(1);
  await expectAccessible(page, testInfo, 'profile edits');
  await capture(page, testInfo, 'profile-edits');
  await onTable.first().getByRole('link', { name: HISTORY_TABLE.name }).click();
  await expect(page).toHaveURL(HISTORY_TABLE.path);
});

test.describe('bookmarks', () => {
  test.use({ signedIn: false });

  test('on a first visit a person bookmarks a table from search and from its page, sees it on the home page and their profile, and removes it', async ({ page, idpOrigin }, testInfo) => {
    await page.goto('/');
    await logInAtDevIdp(page, idpOrigin, 'borge');
    await expect(page.getByTestId('current-user')).toBeVisible();

    // From the search results: the star of the result.
    await page.goto(`/search?term=${BOOKMARK_TABLE.name}`);
    const star = page.getByRole('button', { name: `Bookmark ${BOOKMARK_TABLE.name}` });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await expect(star).toBeEnabled();
    await toggleAndSave(page, star);
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(page, testInfo, 'search with bookmark toggles');
    await capture(page, testInfo, 'search-bookmarked');

    // Home: under "My bookmarks".
    await page.goto('/');
    const myBookmarks = page.getByRole('region', { name: 'My bookmarks' });
    await expect(myBookmarks.getByRole('link', { name: BOOKMARK_TABLE.fullName })).toBeVisible();

    // The table's page shows it bookmarked; the toggle there removes and adds it again.
    await myBookmarks.getByRole('link', { name: BOOKMARK_TABLE.fullName }).click();
    await expect(page).toHaveURL(BOOKMARK_TABLE.path);
    const toggle = page.getByRole('button', { name: 'Bookmark', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggleAndSave(page, toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggleAndSave(page, toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await capture(page, testInfo, 'table-bookmarked');

    // The profile's Bookmarked tab: the same list.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'My profile' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Børge Ousland');
    await page.getByRole('tab', { name: /Bookmarked/ }).click();
    await expect(page.getByTestId('bookmarked-tables').getByRole('link', { name: BOOKMARK_TABLE.fullName })).toBeVisible();

    // Un-bookmark from the page: gone from the home page after a reload (the server has it too).
    await page.goto(BOOKMARK_TABLE.path);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggleAndSave(page, toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'My bookmarks' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'My bookmarks' }).getByRole('link', { name: BOOKMARK_TABLE.fullName })).toHaveCount(0);
  });

  // Finding 2 of the bookmark-lists pass: to take a bookmark away you had to open the table's page.
  test('a bookmark is taken away with the star of its row under "My bookmarks"; the popular lists have stars too', async ({ page, idpOrigin }, testInfo) => {
    await page.goto('/');
    await logInAtDevIdp(page, idpOrigin, 'borge');
    await expect(page.getByTestId('current-user')).toBeVisible();
    expect((await callFromPage(page, 'PUT', '/api/metadata/v0/user/bookmark', { type: 'table', key: STAR_TABLE.key })).status).toBe(200);

    await page.goto('/');
    const myBookmarks = page.getByRole('region', { name: 'My bookmarks' });
    const row = myBookmarks.getByRole('listitem').filter({ has: page.getByRole('link', { name: STAR_TABLE.fullName }) });
    const star = row.getByRole('button', { name: `Bookmark ${STAR_TABLE.fullName}` });
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await expect(star.locator('xpath=ancestor::a')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Popular tables' }).getByRole('button', { name: /^Bookmark / }).first()).toBeEnabled();
    await expectAccessible(page, testInfo, 'home with bookmark stars');
    // At 800 px the side column is narrow: both tabs with their counts fit, none scrolls out of sight.
    await page.setViewportSize({ width: 800, height: 900 });
    const tabs = myBookmarks.getByRole('tablist');
    await expect(tabs.getByRole('tab')).toHaveCount(2);
    expect(await tabs.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Two more bookmarks from the popular list's stars, so the removed row has neighbours (taken away at the end).
    const popular = page.getByRole('list', { name: 'Popular tables' });
    const added: string[] = [];
    for (let i = 0; i < 2; i++) {
      const free = popular.getByRole('button', { name: /^Bookmark /, pressed: false }).first();
      added.push((await free.getAttribute('aria-label'))!);
      await toggleAndSave(page, free);
    }

    // Decision 040: the row stays in place, its star empty and still focused, "Removed", until the list is next loaded.
    await toggleAndSave(page, star);
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await expect(star).toBeFocused();
    await expect(row.getByText('Removed', { exact: true })).toBeVisible();
    const said = page.getByRole('status').filter({ hasText: `Bookmark of ${STAR_TABLE.fullName} removed` });
    await expect(said).toBeVisible();
    await expectAccessible(page, testInfo, 'home with a removed bookmark');
    // Still there once the message has gone (and the list was read again).
    await expect(said).toBeHidden();
    await expect(row.getByText('Removed', { exact: true })).toBeVisible();
    await capture(page, testInfo, 'my-bookmarks-removed');
    // Pressed again: bookmarked again, in the same row.
    await toggleAndSave(page, star);
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await expect(star).toBeFocused();
    await expect(row.getByText('Removed', { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(star).toHaveAttribute('aria-pressed', 'true');

    await toggleAndSave(page, star);
    await expect(row.getByText('Removed', { exact: true })).toBeVisible();
    for (const name of added) await toggleAndSave(page, popular.getByRole('button', { name, exact: true }));
    await page.reload();
    // Loaded (a list or the empty state, not the skeleton), and without it: the server has it too.
    await expect(myBookmarks.getByRole('list').or(myBookmarks.getByText('No bookmarks yet'))).toBeVisible();
    await expect(myBookmarks.getByRole('link', { name: STAR_TABLE.fullName })).toHaveCount(0);
  });
});
