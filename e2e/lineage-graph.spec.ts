// The lineage graph: opened from a table page, it shows the tables upstream and downstream, follows
// the depth chosen, pans and zooms with the keyboard, and a table on it opens that table's page.
import type { Page } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';
import { ingestRecords } from './ingest-records';

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
  // No cycle: every edge runs left to right, none is drawn backwards, and the legend does not explain one.
  await expect(graph(page).locator('.react-flow__edge')).toHaveCount(8);
  await expect(graph(page).locator('.lineage-edge--back')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Legend' })).not.toContainText('Dashed');
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

const table = (schema: string, name: string) => ({ type: 'table', database: 'hive', cluster: 'gold', schema, name, columns: [{ name: 'id', col_type: 'bigint' }] });
const feeds = (schema: string, upstream: string, downstream: string) => ({ type: 'lineage', upstream: `hive://gold.${schema}/${upstream}`, downstream: `hive://gold.${schema}/${downstream}` });

test('a cycle draws its backward edge round the tables, dashed, not straight back through them', async ({ page, catalogDbPath }, testInfo) => {
  // a feeds b, b feeds c, c feeds a: laid out b | c | a, so "a feeds b" goes right to left.
  await ingestRecords(catalogDbPath, [table('e2e_cycle', 'a'), table('e2e_cycle', 'b'), table('e2e_cycle', 'c'), feeds('e2e_cycle', 'a', 'b'), feeds('e2e_cycle', 'b', 'c'), feeds('e2e_cycle', 'c', 'a')]);
  await page.goto('/lineage/table/gold/hive/e2e_cycle/a');
  await expect(graph(page).getByTestId('lineage-node')).toHaveCount(3);
  await expect(graph(page).locator('.react-flow__edge')).toHaveCount(3);
  const back = graph(page).locator('.react-flow__edge.lineage-edge--back');
  await expect(back).toHaveCount(1);
  await expect(back).toHaveAttribute('aria-label', 'e2e_cycle.a feeds e2e_cycle.b');
  await expect(back.locator('.react-flow__edge-path')).toHaveCSS('stroke-dasharray', /\d/);
  // Its line leaves every table's box: it runs above (or below) them all, and enters b from the left.
  const shape = await page.evaluate(() => {
    const path = document.querySelector<SVGPathElement>('.lineage-edge--back .react-flow__edge-path')!;
    const box = path.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('[data-testid="lineage-node"]')].map((n) => n.getBoundingClientRect());
    const b = [...document.querySelectorAll<HTMLElement>('[data-testid="lineage-node"]')].find((n) => n.textContent?.includes('e2e_cycle.b'))!.getBoundingClientRect();
    const end = path.getPointAtLength(path.getTotalLength());
    const beforeEnd = path.getPointAtLength(path.getTotalLength() - 4);
    return {
      clear: box.top < Math.min(...nodes.map((n) => n.top)) || box.bottom > Math.max(...nodes.map((n) => n.bottom)),
      // In the path's own coordinates: the last few pixels move to the right, into b's left side.
      entersFromLeft: end.x > beforeEnd.x && Math.abs(end.y - beforeEnd.y) < 0.5,
      // On screen, the line ends at b's left side, halfway down (the arrowhead sits on it).
      endsAtB: (() => {
        const onScreen = new DOMPoint(end.x, end.y).matrixTransform(path.getScreenCTM()!);
        return Math.abs(onScreen.x - b.left) < 8 && Math.abs(onScreen.y - (b.top + b.bottom) / 2) < 8;
      })(),
    };
  });
  expect(shape).toEqual({ clear: true, entersFromLeft: true, endsAtB: true });
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Dashed arrow: data flowing back to an earlier table, closing a cycle');
  await expectAccessible(page, testInfo, 'lineage cycle');
  await captureWidths(page, testInfo, 'lineage-cycle');
});

test('a table page shows the nearest 10 tables of each side of a big lineage, then 100 more at a time, a filter, and a link per side to the lineage page', async ({ page, catalogDbPath }, testInfo) => {
  const ups = Array.from({ length: 30 }, (_, i) => `up_${String(i).padStart(2, '0')}`);
  // 176 tables in all: the lineage page draws only those in view (LARGE_GRAPH, 150).
  const downs = Array.from({ length: 145 }, (_, i) => `down_${String(i).padStart(3, '0')}`);
  await ingestRecords(catalogDbPath, [
    table('e2e_big', 'hub'),
    ...[...ups, ...downs].map((name) => table('e2e_big', name)),
    ...ups.map((name) => feeds('e2e_big', name, 'hub')),
    ...downs.map((name) => feeds('e2e_big', 'hub', name)),
  ]);
  await page.goto('/table_detail/gold/hive/e2e_big/hub');
  const upstream = page.getByTestId('lineage-upstream');
  const downstream = page.getByTestId('lineage-downstream');
  await expect(upstream.getByTestId('lineage-item')).toHaveCount(10);
  await expect(downstream.getByTestId('lineage-item')).toHaveCount(10);
  await expect(upstream.getByRole('heading', { name: /Upstream/ })).toContainText('30');
  await expect(downstream.getByRole('status')).toHaveText('Showing the nearest 10 of 145.');
  await expect(upstream.getByTestId('lineage-item').first()).toContainText('e2e_big.up_00');
  // Both sides capped: each link to the lineage page says which side it is for (no two links of one name).
  const pageLinks = page.getByTestId('lineage').getByRole('link', { name: /^Open the lineage page/ });
  await expect(pageLinks).toHaveCount(2);
  await expect(pageLinks.nth(0)).toHaveAccessibleName('Open the lineage page for all 30 upstream tables');
  await expect(pageLinks.nth(1)).toHaveAccessibleName('Open the lineage page for all 145 downstream tables');
  const linkNames = await page.getByTestId('lineage').getByRole('link').evaluateAll((links) => links.map((l) => (l as HTMLElement).innerText.trim()));
  expect(new Set(linkNames).size, `links of one name in the Lineage section: ${linkNames.join(' | ')}`).toBe(linkNames.length);
  await page.getByTestId('lineage').scrollIntoViewIfNeeded();
  await captureWidths(page, testInfo, 'lineage-capped');
  await expectAccessible(page, testInfo, 'capped lineage lists');

  // The keyboard adds 100 more, then the last 35; the focus goes to the first table added each time.
  const more = downstream.getByTestId('lineage-downstream-more');
  await expect(more).toHaveAccessibleName('Show 100 more downstream tables');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(downstream.getByTestId('lineage-item')).toHaveCount(110);
  await expect(downstream.getByRole('status')).toHaveText('Showing 110 of 145.');
  await expect(downstream.getByRole('link', { name: 'e2e_big.down_010', exact: true })).toBeFocused();
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await downstream.locator('.lineage__more').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-lineage-110-shown-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(more).toHaveAccessibleName('Show the last 35 downstream tables');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(downstream.getByTestId('lineage-item')).toHaveCount(145);
  await expect(downstream.getByRole('status')).toHaveText('Showing all 145.');
  await expect(downstream.getByRole('link', { name: 'e2e_big.down_110', exact: true })).toBeFocused();
  await expect(more).toHaveCount(0);
  // Back to the nearest 10: the focus goes to "Show 100 more", in view.
  await downstream.getByRole('button', { name: 'Show the nearest 10 only' }).focus();
  await page.keyboard.press('Enter');
  await expect(downstream.getByTestId('lineage-item')).toHaveCount(10);
  await expect(more).toBeFocused();
  await expect(more).toBeInViewport();

  // The filter finds a table among all 145, not only among those shown.
  await downstream.getByRole('searchbox', { name: 'Filter downstream tables' }).fill('down_14');
  await expect(downstream.getByTestId('lineage-item')).toHaveCount(5);
  await expect(downstream.getByRole('status')).toHaveText('Showing 5 of the 5 matching “down_14” (of 145).');
  await expectAccessible(page, testInfo, 'filtered lineage list');

  await downstream.getByRole('link', { name: 'Open the lineage page for all 145 downstream tables' }).click();
  await expect(page).toHaveURL('/lineage/table/gold/hive/e2e_big/hub');
  // The big graph opens on the current table, in view, drawing only the tables around it.
  const current = node(page, 'e2e_big.hub');
  await expect(current).toBeInViewport();
  const drawn = await graph(page).getByTestId('lineage-node').count();
  expect(drawn).toBeGreaterThan(1);
  expect(drawn).toBeLessThan(176);
  await expect(page.getByText('A graph of 176 tables draws only those in view')).toBeVisible();
  await captureWidths(page, testInfo, 'lineage-big-graph');

  // The list view of the same lineage grows as the table page's lists do: the nearest 10, then 100 more.
  await page.getByRole('radio', { name: 'List' }).click();
  const listDown = page.getByTestId('lineage-list-downstream');
  await expect(listDown.getByTestId('lineage-list-item')).toHaveCount(10);
  await expect(listDown.getByRole('status')).toHaveText('Showing the nearest 10 of 145.');
  await listDown.getByRole('button', { name: 'Show 100 more downstream tables' }).click();
  await expect(listDown.getByTestId('lineage-list-item')).toHaveCount(110);
  await expect(listDown.getByRole('link', { name: 'e2e_big.down_010', exact: true })).toBeFocused();
  await listDown.getByRole('searchbox', { name: 'Filter downstream tables' }).fill('down_14');
  await expect(listDown.getByTestId('lineage-list-item')).toHaveCount(5);
  await expectAccessible(page, testInfo, 'grown lineage list view');
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('lineage-list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-lineage-list-view-${width}.png`, fullPage: true });
  }
});

test('a lineage graph of 1,500 tables is laid out in a worker, the page saying so and answering meanwhile', async ({ page, catalogDbPath }, testInfo) => {
  // hub: 200 direct upstream tables, each fed by 5 more (1,200 upstream), and 300 downstream.
  const direct = Array.from({ length: 200 }, (_, i) => `up_${String(i).padStart(3, '0')}`);
  const further = direct.flatMap((up) => Array.from({ length: 5 }, (_, j) => ({ name: `${up}_src_${j}`, feeds: up })));
  const downs = Array.from({ length: 300 }, (_, i) => `down_${String(i).padStart(3, '0')}`);
  await ingestRecords(catalogDbPath, [
    table('e2e_huge', 'hub'),
    ...[...direct, ...further.map((f) => f.name), ...downs].map((name) => table('e2e_huge', name)),
    ...direct.map((name) => feeds('e2e_huge', name, 'hub')),
    ...further.map((f) => feeds('e2e_huge', f.name, f.feeds)),
    ...downs.map((name) => feeds('e2e_huge', 'hub', name)),
  ]);
  await page.goto('/table_detail/gold/hive/e2e_huge/hub');
  await expect(page.getByTestId('lineage-upstream').getByRole('status')).toHaveText('Showing the nearest 10 of 1,200.');
  await expect(page.getByTestId('lineage-upstream').getByTestId('lineage-item')).toHaveCount(10);
  await page.getByTestId('lineage').scrollIntoViewIfNeeded();
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('lineage').screenshot({ path: `test-results/screenshots/${testInfo.project.name}-lineage-1200-capped-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.getByRole('link', { name: 'Open the lineage page for all 1,200 upstream tables' }).click();
  await expect(page).toHaveURL('/lineage/table/gold/hive/e2e_huge/hub');
  const layingOut = page.getByTestId('lineage-graph-laying-out');
  await expect(layingOut).toContainText('Laying out 1,501 tables…');
  // While the worker lays the graph out, the page's thread is free: a frame comes at once.
  const frameWait = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-lineage-laying-out-1280.png` });
  expect(frameWait).toBeLessThan(500);
  expect(workers.some((url) => /layout-lineage-graph\.worker/.test(url)), `workers started: ${workers.join(', ')}`).toBe(true);
  await expect(node(page, 'e2e_huge.hub')).toBeInViewport({ timeout: 30_000 });
  await expect(layingOut).toHaveCount(0);
  await expect(page.getByTestId('lineage-summary')).toHaveText('1,200 upstream and 300 downstream within 5 steps.');
  await expect(page.getByText('A graph of 1,501 tables draws only those in view')).toBeVisible();
  await expectAccessible(page, testInfo, 'lineage graph of 1,501 tables');

  // At 800 px, from the start: the message while the layout runs.
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto('/lineage/table/gold/hive/e2e_huge/hub?depth=4');
  await expect(layingOut).toContainText('Laying out 1,501 tables…');
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-lineage-laying-out-800.png` });
  await expect(node(page, 'e2e_huge.hub')).toBeInViewport({ timeout: 30_000 });
});
