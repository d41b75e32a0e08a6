// Reading a table's page: everything the catalog knows about it, lineage both ways, the dashboards
// built on it, nested column types, a deep link to a column, the link a join hint leads to, Markdown,
// and a table that is not there.
import type { Page, TestInfo } from '@playwright/test';
import { callFromPage } from './call-from-page';
import { captureWidths, expect, expectAccessible, test } from './fixtures';
import { ingestRecords } from './ingest-records';

/** Screenshots from the top of the page (the nav bar sticks to the top of the window). */
async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

const ORDERS = '/table_detail/gold/hive/sales/orders';
const CUSTOMERS = '/table_detail/gold/hive/core/customers';
const PROMO_DEALS = '/table_detail/sandbox/bigquery/sales/int_promo_deals_by_region';

test('a table page shows what the catalog knows, with its downstream lineage and a join hint that leads to the joined table', async ({ page }, testInfo) => {
  await page.goto(ORDERS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  await expect(page.getByText('Every order placed in the web shop')).toBeVisible();
  // Its schema's description, from the embedded catalog (decision 045's pass: served, never shown).
  await expect(page.getByTestId('schema-description')).toHaveText('Schema sales: Orders, returns and the sales pipeline');

  // Columns are numbered from 1.
  const rows = page.getByTestId('column-row');
  await expect(rows).toHaveCount(10);
  await expect(rows.first().locator('td').first()).toHaveText('1');
  await expect(rows.last().locator('td').first()).toHaveText('10');

  // Facts: last updated and watermarks as dates, owners, frequent users, tags and badges as links.
  await expect(page.getByTestId('last-updated')).toContainText(/\w{3} \d{2}, \d{4}/);
  await expect(page.getByTestId('watermarks')).toContainText(/created \w{3} \d{2}, \d{4}/);
  await expect(page.getByTestId('watermarks')).not.toContainText('T00:');
  await expect(page.getByTestId('owners')).toContainText('Fridtjof Nansen');
  await expect(page.getByRole('link', { name: 'kpi' })).toHaveAttribute('href', /\/search\?.*filters=.*kpi/);
  await expect(page.getByRole('link', { name: 'Airflow' })).toHaveAttribute('href', /^https:\/\/airflow\.example\.org\//);

  // Downstream lineage, by level, linked to each table's page.
  const downstream = page.getByTestId('lineage-downstream');
  await expect(downstream.getByRole('heading', { name: 'Direct downstream' })).toBeVisible();
  await expect(downstream.getByRole('link', { name: 'sales.dim_mobile_refunds_weekly' })).toHaveAttribute('href', '/table_detail/gold/hive/sales/dim_mobile_refunds_weekly');
  await expect(page.getByTestId('lineage-upstream')).toContainText('No table feeds sales.orders.');

  await expectAccessible(page, testInfo, 'table page');
  await capture(page, testInfo, 'table-orders');

  // "joins core.customers" leads straight to that table.
  const join = rows.filter({ hasText: 'customer_id' }).getByTestId('join-link');
  await expect(join).toHaveText('core.customers');
  await expect(join).toHaveAttribute('href', CUSTOMERS);
  await join.click();
  await expect(page).toHaveURL(CUSTOMERS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.customers');
});

test('a table page lists upstream lineage by level and the dashboards built on the table', async ({ page }, testInfo) => {
  await page.goto(PROMO_DEALS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.int_promo_deals_by_region');

  const upstream = page.getByTestId('lineage-upstream');
  await expect(upstream.getByRole('heading', { name: /Upstream/ })).toContainText('3');
  await expect(upstream.getByRole('heading', { name: 'Direct upstream' })).toBeVisible();
  await expect(upstream.getByRole('heading', { name: '2 steps away upstream' })).toBeVisible();
  const twoAway = upstream.getByTestId('lineage-item').filter({ hasText: 'raw_vip_price_changes_v2' });
  await expect(twoAway).toContainText('via sales.snap_subscription_orders_changes');
  await expect(twoAway.getByRole('link')).toHaveAttribute('href', '/table_detail/lakehouse/delta/sales/raw_vip_price_changes_v2');

  const dashboards = page.getByTestId('table-dashboards');
  await expect(dashboards.getByRole('heading', { name: /Dashboards/ })).toContainText('1');
  await expect(dashboards.getByRole('link', { name: 'Churn Overview' })).toHaveAttribute('href', `/dashboard/${encodeURIComponent('looker_dashboard://prod.growth_looker/churn_overview_0')}`);
  await expectAccessible(page, testInfo, 'table with upstream lineage and dashboards');
  await capture(page, testInfo, 'table-promo-deals');
});

test('a deep link to a column scrolls to it, marks it and opens its details; its link can be copied', async ({ page, context, baseURL }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/table_detail/shop_db/postgres/content/fct_vip_search_clicks_latest?column=supplier_id');

  const row = page.getByTestId('column-row').filter({ has: page.getByRole('button', { name: 'supplier_id', exact: true }) });
  await expect(row).toHaveClass(/columns-table__row--target/);
  await expect(row).toBeInViewport();
  const toggle = row.getByRole('button', { name: 'supplier_id', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toBeFocused();
  await expect(row.locator('td').first()).toHaveText('16');

  const details = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  await expect(details.getByRole('table', { name: 'Statistics' })).toContainText('Distinct values');
  await expectAccessible(page, testInfo, 'column deep link');

  await details.getByTestId('copy-column-link').click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/table_detail/shop_db/postgres/content/fct_vip_search_clicks_latest?column=supplier_id`);

  // Any column opens and closes from the keyboard.
  const other = page.getByTestId('column-row').filter({ has: page.getByRole('button', { name: 'event_time', exact: true }) }).getByRole('button', { name: 'event_time', exact: true });
  await other.focus();
  await page.keyboard.press('Enter');
  await expect(other).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('No statistics or nested fields recorded for this column.')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(other).toHaveAttribute('aria-expanded', 'false');
});

test('descriptions from other sources render as Markdown, nested column types open and close, and column statistics show', async ({ page }, testInfo) => {
  // The demo catalog has no nested types: give customers a struct column in the BFF's real answer.
  await page.route('**/api/metadata/v0/table?key=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const key = body.tableData.key as string;
    const field = (name: string, data_type: string, sort_order: number, extra: object = {}) => ({
      kind: 'scalar', name, key: `${key}/shipping_address/type/${name}`, description: null, data_type, sort_order, badges: [], children: [], ...extra,
    });
    body.tableData.columns.push({
      name: 'shipping_address',
      key: `${key}/shipping_address`,
      description: 'Where orders go by default',
      col_type: 'struct<street:string,geo:struct<lat:double,lon:double>>',
      sort_order: 99,
      stats: [],
      badges: [],
      type_metadata: field('shipping_address', 'struct<street:string,geo:struct<lat:double,lon:double>>', 0, {
        kind: 'struct',
        children: [
          field('street', 'string', 0, { description: 'Street and house number', badges: [{ badge_name: 'PII', category: 'column' }] }),
          field('geo', 'struct<lat:double,lon:double>', 1, { kind: 'struct', children: [field('lat', 'double', 0), field('lon', 'double', 1)] }),
        ],
      }),
    });
    await route.fulfill({ response, json: body });
  });
  await page.goto(CUSTOMERS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.customers');

  // Markdown: "### Data quality" and a list, not the raw text.
  const quality = page.getByTestId('programmatic-description');
  await expect(quality.getByRole('heading', { name: 'Data quality' })).toBeVisible();
  await expect(quality.getByRole('listitem')).toHaveText(['freshness: 1 h', 'duplicate customer_id: 0']);
  await expect(quality).not.toContainText('###');
  await expect(page.getByRole('link', { name: /^Data Profile/ })).toHaveAttribute('href', 'https://reports.example.org/profile/hive/core/customers');

  // Statistics of customer_id, with thousands separators.
  await page.getByRole('button', { name: 'customer_id', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Statistics' })).toContainText('1,843,211');

  // The nested type: the first level is listed, deeper levels open and close from the keyboard.
  const column = page.getByRole('button', { name: 'shipping_address', exact: true });
  await column.click();
  const tree = page.getByRole('list', { name: 'Nested fields of shipping_address' });
  await expect(tree.getByText('Street and house number')).toBeVisible();
  await expect(tree.getByText('PII')).toBeVisible();
  const geo = tree.getByRole('button', { name: /^geo/ });
  await expect(geo).toHaveAttribute('aria-expanded', 'false');
  await geo.focus();
  await page.keyboard.press('Enter');
  await expect(geo).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('list', { name: 'Fields of geo' }).getByTestId('type-node')).toHaveCount(2);
  await expectAccessible(page, testInfo, 'nested column type');
  await capture(page, testInfo, 'table-customers-nested');
});

test('an unknown table says so and offers a way on', async ({ page }, testInfo) => {
  await page.goto('/table_detail/gold/hive/core/no_such_table');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Table not found');
  await expect(page.getByText('hive://gold.core/no_such_table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Search for “no_such_table”' })).toHaveAttribute('href', '/search?term=no_such_table');
  await expect(page.getByRole('link', { name: 'Tables in core' })).toHaveAttribute('href', /filters=/);
  await expectAccessible(page, testInfo, 'unknown table');
  await capture(page, testInfo, 'table-unknown');
});

test('at 800 px a long table name with nothing to break after wraps in the messages that name it: no sideways scroll', async ({ page, catalogDbPath }, testInfo) => {
  // No lineage and no dashboard: the page says so three times, naming the table each time.
  const name = `lonely_${'n'.repeat(110)}`;
  await ingestRecords(catalogDbPath, [{ type: 'table', database: 'hive', cluster: 'gold', schema: 'e2e_long', name, columns: [{ name: 'id', col_type: 'bigint' }] }]);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`/table_detail/gold/hive/e2e_long/${name}`);
  await expect(page.getByTestId('lineage-upstream')).toContainText(`No table feeds e2e_long.${name}.`);
  await expect(page.getByTestId('lineage-downstream')).toContainText(`No table is built from e2e_long.${name}.`);
  await expect(page.getByTestId('table-dashboards')).toContainText(`No dashboard uses e2e_long.${name}.`);
  await capture(page, testInfo, 'table-long-name-messages');
});

test('at 800 px long column names wrap only after an underscore, never inside a word', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto('/table_detail/prod/snowflake/marketing/dim_gift_newsletter_subscriptions_snapshot');
  const names = page.getByTestId('column-toggle');
  await expect(names.first()).toBeVisible();
  // Each piece between break opportunities (text nodes split by <wbr>) sits on one line.
  const broken = await names.evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      const walker = document.createTreeWalker(button.querySelector('.disclosure__label')!, NodeFilter.SHOW_TEXT);
      const pieces: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) pieces.push(node.textContent ?? '');
      }
      return pieces;
    }),
  );
  expect(broken).toEqual([]);
  // And the longest name does wrap (the check above is not vacuous).
  const longest = page.getByRole('button', { name: 'newsletter_subscription_id', exact: true });
  const height = await longest.evaluate((el) => el.getBoundingClientRect().height);
  const lineHeight = await longest.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(Math.round(height / lineHeight), 'newsletter_subscription_id takes two lines at 800 px').toBeGreaterThan(1);
  await capture(page, testInfo, 'table-long-column-names');
});

test.describe('with the browser in Los Angeles', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  // Decision 045: a statistic of the UTC day May 31 read "May 30, 2025 – May 31, 2025" west of UTC.
  // The demo's days are counted back from when it was built (decision 112): the day is the catalog's.
  test('a statistic of one day reads as that day, times name their zone, and a watermark time without a zone is shown as written', async ({ page }) => {
    await page.goto('/table_detail/gold/hive/core/customers?column=customer_id');
    const stats = page.getByRole('table', { name: 'Statistics' });
    const { tableData } = (await callFromPage(page, 'GET', `/api/metadata/v0/table?key=${encodeURIComponent('hive://gold.core/customers')}`)).body as {
      tableData: { columns: { name: string; stats: { start_epoch: number; end_epoch: number }[] }[] };
    };
    const [stat] = tableData.columns.find((c) => c.name === 'customer_id')!.stats;
    expect(stat!.end_epoch - stat!.start_epoch, 'one whole UTC day').toBe(86_400);
    const utcDay = (epochSeconds: number) =>
      new Date(epochSeconds * 1000).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: '2-digit', year: 'numeric' });
    await expect(stats).toContainText(utcDay(stat!.start_epoch)); // "May 31, 2025" for the day of May 31
    await expect(stats).not.toContainText(utcDay(stat!.start_epoch - 86_400).replace(/, \d{4}$/, '')); // not "May 30"
    await expect(stats).not.toContainText('–');
    await expect(page.getByTestId('last-updated')).toContainText(/ P[DS]T$/);
    await expect(page.getByTestId('watermarks')).toContainText('(no time zone given)');
  });
});
