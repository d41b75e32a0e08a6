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
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('finance');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();

  await page.goBack();
  await tableBadges.getByRole('link', { name: 'deprecated' }).click();
  await expect(page.getByRole('combobox', { name: 'Badge' })).toHaveValue('deprecated');
  await expect(page.locator('[data-search-result]').first().getByRole('link', { name: 'deprecated' })).toBeVisible();
});

test('a tag only dashboards carry leads to those dashboards, with both tabs counted', async ({ page }, testInfo) => {
  await page.goto('/browse');
  const tags = page.getByRole('list', { name: 'All tags' });
  await tags.getByRole('link', { name: /^weekly_review, used 6 times/ }).click();
  await expect(page).toHaveURL(/resource=dashboard/);
  await expect(page.getByRole('heading', { level: 2, name: '6 dashboards' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText('0');
  await expect(page.getByRole('tab', { name: /Dashboards/ })).toContainText('6');
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('weekly_review');
  await captureWidths(page, testInfo, 'browse-tag-dashboards');

  // Back returns to Browse (the choice of tab replaced the link's URL); a tag tables carry opens tables.
  await page.goBack();
  await expect(page).toHaveURL('/browse');
  await tags.getByRole('link', { name: /^growth, used/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datasets matching the filters');
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText(/\d/);
  await expect(page.getByRole('tab', { name: /Dashboards/ })).toContainText(/\d/);
  // The Dashboards tab keeps the tag.
  await page.getByRole('tab', { name: /Dashboards/ }).click();
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('growth');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
});
