// The lineage graph: opened from a table page, it shows the tables upstream and downstream, follows
// the depth chosen, pans and zooms with the keyboard, and a table on it opens that table's page.
import type { Page } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

// In the demo catalog: fed by two tables, feeding three, which feed three more.
const TABLE = '/table_detail/lakehouse/delta/sales/int_fraud_price_changes_by_region';
const GRAPH = '/lineage/table/lakehouse/delta/sales/int_fraud_price_changes_by_region';

const graph = (page: Page) => page.getByTestId('lineage-graph');
const node = (page: Page, name: string) => graph(page).getByRole('link', { name: new RegExp(`^${name.replace(/\./g, '\\.')},`) });

/** The graph's pan and zoom, as React Flow applies it to its viewport. */
const viewportTransform = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);

test('the lineage graph opens from a table page, shows both directions, follows the depth and leads to a table', async ({ page }, testInfo) => {
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.int_fraud_price_changes_by_region');
  await page.getByRole('link', { name: 'Lineage', exact: true }).click();
  await expect(page).toHaveURL(GRAPH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.int_fraud_price_changes_by_region');

  // The UI config's default depth (5) reaches everything: 2 upstream, 3 direct and 3 further downstream.
  await expect(page.getByLabel('Depth')).toHaveValue('5');
  await expect(graph(page).getByTestId('lineage-node')).toHaveCount(9);
  await expect(node(page, 'sales.int_fraud_price_changes_by_region')).toHaveAccessibleName('sales.int_fraud_price_changes_by_region, current table');
  await expect(graph(page).locator('[data-role="current"]')).toHaveCount(1);
  await expect(node(page, 'sales.stg_priority_carts_history')).toHaveAccessibleName('sales.stg_priority_carts_history, upstream, 1 step away');
  await expect(node(page, 'sales.fct_fraud_quotes_funnel')).toHaveAccessibleName('sales.fct_fraud_quotes_funnel, downstream, 1 step away');
  await expect(node(page, 'sales.mart_b2b_orders_by_store')).toHaveAccessibleName('sales.mart_b2b_orders_by_store, downstream, 2 steps away');
  await expect(page.getByTestId('lineage-summary')).toHaveText('2 upstream and 6 downstream within 5 steps.');
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('This table');
  await expectAccessible(page, testInfo, 'lineage graph');
  await captureWidths(page, testInfo, 'lineage-graph');

  // One step: only the direct neighbours; the URL keeps the depth.
  await page.getByLabel('Depth').selectOption('1');
  await expect(page).toHaveURL(`${GRAPH}?depth=1`);
  await expect(graph(page).getByTestId('lineage-node')).toHaveCount(6);
  await expect(node(page, 'sales.mart_b2b_orders_by_store')).toHaveCount(0);
  await expect(page.getByTestId('lineage-summary')).toContainText('2 upstream and 3 downstream within 1 step (2 upstream and 6 downstream at any depth');

  // The keyboard pans and zooms the graph.
  const before = await viewportTransform(page);
  await page.getByRole('group', { name: /^Lineage graph of/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => viewportTransform(page)).not.toBe(before);
  const panned = await viewportTransform(page);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => viewportTransform(page)).not.toBe(panned);

  // Tab goes from the graph to its tables in reading order (upstream first, top to bottom); Enter opens one's page.
  await page.getByRole('group', { name: /^Lineage graph of/ }).focus();
  await page.keyboard.press('Tab');
  await expect(node(page, 'sales.stg_priority_carts_history')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(node(page, 'sales.snap_automated_returns_changes')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(node(page, 'sales.stg_priority_carts_history')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/table_detail/dw/redshift/sales/stg_priority_carts_history');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.stg_priority_carts_history');
});

test('a click on a table of the graph opens its page, and the list view shows the same lineage', async ({ page }, testInfo) => {
  await page.goto(`${GRAPH}?depth=2`);
  await expect(graph(page).getByTestId('lineage-node')).toHaveCount(9);

  // The choice lives in the URL: the radio shows it once the navigation (a transition) is done.
  await page.getByRole('radio', { name: 'List' }).click();
  await expect(page.getByRole('radio', { name: 'List' })).toBeChecked();
  await expect(page).toHaveURL(`${GRAPH}?depth=2&view=list`);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'List' })).toBeChecked();
  const list = page.getByTestId('lineage-list');
  await expect(list.getByRole('heading', { name: /Upstream/ })).toContainText('2');
  await expect(list.getByRole('heading', { name: /Downstream/ })).toContainText('6');
  await expect(list.getByRole('listitem').filter({ hasText: 'sales.stg_priority_carts_history' })).toContainText('feeds sales.int_fraud_price_changes_by_region');
  await expectAccessible(page, testInfo, 'lineage list');
  await captureWidths(page, testInfo, 'lineage-list');

  // The choice lives in the URL: the radio shows it once the navigation (a transition) is done.
  await page.getByRole('radio', { name: 'Graph' }).click();
  await expect(page.getByRole('radio', { name: 'Graph' })).toBeChecked();
  await expect(page).toHaveURL(`${GRAPH}?depth=2`);
  await expect(graph(page).getByTestId('lineage-node')).toHaveCount(9);

  // The mouse drags the graph, also when it starts on a table, and the wheel zooms it.
  const box = (await node(page, 'sales.fct_fraud_quotes_funnel').boundingBox())!;
  const start = await viewportTransform(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewportTransform(page)).not.toBe(start);
  await expect(page).toHaveURL(`${GRAPH}?depth=2`);
  const dragged = await viewportTransform(page);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => viewportTransform(page)).not.toBe(dragged);

  await node(page, 'sales.fct_fraud_quotes_funnel').click();
  await expect(page).toHaveURL('/table_detail/crm_db/postgres/sales/fct_fraud_quotes_funnel');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.fct_fraud_quotes_funnel');
});

test('a table or column without lineage says so, and a table that is not there gets a clear message', async ({ page }, testInfo) => {
  await page.goto('/lineage/table/sandbox/bigquery/marketing/snap_vip_ad_impressions_errors');
  await expect(page.getByText('No lineage', { exact: true })).toBeVisible();
  await expect(page.getByText('The catalog knows nothing that feeds marketing.snap_vip_ad_impressions_errors or is built from it.')).toBeVisible();

  // Column lineage: the demo catalog has none, so the column's graph is empty; the URL names the column.
  await page.goto(GRAPH);
  await expect(graph(page).getByTestId('lineage-node')).toHaveCount(9);
  await page.getByLabel('Column').selectOption('account_id');
  await expect(page).toHaveURL(`${GRAPH}?column=account_id`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.int_fraud_price_changes_by_region.account_id');
  await expect(page.getByText('The catalog knows nothing that feeds sales.int_fraud_price_changes_by_region.account_id or is built from it.')).toBeVisible();

  await page.goto('/lineage/table/gold/hive/sales/no_such_table');
  await expect(page.getByText('The catalog has no table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the table page' })).toHaveCount(0);
  await captureWidths(page, testInfo, 'lineage-missing-table');
});

test('a depth the page cannot show is corrected in the URL to the depth it shows, without a history entry', async ({ page }) => {
  await page.goto(TABLE);
  for (const bad of ['99', '0', 'abc']) {
    await page.goto(`${GRAPH}?depth=${bad}&view=list`);
    await expect(page).toHaveURL(`${GRAPH}?view=list`);
    await expect(page.getByLabel('Depth')).toHaveValue('5');
    await expect(page.getByTestId('lineage-summary')).toContainText('within 5 steps');
  }
  await page.goBack();
  await expect(page).toHaveURL(`${GRAPH}?view=list`);
  await page.goBack();
  await expect(page).toHaveURL(`${GRAPH}?view=list`);
  await page.goBack();
  await expect(page).toHaveURL(TABLE);
});
