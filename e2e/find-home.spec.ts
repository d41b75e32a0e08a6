// Finding data from the home page and the nav bar: the big search with suggestions as you type,
// popular tables and dashboards, bookmarks, tags and badges to browse, and "/" to search anywhere.
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

test('the home page has one search box, popular tables and dashboards, bookmarks, tags and badges, and when the catalog was updated', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the data you need');
  // One search box on the home page (the nav bar's is hidden here), with its own name.
  await expect(page.getByRole('search')).toHaveCount(1);
  await expect(page.getByLabel('Search for data', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Search the catalog', { exact: true })).toHaveCount(0);

  const popularTables = page.getByRole('region', { name: 'Popular tables' });
  await expect(popularTables.getByRole('link', { name: 'core.customers' })).toHaveAttribute('href', '/table_detail/gold/hive/core/customers');
  const popularDashboards = page.getByRole('region', { name: 'Popular dashboards' });
  await expect(popularDashboards.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'My bookmarks' })).toContainText('No bookmarks yet');
  await expect(page.getByTestId('last-indexed')).toContainText(/Catalog last updated \w{3} \d{2}, \d{4}/);
  // Announcements are off in this instance.
  await expect(page.getByRole('region', { name: 'Announcements' })).toHaveCount(0);

  const browse = page.getByRole('region', { name: 'Browse' });
  await expect(browse.getByRole('link', { name: /^pii, used \d+ times$/ })).toBeVisible();
  await expect(browse.getByRole('link', { name: 'certified' })).toBeVisible();
  await expectAccessible(page, testInfo, 'home');
  await capture(page, testInfo, 'home');

  await browse.getByRole('link', { name: /^pii, used/ }).click();
  await expect(page).toHaveURL(/\/search\?term=&filters=/);
  await expect(page.getByRole('heading', { level: 2, name: '125 tables' })).toBeVisible();

  await page.goto('/');
  await page.getByRole('region', { name: 'Browse' }).getByRole('link', { name: 'certified' }).click();
  await expect(page.getByRole('combobox', { name: 'Badge' })).toHaveValue('certified');
  await expect(page.locator('[data-search-result]').first()).toContainText('certified');
});

test('typing in the home search suggests tables and dashboards; the keyboard picks one, Enter shows all results', async ({ page }, testInfo) => {
  await page.goto('/');
  const box = page.getByLabel('Search for data', { exact: true });
  await box.click();
  await page.keyboard.type('order');
  const suggestions = page.getByRole('listbox', { name: 'Search for data: suggestions' });
  await expect(suggestions.getByRole('group', { name: 'Datasets' }).getByRole('option').first()).toHaveText(/^orders, sales · Hive$/);
  await expect(suggestions.getByRole('group', { name: 'Dashboards' }).getByRole('option').first()).toContainText('Orders Overview');
  await expect(suggestions.getByRole('group', { name: 'People' })).toHaveCount(0);
  await expect(suggestions.getByRole('option').last()).toHaveText('All results for “order”');
  await expectAccessible(page, testInfo, 'suggestions open');
  await captureWidths(page, testInfo, 'home-suggestions');

  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Search for data' })).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/table_detail/gold/hive/sales/orders');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('orders');

  await page.goto('/');
  await page.getByLabel('Search for data', { exact: true }).fill('customers');
  await page.getByLabel('Search for data', { exact: true }).press('Enter');
  await expect(page).toHaveURL('/search?term=customers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “customers”');
});

test('the nav bar searches from any page: "/" focuses it, it suggests as you type, and it shows the search page\'s term', async ({ page }) => {
  await page.goto('/browse');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  const nav = page.getByLabel('Search the catalog', { exact: true });
  await expect(nav).toBeFocused();
  await page.keyboard.type('revenue');
  const suggestions = page.getByRole('listbox', { name: 'Search the catalog: suggestions' });
  await expect(suggestions.getByRole('option', { name: /Revenue Overview/ })).toBeVisible();
  await suggestions.getByRole('option', { name: /Revenue Overview/ }).click();
  await expect(page).toHaveURL(/^.*\/dashboard\/mode_dashboard%3A%2F%2F/);
  // Focus goes to the new page's heading once it has rendered (until then it stays in the box, where keys would type).
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.keyboard.press('/');
  await page.keyboard.type('monthly_revenue');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/search?term=monthly_revenue');
  await expect(page.getByLabel('Search the catalog', { exact: true })).toHaveValue('monthly_revenue');
  await expect(page.locator('[data-search-result]').first()).toContainText('monthly_revenue');

  // Escape closes the suggestions, then clears the box.
  await page.getByLabel('Search the catalog', { exact: true }).fill('cust');
  await expect(page.getByRole('listbox', { name: 'Search the catalog: suggestions' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Search the catalog' })).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Search the catalog', { exact: true })).toHaveValue('');
});

test('the home search box placeholder fits the box at 400, 800 and 1280 px, shorter on a narrow screen; its name stays', async ({ page }, testInfo) => {
  await page.goto('/');
  // Measured once the suggestions code has replaced the plain box: a box swapped out mid-measure has no
  // computed style (its room read as NaN in a fresh-clone run).
  const box = page.getByRole('combobox', { name: 'Search for data', exact: true });
  await expect(box).toBeVisible();
  for (const [width, placeholder] of [[400, /^Search$/], [800, /^Search tables and dashboards$/], [1280, /^Search tables and dashboards$/]] as const) {
    await page.setViewportSize({ width, height: 700 });
    await expect(box).toHaveAttribute('placeholder', placeholder);
    await page.evaluate(() => document.fonts.ready);
    // The placeholder's width in the box's font, against the room inside its padding.
    const [room, text] = await box.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      return [input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), context.measureText(input.placeholder).width];
    });
    expect(text, `the placeholder is cut off at ${width} px`).toBeLessThanOrEqual(room);
    await testInfo.attach(`home-search-${width}.png`, { body: await page.locator('.hero').screenshot({ path: `test-results/screenshots/${testInfo.project.name}-home-search-${width}.png` }), contentType: 'image/png' });
  }
});

test('after "Try again" in a panel, focus stays on Try again while it fails and goes to the panel\'s heading when it works', async ({ page }) => {
  let fail = true;
  await page.route('**/api/metadata/v0/popular_resources**', (route) =>
    fail ? route.fulfill({ status: 504, contentType: 'application/json', body: JSON.stringify({ error: { name: 'UpstreamTimeout', message: 'The catalog took too long to answer.' } }) }) : route.fallback(),
  );
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Popular tables' });
  await panel.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Try again' })).toBeFocused();

  fail = false;
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('link', { name: 'core.customers' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Popular tables' })).toBeFocused();
});
