// Imported text as it is stored (decision 059): a view's SQL shown as code, exactly — `'__init__'`
// not made bold, its lines kept, long lines scrolling sideways, copied as stored; a 56,000-character
// description clamped with a "Show more" that opens and closes it from the keyboard; and a dashboard
// from a dbt exposure that opens its dashboard, not "dbt". The BFF's real answers, changed in flight,
// so nothing in the catalog changes.
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

const CUSTOMERS = '/table_detail/gold/hive/core/customers';
const CHURN = 'looker_dashboard://prod.growth_looker/churn_overview_0';
const VIEW_SQL = [
  ' SELECT o.id,',
  "    '__init__'::text AS phase,",
  "    'a_literal_long_enough_to_be_wider_than_any_page_so_that_the_block_scrolls_sideways_instead_of_wrapping_it'::text AS note",
  '   FROM (sales.orders o',
  '     JOIN sales.customers c ON ((c.id = o.customer_id)))',
  "  WHERE (o.status = 'paid'::text);",
].join('\n');
const LONG = 'Voyage log: course north through drifting ice, depth and wind noted every four hours. '.repeat(660); // 56,100 characters

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

test('a view definition shows exactly as stored and copies so; a 56,000-character description is clamped and opens from the keyboard', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.route('**/api/metadata/v0/table?key=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.tableData.description = LONG;
    body.tableData.programmatic_descriptions = [
      { source: 'foreign keys', text: 'customer_id → core.accounts (id)\nregion_id → core.regions (id)' },
      { source: 'view definition', text: VIEW_SQL },
    ];
    await route.fulfill({ response, json: body });
  });
  await page.goto(CUSTOMERS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.customers');

  const view = page.getByRole('region', { name: 'view definition' });
  const code = view.locator('pre code');
  await expect(code).toHaveText(VIEW_SQL, { useInnerText: true });
  expect(await code.evaluate((node) => node.textContent)).toBe(VIEW_SQL);
  await expect(view.locator('strong')).toHaveCount(0);
  // Wider than its box: it scrolls sideways, and so is a named Tab stop (decision 038); the page does not.
  const pre = view.locator('pre');
  await expect(pre).toHaveAttribute('tabindex', '0');
  await view.getByRole('button', { name: 'Copy the view definition' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(VIEW_SQL);
  await expect(page.getByRole('region', { name: 'foreign keys' })).toContainText('customer_id → core.accounts (id)');

  // The description: about 12 lines, not 35,000 px.
  const more = page.getByRole('button', { name: 'Show more of the description of core.customers' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const clampedHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(clampedHeight).toBeLessThan(4_000);
  await capture(page, testInfo, 'imported-view-definition-and-long-description');
  await expectAccessible(page, testInfo, 'view definition and a clamped description');

  await more.focus();
  await page.keyboard.press('Enter');
  const less = page.getByRole('button', { name: 'Show less of the description of core.customers' });
  await expect(less).toHaveAttribute('aria-expanded', 'true');
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(10_000);
  // Open, "Show less" stays at the foot of the window while the text runs on.
  await page.evaluate(() => window.scrollTo(0, 3_000));
  await expect(less).toBeInViewport();
  await less.press('Space');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(clampedHeight);
});

test('a dashboard from a dbt exposure opens its dashboard, and names the exposure type instead of "In dashboard"', async ({ page }, testInfo) => {
  await page.route('**/api/metadata/v0/dashboard?uri=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    Object.assign(body.dashboard, { product: 'dbt', group_name: 'dashboard', group_url: null, url: 'https://bi.example.org/d/1' });
    await route.fulfill({ response, json: body });
  });
  await page.goto(`/dashboard/${encodeURIComponent(CHURN)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
  const open = page.getByTestId('open-dashboard');
  await expect(open).toHaveText('Open dashboard (opens in a new tab)');
  await expect(open).toHaveAttribute('href', 'https://bi.example.org/d/1');
  await expect(page.getByText('Declared in dbt as an exposure of type dashboard')).toBeVisible();
  await expect(page.getByText('In dashboard', { exact: true })).toHaveCount(0);
  await expectAccessible(page, testInfo, 'a dbt exposure');
  await capture(page, testInfo, 'dbt-exposure-dashboard');
});
