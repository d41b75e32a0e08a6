// Two people edit the same description: the second to save gets the conflict view with both texts,
// and nothing either wrote is lost. A table no other journey reads.
import { captureWidths, expect, expectAccessible, logInAtDevIdp, test } from './fixtures';

const TABLE = '/table_detail/silver/hive/hr/raw_domestic_hires_changes';
const HEADING = 'hr.raw_domestic_hires_changes';

test('two people editing one description: the second sees the conflict view, and merges without losing either text', async ({ page, browser, baseURL, idpOrigin }, testInfo) => {
  // Liv, in a browser of her own.
  const livContext = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const liv = await livContext.newPage();
  await liv.goto(TABLE);
  await logInAtDevIdp(liv, idpOrigin, 'liv');
  await expect(liv.getByRole('heading', { level: 1 })).toHaveText(HEADING);

  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING);

  // Both start editing the same text.
  await liv.getByRole('button', { name: 'Edit description', exact: true }).click();
  await page.getByRole('button', { name: 'Edit description', exact: true }).click();
  const roaldText = 'New hires within one country, one row per change (checked twice).';
  // No person's name in either text: find-people expects no table to match "liv", and runs beside this.
  const livText = 'Domestic hires and every change to them, kept for seven years.';

  // Roald saves first.
  await page.getByRole('textbox', { name: `Description of ${HEADING}` }).fill(roaldText);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(roaldText)).toBeVisible();

  // Liv saves second: refused, with both texts side by side.
  await liv.getByRole('textbox', { name: `Description of ${HEADING}` }).fill(livText);
  await liv.getByRole('button', { name: 'Save' }).click();
  const conflict = liv.getByRole('region', { name: 'Someone else changed this description' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText(roaldText);
  await expect(conflict.getByTestId('conflict-byline')).toContainText('Roald Amundsen');
  await expect(conflict.getByTestId('conflict-mine')).toHaveText(livText);
  await expect(conflict.getByTestId('conflict-diff').locator('ins').first()).toBeVisible();
  await expectAccessible(liv, testInfo, 'conflict view');
  await captureWidths(liv, testInfo, 'curate-conflict');

  // She merges both texts and saves.
  const merged = `${roaldText} ${livText}`;
  await conflict.getByRole('textbox', { name: 'Merged description' }).fill(merged);
  await conflict.getByRole('button', { name: 'Save merged' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(liv.getByText(merged)).toBeVisible();

  // Roald sees the merge after a reload: nothing was lost.
  await page.reload();
  await expect(page.getByText(merged)).toBeVisible();
  await livContext.close();
});
