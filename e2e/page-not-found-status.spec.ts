// A URL with no page is answered 404 (for monitors, link checkers and crawlers) and still shows the
// app's "Page not found", with the navigation and the way home; a page a setting turns off the same.
import { expect, expectAccessible, test } from './fixtures';

test('a path no page matches is a 404 that shows "Page not found" with the navigation', async ({ page }, testInfo) => {
  for (const path of ['/nonsense', '/table', '/tablez/x', '/search/more/']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Page not found');
    await expect(page.getByText(`There is no page at ${path}.`), path).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Search the catalog' })).toBeVisible();
  await expectAccessible(page, testInfo, 'a 404 page');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
});

test('a page a setting turns off (profiles, here) is a 404 that says why; the other pages are 200', async ({ page }) => {
  const profile = await page.goto('/user/roald.amundsen%40example.org');
  expect(profile?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText("People's profile pages are turned off in this catalog.")).toBeVisible();

  expect((await page.goto('/browse'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
  // A well-formed key of a table the catalog does not have: the page says so, with 200 (decision 091).
  expect((await page.goto('/table_detail/gold/hive/core/no_such_table'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Table not found');
});
