// Browsing: every tag with how often it is used, and badges; each leads to a filtered search.
import { captureWidths, expect, expectAccessible, test } from './fixtures';

test('the browse page lists every tag with its count and the badges, each leading to the tables that carry it', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
  await expect(page).toHaveURL('/browse');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Browse tags and badges');
  await expect(page).toHaveTitle(/^Browse · /);

  const tags = page.getByRole('list', { name: 'All tags' });
  await expect(tags.getByRole('link', { name: 'pii, used 125 times' })).toBeVisible();
  // No curated tags in the default config: that section is not shown.
  await expect(page.getByRole('region', { name: 'Curated tags' })).toHaveCount(0);
  const tableBadges = page.getByRole('list', { name: 'Table badges' });
  await expect(tableBadges.getByRole('link')).toHaveText(['alpha', 'beta', 'certified', 'deprecated']);
  // Column badges mark columns, which the table search does not filter by: not links.
  await expect(page.getByRole('list', { name: 'Column badges' }).getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Column badges' })).toContainText('PK');
  await expectAccessible(page, testInfo, 'browse');
  await captureWidths(page, testInfo, 'browse');

  await tags.getByRole('link', { name: /^finance, used/ }).click();
  await expect(page.getByRole('textbox', { name: 'Tag' })).toHaveValue('finance');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();

  await page.goBack();
  await tableBadges.getByRole('link', { name: 'deprecated' }).click();
  await expect(page.getByRole('textbox', { name: 'Badge' })).toHaveValue('deprecated');
  await expect(page.locator('[data-search-result]').first().getByRole('link', { name: 'deprecated' })).toBeVisible();
});
