// Reading a dashboard's page: what it shows, its queries, the tables it reads (and the way back to
// them), how its last run went, the link to the dashboard itself; and a dashboard that is not there.
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

/** Screenshots from the top of the page (the nav bar sticks to the top of the window). */
async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

const CHURN = 'looker_dashboard://prod.growth_looker/churn_overview_0';
const churnPath = `/dashboard/${encodeURIComponent(CHURN)}`;

test('a dashboard page shows its charts, queries, tables, owners and last run, and links to the dashboard', async ({ page }, testInfo) => {
  await page.goto(churnPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
  await expect(page.getByText('Dashboard · Looker')).toBeVisible();
  await expect(page.getByText('Churn overview for the Growth team')).toBeVisible();

  const open = page.getByTestId('open-dashboard');
  await expect(open).toHaveText('Open in Looker (opens in a new tab)');
  await expect(open).toHaveAttribute('href', 'https://example.looker.com/dashboards/churn_overview_0');
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /noopener/);
  await expect(page.getByRole('link', { name: /^Growth/ }).first()).toHaveAttribute('href', 'https://example.looker.com/spaces/growth_looker');

  await expect(page.getByRole('heading', { name: /^Charts/ })).toContainText('3');
  await expect(page.getByText('Churn Year over Year')).toBeVisible();
  const query = page.getByTestId('dashboard-query').first();
  await expect(query.getByRole('link', { name: /Churn query 1/ })).toHaveAttribute('href', /^https:\/\/example\.looker\.com\//);
  await expect(query.locator('pre code')).toHaveText('SELECT ds, count(*) FROM growth.churn GROUP BY ds');

  await expect(page.getByTestId('last-run')).toContainText(/\w{3} \d{2}, \d{4}/);
  await expect(page.getByTestId('last-run')).toContainText('Succeeded');
  await expect(page.getByTestId('owners')).toContainText('Shafi Goldwasser');
  await expect(page.getByRole('link', { name: 'certified' })).toHaveAttribute('href', /resource=dashboard/);

  await expectAccessible(page, testInfo, 'dashboard page');
  await capture(page, testInfo, 'dashboard-churn');

  // Tables used lead to their pages; a table lists the dashboards built on it, which lead back.
  await page.getByRole('link', { name: 'sales.int_promo_deals_by_region' }).click();
  await expect(page).toHaveURL('/table_detail/sandbox/bigquery/sales/int_promo_deals_by_region');
  const dashboards = page.getByTestId('table-dashboards');
  await dashboards.getByRole('link', { name: 'Churn Overview' }).click();
  await expect(page).toHaveURL(churnPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
});

test('a dashboard with no owners and no run says so, and a long code line in its description scrolls in its block', async ({ page }, testInfo) => {
  // The demo dashboards all have owners and runs: take them out of the BFF's real answer.
  const code = `SELECT ${Array.from({ length: 40 }, (_, i) => `column_${i}`).join(', ')} FROM growth.churn;`;
  await page.route('**/api/metadata/v0/dashboard?uri=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    Object.assign(body.dashboard, { owners: [], last_run_timestamp: null, last_run_state: null, description: `Rows to copy:\n\n\`\`\`\n${code}\n\`\`\`\n` });
    await route.fulfill({ response, json: body });
  });
  await page.goto(churnPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
  const facts = page.getByRole('complementary', { name: 'About this dashboard' });
  await expect(facts.getByTestId('owners')).toHaveText(/^Owners\s*No owners$/);
  await expect(facts.locator('.fact-list__item').filter({ has: page.getByText('Last run', { exact: true }) })).toHaveText(/^Last run\s*Never run$/);
  const description = page.locator('.dashboard-page__description pre');
  await expect(description).toContainText(code);
  await capture(page, testInfo, 'dashboard-empty-facts-long-code');
  expect(await description.evaluate((pre) => pre.scrollWidth > pre.clientWidth), 'the code line scrolls inside its block').toBe(true);
});

test('an unknown dashboard gets a page that says so, with a way on', async ({ page }, testInfo) => {
  await page.goto(`/dashboard/${encodeURIComponent('looker_dashboard://prod.growth_looker/no_such_dashboard')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard not found');
  await expect(page.getByText('looker_dashboard://prod.growth_looker/no_such_dashboard')).toBeVisible();
  const search = page.getByRole('link', { name: 'Search dashboards for “no such dashboard”' });
  await expect(search).toHaveAttribute('href', /resource=dashboard/);
  await expectAccessible(page, testInfo, 'unknown dashboard');
  await capture(page, testInfo, 'dashboard-unknown');
});

test('an address that cannot be a dashboard’s gets the same "Dashboard not found" page, with nothing to retry', async ({ page }, testInfo) => {
  await page.goto('/dashboard/nope');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard not found');
  await expect(page.getByText('There is no dashboard nope in the catalog.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Search dashboards for “nope”' })).toHaveAttribute('href', /resource=dashboard/);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(page.getByText(/is not a dashboard uri/)).toHaveCount(0);
  await expectAccessible(page, testInfo, 'malformed dashboard address');
  await capture(page, testInfo, 'dashboard-malformed');
});

test('a group name that is one long word wraps under the title, not past the window, at 1280, 800 and 400 px', async ({ page }, testInfo) => {
  const long = 'growth_marketing_and_customer_lifetime_value_reporting_shared_space_for_everyone';
  await page.route('**/api/metadata/v0/dashboard?uri=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.dashboard.group_name = long;
    await route.fulfill({ response, json: body });
  });
  await page.goto(churnPath);
  await expect(page.getByRole('link', { name: new RegExp(`^${long}`) }).first()).toBeVisible();
  await capture(page, testInfo, 'dashboard-long-group');
  await page.setViewportSize({ width: 400, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the dashboard page scrolls sideways at 400 px').toBeLessThanOrEqual(0);
});
