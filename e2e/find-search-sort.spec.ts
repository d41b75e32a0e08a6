// Sorting table results and seeing when each table was last updated (decision 107): the embedded
// catalog sorts, the order lives in the URL (a reload and Back keep it), and each result says
// "Updated … ago" with the exact time beside it.
import type { Page } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

const results = (page: Page) => page.locator('[data-search-result]');
const names = (page: Page) => results(page).locator('h3').allTextContents();

test('sorting by name changes the order, is in the URL, and survives a reload and Back', async ({ page }, testInfo) => {
  await page.goto('/search?term=orders');
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sort).toHaveValue('relevance');
  const byRelevance = await names(page);
  expect(byRelevance[0]).toBe('sales.orders');
  await expect(results(page).first().getByTestId('result-updated')).toHaveText(/^Updated /);

  await sort.selectOption({ label: 'Name (A–Z)' });
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await expect.poll(() => names(page)).not.toEqual(byRelevance);
  const byName = await names(page);
  const tableNames = byName.map((n) => n.slice(n.indexOf('.') + 1).toLowerCase());
  expect(tableNames).toEqual([...tableNames].sort());
  await expect(page.getByTestId('results-status')).toHaveText(/Sorted by name, A to Z\.$/);
  await expectAccessible(page, testInfo, 'search results sorted by name');

  // The date on each result and the sort control, wide and narrow (no sideways scroll either way).
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'search-sorted');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name');
  await expect.poll(() => names(page)).toEqual(byName);

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('relevance');
  await expect.poll(() => names(page)).toEqual(byRelevance);
});

test('recently updated puts the newest first', async ({ page }) => {
  await page.goto('/search?term=orders&sort=last_updated');
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('last_updated');
  const times = await results(page).getByTestId('result-updated').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
  expect(times.length).toBeGreaterThan(1);
  expect(times).toEqual([...times].sort((a, b) => b - a));
});
