// Care around a description being written: Cancel or Esc with changed text asks first (the dialog
// keeps focus on "Keep editing"), leaving the page asks too, a save is confirmed once ("Description
// saved"), a column description keeps its Shift+Enter line break, and 250 emoji fit a column's limit
// of 250 on the page and at the server alike; a conflict with one's own save in another tab says so.
// Tables no other journey reads.
import { captureWidths, expect, expectAccessible, test } from './fixtures';

const TABLE = '/table_detail/prod/bigquery/core/dim_archived_accounts';
const HEADING = 'core.dim_archived_accounts';

test('changed text is never thrown away without asking, and a save is confirmed once', async ({ page }, testInfo) => {
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING);
  const edit = page.getByRole('button', { name: 'Edit description', exact: true });
  await edit.click();
  const box = page.getByRole('textbox', { name: `Description of ${HEADING}` });

  // Unchanged: Esc closes at once.
  await box.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(edit).toBeFocused();

  // Changed: Esc asks, focus on the safe choice; Esc on the dialog keeps editing, focus back in the text.
  await edit.click();
  await box.fill('Accounts closed by their owners, kept for audits.');
  await box.press('Escape');
  const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectAccessible(page, testInfo, 'discard dialog');
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'curate-discard-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('Accounts closed by their owners, kept for audits.');

  // Leaving the page asks too (the browser's own prompt), while the text is changed.
  const prompt = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  expect(await prompt).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Cancel asks as well; Discard changes drops the text, focus on Edit.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(box).toHaveCount(0);
  await expect(edit).toBeFocused();

  // Saved: one polite confirmation, and no question on leaving any more.
  await edit.click();
  await box.fill('Accounts closed by their owners, kept for audits.');
  await box.press('Control+Enter');
  await expect(box).toHaveCount(0);
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByRole('status')).toHaveText(/Description saved/);
  await expect(notifications.getByRole('alert')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'curate-description-saved');
});

test('a column description keeps its line break, and 250 emoji fit the limit of 250 on the page and at the server', async ({ page }) => {
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING);
  const row = page.getByTestId('column-row').first();
  const column = (await row.getByTestId('column-toggle').innerText()).trim();
  const edit = row.getByRole('button', { name: `Edit description of ${column}` });

  await edit.click();
  const box = page.getByRole('textbox', { name: `Description of ${column}` });
  await box.fill('First line');
  await box.press('Shift+Enter');
  await box.pressSequentially('second line');
  await box.press('Enter');
  await expect(box).toHaveCount(0);
  // Shown on two lines, as typed (innerText follows the CSS: a collapsed break would read as a space).
  await expect.poll(() => row.locator('.column-description').innerText()).toBe('First line\nsecond line');

  await edit.click();
  const emoji = '😀'.repeat(250);
  await box.fill(emoji);
  await expect(page.getByText('250 / 250 characters', { exact: true })).toBeVisible();
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/put_column_description');
  await box.press('Enter');
  expect((await saved).status()).toBe(200);
  await expect(row.locator('.column-description')).toHaveText(emoji);
});

test('a conflict with the person\'s own save in another tab says so, not "someone else"', async ({ page, context }) => {
  const table = '/table_detail/prod/bigquery/core/dim_domestic_stores';
  const heading = 'core.dim_domestic_stores';
  const other = await context.newPage(); // the same session, another tab
  for (const tab of [page, other]) {
    await tab.goto(table);
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(heading);
    await tab.getByRole('button', { name: 'Edit description', exact: true }).click();
  }
  await other.getByRole('textbox', { name: `Description of ${heading}` }).fill('Stores in the home country, written in the other tab.');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('textbox')).toHaveCount(0);

  await page.getByRole('textbox', { name: `Description of ${heading}` }).fill('Stores in the home country, written here.');
  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('region', { name: 'You changed this description in another tab or window' });
  await expect(conflict).toBeVisible();
  await expect(conflict).not.toContainText('Someone else');
  await expect(conflict.getByTestId('conflict-byline')).toContainText('Saved by you');

  // Esc asks before dropping this tab's text; discarding keeps what the other tab saved.
  await conflict.getByRole('textbox', { name: 'Merged description' }).press('Escape');
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.locator('.table-page__description')).toHaveText('Stores in the home country, written in the other tab.');
  await other.close();
});
