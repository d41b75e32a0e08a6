// A filter typed in the search box is completed with its values (decision 076): `tag:pi` lists the
// tags in use starting with "pi" and searches only the other words; choosing one puts it in the box.
import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';

test('typing tag:pi suggests the tags, never searches the filter as words, and Enter opens the filtered search', async ({ page }) => {
  const terms: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/search/v1/search')) terms.push((request.postDataJSON() as { searchTerm: string }).searchTerm);
  });
  await page.goto('/');
  const box = page.getByRole('combobox', { name: /search/i }).first();
  await box.click();
  await box.pressSequentially('orders tag:pi', { delay: 30 });
  const tags = page.getByRole('group', { name: 'Tag' });
  await expect(tags.getByRole('option').first()).toHaveText('pii');
  await expect(page.getByRole('group', { name: 'Datasets' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await tags.getByRole('option').first().getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('orders tag:pii ');
  expect(terms.length).toBeGreaterThan(0);
  expect(terms.filter((t) => t.includes(':'))).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “orders”');
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('pii');
});

test('a dashboards-only filter typed in the home page\'s box (group:finance) opens the dashboards tab with it', async ({ page }) => {
  const terms: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/search/v1/search')) terms.push((request.postDataJSON() as { searchTerm: string }).searchTerm);
  });
  await page.goto('/');
  const box = page.getByRole('combobox', { name: /search/i }).first();
  await box.fill('group:finance');
  await box.press('Enter');
  await expect(page).toHaveURL(/resource=dashboard/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/matching the filters/);
  await expect(page.getByRole('textbox', { name: 'Group' })).toHaveValue('finance');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
  expect(terms.filter((t) => t.includes(':'))).toEqual([]);
});
