// Finding data on the search page: tabs with counts, why each result matched, tags as links, filters
// that live in the URL (typed, any/all, cleared; Back restores them), pages, and the empty state.
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

/** Screenshots from the top of the page (the nav bar sticks to the top of the window). */
async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

const filtersIn = (url: string) => JSON.parse(new URL(url).searchParams.get('filters') ?? '{}') as Record<string, { value: string; filterOperation?: string }>;
const results = (page: Page) => page.locator('[data-search-result]');

test('a search shows tabs with counts and, for each result, where the term matched, with tags leading to filtered searches', async ({ page }, testInfo) => {
  await page.goto('/search?term=orders');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “orders”');
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText('98');
  await expect(page.getByRole('tab', { name: /Dashboards/ })).toContainText('1');
  // People are not searchable with profiles off.
  await expect(page.getByRole('tab', { name: /People/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
  await expect(results(page)).toHaveCount(10);

  const orders = results(page).first();
  await expect(orders.getByRole('link', { name: 'sales.orders', exact: true })).toHaveAttribute('href', '/table_detail/gold/hive/sales/orders');
  await expect(orders.locator('mark').first()).toHaveText('orders');
  // A table whose name and description do not say "orders" says where it matched instead.
  const viaColumn = results(page).filter({ hasText: 'mart_b2b_orders_by_store' });
  await expect(viaColumn.getByText('Column descriptions')).toBeVisible();
  await expect(viaColumn.getByRole('listitem').filter({ hasText: 'joins sales.orders' }).locator('mark')).toHaveText('orders');
  await expectAccessible(page, testInfo, 'search results');
  await capture(page, testInfo, 'search-orders');

  // A tag leads to the tables carrying it, with no term: browsing by the filter — within the app
  // (the results' links are plain links that the app handles): the page is not loaded again.
  await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));
  await orders.getByRole('link', { name: 'kpi', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?term=&filters=/);
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  expect(filtersIn(page.url())).toEqual({ tag: { value: 'kpi' } });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datasets matching the filters');
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('kpi');
  await expect(results(page).first()).toBeVisible();

  // The dashboards tab shows the dashboard and the charts that matched.
  await page.goto('/search?term=orders');
  await page.getByRole('tab', { name: /Dashboards/ }).click();
  await expect(page).toHaveURL(/resource=dashboard/);
  const dashboard = results(page).first();
  await expect(dashboard.getByRole('link', { name: 'Orders Overview' })).toHaveAttribute('href', /^\/dashboard\/tableau_dashboard%3A%2F%2F/);
  await expect(dashboard.getByText('Charts')).toBeVisible();
  await expect(dashboard).toContainText('Orders Map');
  // The dashboards' own filters.
  await expect(page.getByRole('combobox', { name: 'Product' })).toBeVisible();
});

test('filters narrow the results through the URL: typed values, any or all, clear all, and Back restores them', async ({ page }, testInfo) => {
  await page.goto('/search?term=orders');
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();

  // Typing applies after a pause; the URL holds the filter.
  await page.getByRole('textbox', { name: 'Schema' }).fill('sales');
  await expect(page.getByRole('heading', { level: 2, name: '10 tables' })).toBeVisible();
  expect(filtersIn(page.url())).toEqual({ schema: { value: 'sales' } });
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText('10');
  await expect(page.getByRole('link', { name: 'Next' })).toHaveCount(0);
  await expectAccessible(page, testInfo, 'search with filters');
  await capture(page, testInfo, 'search-filtered');

  // Two tags: any of them, then all of them.
  await page.getByRole('textbox', { name: 'Schema' }).fill('');
  await page.getByRole('combobox', { name: 'Tag' }).fill('kpi, revenue');
  await page.getByRole('combobox', { name: 'Tag' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '15 tables' })).toBeVisible();
  const match = page.getByRole('group', { name: 'Match Tag' });
  await expect(match.getByRole('radio', { name: 'Any' })).toBeChecked();
  await match.getByRole('radio', { name: 'All' }).click();
  await expect(match.getByRole('radio', { name: 'All' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: '2 tables' })).toBeVisible();
  expect(filtersIn(page.url())).toEqual({ tag: { value: 'kpi, revenue', filterOperation: 'AND' } });
  await expectAccessible(page, testInfo, 'search with any/all');

  // Back goes to the "any" results, with the fields showing that state.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: '15 tables' })).toBeVisible();
  await expect(match.getByRole('radio', { name: 'Any' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('kpi, revenue');

  // Clear all: every filter goes, and the full count is back.
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('');
  expect(new URL(page.url()).searchParams.has('filters')).toBe(false);
});

test('Next shows the next page from the top with focus on the results heading, and Back returns to the first', async ({ page }) => {
  await page.goto('/search?term=orders');
  await expect(results(page)).toHaveCount(10);
  const firstOfPageOne = await results(page).first().getByRole('heading').textContent();
  await page.getByRole('link', { name: 'Next' }).scrollIntoViewIfNeeded();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText('Showing 11–20 of 98')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(results(page).first().getByRole('heading')).not.toHaveText(firstOfPageOne!);

  await page.goBack();
  await expect(page.getByText('Showing 1–10 of 98')).toBeVisible();
  await expect(results(page).first().getByRole('heading')).toHaveText(firstOfPageOne!);
});

test('the pager lists page numbers, fewer where it is narrow, and past the last page marks none', async ({ page }) => {
  await page.goto('/search?term=cust&page=6');
  const pages = page.getByRole('navigation', { name: 'Result pages' });
  await expect(pages.getByRole('link', { name: 'Page 6' })).toHaveAttribute('aria-current', 'page');
  const last = Number(await pages.getByRole('link').nth(-2).textContent());
  expect(last).toBeGreaterThan(10);
  await expect(pages.getByRole('link')).toHaveText(['Previous', '1', '4', '5', '6', '7', '8', String(last), 'Next']);
  await expect(pages).toContainText(`Page 6 of ${last}`);
  // A number leads to its page, with focus on the results heading, as Next does.
  await pages.getByRole('link', { name: 'Page 8' }).click();
  await expect(page).toHaveURL(/[?&]page=8/);
  await expect(page.getByRole('heading', { level: 2, name: /tables$/ })).toBeFocused();
  await expect(pages.getByRole('link', { name: 'Page 8' })).toHaveAttribute('aria-current', 'page');

  // Narrow: the first, the current and the last; at 320 px Previous and Next are arrows, named as before.
  for (const width of [400, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(pages.getByRole('link')).toHaveText([width === 400 ? 'Previous' : /Previous/, '1', '8', String(last), width === 400 ? 'Next' : /Next/]);
    await expect(pages.getByRole('link', { name: 'Previous' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBeLessThanOrEqual(0);
    const box = (await pages.boundingBox())!;
    const next = (await pages.getByRole('link', { name: 'Next' }).boundingBox())!;
    expect(next.x + next.width, `Next within the pager at ${width} px`).toBeLessThanOrEqual(box.x + box.width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Past the last page: the notice, and a pager that says so instead of "Page n of n".
  await page.goto('/search?term=cust&page=99');
  await expect(page.getByText('This page is past the last page of results', { exact: true })).toBeVisible();
  await expect(pages).toContainText(`Page 99 is past the last page, page ${last}.`);
  await expect(pages).not.toContainText(`of ${last}`);
  await expect(pages.locator('[aria-current]')).toHaveCount(0);
  await expect(pages.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', new RegExp(`page=${last}`));
});

test('a search that finds nothing says so and how to find more', async ({ page }, testInfo) => {
  await page.goto('/search?term=zzqqxx');
  await expect(page.getByText('No tables match “zzqqxx”')).toBeVisible();
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText('0');
  await expectAccessible(page, testInfo, 'empty results');
  await capture(page, testInfo, 'search-empty');

  // Filters that match nothing offer to clear them.
  await page.goto(`/search?term=orders&filters=${encodeURIComponent('{"schema":{"value":"no_such_schema"}}')}`);
  await expect(page.getByText('No tables match “orders” with these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear all filters' }).last().click();
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
});

test('Back after a filter puts the field back, even while it has focus, and leaving it does not apply it again', async ({ page }) => {
  await page.goto('/search?term=orders');
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
  const tag = page.getByRole('combobox', { name: 'Tag' });
  await tag.fill('pii');
  await tag.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ tables$/ })).not.toHaveText('98 tables');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
  await expect(tag).toHaveValue('');
  await page.getByRole('heading', { level: 1 }).click();
  await page.waitForTimeout(600);
  expect(new URL(page.url()).searchParams.has('filters')).toBe(false);
  await expect(page.getByRole('heading', { level: 2, name: '98 tables' })).toBeVisible();
});

test('each tab keeps its filters when people switch tabs and come back, on the first page', async ({ page }) => {
  await page.goto('/search?term=orders');
  await page.getByRole('textbox', { name: 'Schema' }).fill('sales,finance');
  await page.getByRole('textbox', { name: 'Schema' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ tables$/ })).not.toHaveText('98 tables');
  const filtered = await page.getByRole('heading', { level: 2, name: /tables$/ }).textContent();
  await page.getByRole('tab', { name: /Dashboards/ }).click();
  await expect(page.getByRole('combobox', { name: 'Product' })).toBeVisible();
  // The Datasets tab counts what it shows: its own filters.
  await expect(page.getByRole('tab', { name: /Datasets/ })).toContainText(filtered!.replace(/ tables$/, ''));
  await page.getByRole('tab', { name: /Datasets/ }).click();
  await expect(page.getByRole('textbox', { name: 'Schema' })).toHaveValue('sales,finance');
  await expect(page.getByRole('heading', { level: 2, name: filtered! })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('page')).toBe(false);
});

test('a very long term wraps instead of widening the page, and the browser tab names it cut short', async ({ page }, testInfo) => {
  const term = 'orders'.repeat(80);
  await page.goto(`/search?term=${term}`);
  await expect(page.getByText(/^No tables match “(orders)+”$/)).toBeVisible();
  await expect(page).toHaveTitle(/^(orders){9}order… – Search · /);
  await capture(page, testInfo, 'search-long-term');
});

test('a term of punctuation alone says it has nothing to search for', async ({ page }) => {
  await page.goto('/search?term=%25');
  await expect(page.getByTestId('term-not-searched')).toHaveText('“%” has no letters or digits, so there is nothing in it to search for. Type a word, a name or the start of one.');
  await expect(page.getByText('What are you looking for?')).toBeVisible();
});

test('filters typed in a search box (tag:kpi, schema:sales) become filters in the URL and the panel; other words stay the term', async ({ page }, testInfo) => {
  await page.goto('/');
  const home = page.getByTestId('home-search');
  await home.fill('tag:kpi orders');
  await home.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “orders”');
  expect(new URL(page.url()).searchParams.get('term')).toBe('orders');
  expect(filtersIn(page.url())).toEqual({ tag: { value: 'kpi' } });
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('kpi');
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ tables?$/ })).toBeVisible();
  // Fewer than the 98 tables "orders" finds as words: the tag filters them.
  const count = Number((await page.getByRole('heading', { level: 2, name: /tables?$/ }).textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(98);

  // The search page's box adds to the filters there; a quoted value may have spaces; an unknown field stays words.
  const nav = page.getByTestId('nav-search');
  await expect(nav).toHaveValue('orders');
  await nav.fill('schema:sales foo:bar');
  await nav.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “foo:bar”');
  expect(filtersIn(page.url())).toEqual({ tag: { value: 'kpi' }, schema: { value: 'sales' } });
  await expect(page.getByRole('textbox', { name: 'Schema' })).toHaveValue('sales');
  await expect(nav).toHaveValue('foo:bar');
  await capture(page, testInfo, 'search-typed-filters');
});

test('Back from a result opened with the keyboard focuses that result again, where the page was scrolled', async ({ page }) => {
  await page.goto('/search?term=orders');
  await expect(results(page)).toHaveCount(10);
  const seventh = results(page).nth(6).getByRole('heading').getByRole('link');
  const name = await seventh.textContent();
  await seventh.focus();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.goBack();
  // Not the h1 above the window, from where the next Tab would go to the top of the page.
  await expect(results(page).nth(6).getByRole('heading').getByRole('link', { name: name! })).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(results(page).nth(6).getByRole('heading').getByRole('link')).toBeInViewport();
});
