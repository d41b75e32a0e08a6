// A wide table (245 columns) and a column of a long nested type, loaded by ingest: the columns can be
// filtered by name, type or description (and by nested fields, listed by their path), a very wide table
// shows its first 50 with "Show all" (and then "Show the first 50 columns only"), a
// long type stays on one line, and at 400 px each column is a block with no sideways scroll — also with
// a long description's "Show more" (its hidden words once widened the page by 31 px).
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';
import { ingestRecords } from './ingest-records';

const WIDE = { path: '/table_detail/gold/hive/probe_wide/wide_columns_probe', name: 'probe_wide.wide_columns_probe' };
const FIELDS = Array.from({ length: 22 }, (_, i) => `attribute_${String(i + 1).padStart(2, '0')}`);
const LONG_TEXT = 'The amount the customer paid for the order, in the currency of the shop it was placed in, after every discount and before tax. '.repeat(4);
const RECORD = {
  type: 'table', database: 'hive', cluster: 'gold', schema: 'probe_wide', name: 'wide_columns_probe',
  description: 'A table as wide as a feature store export',
  columns: [
    {
      name: 'payload', col_type: `struct<${FIELDS.map((f) => `${f}:string`).join(',')}>`, description: LONG_TEXT,
      nested_fields: FIELDS.slice(0, 5).map((f) => ({ path: f, description: `What ${f} holds` })),
    },
    {
      name: 'items', col_type: 'array<struct<sku:string,qty:int>>', description: 'The order lines',
      nested_fields: [{ path: 'sku', description: 'Stock keeping unit' }],
    },
    ...Array.from({ length: 243 }, (_, i) => ({
      name: `feature_${String(i + 1).padStart(3, '0')}`,
      col_type: i % 10 === 0 ? 'decimal(38,10)' : 'double',
      description: i % 4 === 0 ? `Rolling mean over ${i + 1} days` : null,
    })),
  ],
};

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.beforeAll(async ({ catalogDbPath }) => {
  await ingestRecords(catalogDbPath, [RECORD]);
});

test('a wide table shows its first 50 columns, filters them by name, type or description, and shows all on request', async ({ page }, testInfo) => {
  await page.goto(WIDE.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WIDE.name);
  const rows = page.getByTestId('column-row');
  await expect(rows).toHaveCount(50);
  const count = page.getByTestId('columns-shown');
  await expect(count).toHaveText('Showing the first 50 of 245 columns.');

  // A long nested type is one line, cut with an ellipsis: the row stays low.
  const payload = rows.filter({ hasText: 'payload' });
  expect((await payload.boundingBox())!.height).toBeLessThan(200);
  await expect(payload.locator('.columns-table__type code')).toHaveAttribute('title', RECORD.columns[0]!.col_type);
  await expectAccessible(page, testInfo, 'wide table');
  await shoot(page, testInfo, 'wide-table');
  // The columns' first rows, to look at (the whole page is in the report).
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { name: /^Columns/ }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 80));
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-wide-table-columns-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const filter = page.getByRole('searchbox', { name: 'Filter columns by name, type, description or nested field' });
  await filter.fill('DECIMAL');
  await expect(rows).toHaveCount(25);
  await expect(count).toHaveText('25 of 245 columns match “DECIMAL”.');
  await filter.fill('rolling mean over 24');
  await expect(rows).toHaveCount(1);
  await expect(count).toHaveText('1 of 245 columns matches “rolling mean over 24”.');
  await filter.fill('no such words');
  await expect(count).toHaveText('None of the 245 columns has “no such words” in its name, type, description or nested fields.');
  await expectAccessible(page, testInfo, 'wide table, nothing matches');
  // A nested field is found by its name or description, listed under its column by its path (decision 100).
  await filter.fill('stock keeping');
  await expect(rows).toHaveCount(1);
  await expect(count).toHaveText('1 of 245 columns matches “stock keeping”, with 1 matching nested field.');
  const sku = page.getByRole('list', { name: 'Nested fields of items that match' }).getByRole('link', { name: 'items.sku' });
  await expect(sku).toHaveAttribute('href', `${WIDE.path}?column=items&field=sku`);
  await expectAccessible(page, testInfo, 'wide table, a nested field matches');
  await sku.click();
  // The link opens the field; the filter, which shows its column, stays.
  await expect(page.locator('#linked-nested-field')).toBeFocused();
  await expect(filter).toHaveValue('stock keeping');
  await page.goto(WIDE.path);
  await filter.fill('');

  await page.getByRole('button', { name: 'Show all 245 columns' }).click();
  await expect(rows).toHaveCount(245);
  await expect(page.getByRole('button', { name: 'feature_049', exact: true })).toBeFocused();
  // And back: the same button, its focus kept (decision 100).
  const fewer = page.getByRole('button', { name: 'Show the first 50 columns only' });
  await fewer.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole('button', { name: 'Show all 245 columns' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Show all 245 columns' })).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(245);

  // The nested counts look through an array's element: "items" has 2 fields.
  await page.getByRole('button', { name: 'items', exact: true }).click();
  await expect(page.getByTestId('column-details').locator('.column-details__heading')).toHaveText('2 nested fields');
  await page.getByRole('button', { name: 'payload', exact: true }).click();
  await page.getByRole('heading', { name: /^Columns/ }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 80));
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-wide-table-details-1280.png` });
});

test('a deep link to a column beyond the first 50 shows and opens it', async ({ page }) => {
  await page.goto(`${WIDE.path}?column=feature_200`);
  const row = page.locator('#column-feature_200');
  await expect(row).toBeInViewport();
  await expect(row.getByRole('button', { name: 'feature_200', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('column-row')).toHaveCount(51);
});

test('the keyboard skips past the columns with one button', async ({ page }) => {
  await page.goto(WIDE.path);
  const skip = page.getByTestId('columns-skip');
  // Shown over what is there, as the page's "Skip to content" is: the filter and its count do not move
  // (they went down a line, 46 px, when it took a row of its own).
  const filter = page.getByTestId('columns-filter');
  const shown = page.getByTestId('columns-shown');
  const before = [await filter.boundingBox(), await shown.boundingBox()];
  await skip.focus();
  await expect(skip).toBeVisible();
  expect([await filter.boundingBox(), await shown.boundingBox()], 'the filter and its count where they were').toEqual(before);
  // It looks as the page's "Skip to content" does: the page's type, not the browser's grey 13 px button.
  const bodyFont = await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
  await expect(skip).toHaveCSS('font-family', bodyFont);
  await expect(skip).not.toHaveCSS('font-size', '13.3333px');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('columns-end')).toBeFocused();
});

test.describe('at 400 px', () => {
  test.use({ viewport: { width: 400, height: 900 } });

  test('each column is a block, with no sideways scroll, a long description clamped with Show more', async ({ page }, testInfo) => {
    await page.goto(WIDE.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WIDE.name);
    const payload = page.getByTestId('column-row').filter({ hasText: 'payload' });
    await expect(payload.getByRole('button', { name: /Show more/ })).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    expect(await sidewaysScroll(page), 'no sideways scroll at 400 px').toBeLessThanOrEqual(0);
    // Name and type on one line, the description and Edit below, all inside the window.
    const name = (await payload.getByTestId('column-toggle').boundingBox())!;
    const type = (await payload.locator('.columns-table__type').boundingBox())!;
    const edit = (await payload.getByRole('button', { name: /^Edit/ }).boundingBox())!;
    expect(Math.abs(type.y - name.y)).toBeLessThan(12);
    expect(name.height, 'a short name on one line').toBeLessThan(30);
    expect(edit.y).toBeGreaterThan(name.y + name.height - 1);
    expect(edit.x + edit.width).toBeLessThanOrEqual(400);
    // Still a table to a screen reader (Chromium's accessibility tree): rows, row and column headers.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string } }[] };
    const roles = (role: string) => nodes.filter((node) => node.role?.value === role).length;
    expect([roles('table'), roles('rowheader'), roles('columnheader')]).toEqual([1, 50, 4]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-wide-table-400.png`, fullPage: false });

    // Editing a column's description gets the block's whole width.
    await payload.getByRole('button', { name: /^Edit/ }).click();
    const editor = payload.getByRole('textbox');
    await expect(editor).toBeVisible();
    expect((await editor.boundingBox())!.width).toBeGreaterThan(300);
    expect(await sidewaysScroll(page), 'no sideways scroll while editing').toBeLessThanOrEqual(0);
    await payload.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-wide-table-400-editing.png` });
  });
});
