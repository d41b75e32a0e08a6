// A table is found by its columns' nested fields (decision 058): a search for a nested field's name or
// description finds it, the result lists the matching field by path under "Nested fields", and the
// link opens that field on the table page, a column whose own name holds a dot included (decision
// 067); the column filter finds the table by the field's path. The table is new (its own schema and words no
// other journey searches for), loaded into the instance's catalog file through ingest itself.
import { captureWidths, expect, expectAccessible, test } from './fixtures';
import { ingestRecords } from './ingest-records';

const RECORD = {
  type: 'table', database: 'hive', cluster: 'gold', schema: 'probe_search_nested', name: 'checkout_probe_events',
  columns: [
    { name: 'event_id', col_type: 'bigint' },
    {
      name: 'payload', col_type: 'struct<zorblax_email:string,lines:array<struct<zorblax_sku:string,quantity:int>>>',
      description: 'Raw checkout payload',
      nested_fields: [{ path: 'zorblax_email', description: 'The quibbleshopper email, as typed at checkout' }],
    },
    // A flattened export's column: its own name holds a dot.
    { name: 'geo.home', col_type: 'struct<zorblax_city:string>' },
  ],
};

test('a search finds a table by a nested field, lists the field by path and links to its column', async ({ page, catalogDbPath }, testInfo) => {
  await ingestRecords(catalogDbPath, [RECORD]);
  await page.goto('/search?term=zorblax');
  const result = page.locator('[data-search-result]');
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('link', { name: 'probe_search_nested.checkout_probe_events' })).toBeVisible();
  const fields = result.getByRole('link', { name: /^payload\./ });
  await expect(fields).toHaveText(['payload.zorblax_email', 'payload.lines.zorblax_sku']);
  await expect(result.getByRole('link', { name: '`geo.home`.zorblax_city' })).toBeVisible();
  await expect(fields.first().locator('mark')).toHaveText('zorblax');
  await expect(result.getByText('Nested fields')).toBeVisible();
  await expectAccessible(page, testInfo, 'search result with nested fields');
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'search-nested-fields');

  // By a nested description: quoted as the column descriptions are.
  await page.goto('/search?term=quibbleshopper');
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('listitem').filter({ hasText: 'email, as typed at checkout' }).locator('mark')).toHaveText('quibbleshopper');

  await page.goto('/search?term=zorblax_sku');
  await result.getByRole('link', { name: 'payload.lines.zorblax_sku' }).click();
  await expect(page).toHaveURL(/\/table_detail\/gold\/hive\/probe_search_nested\/checkout_probe_events\?column=payload&field=lines\.zorblax_sku$/);
  await expect(page.getByRole('list', { name: 'Nested fields of payload' })).toBeVisible();
  const linked = page.locator('[aria-current="location"]');
  await expect(linked.locator('.type-tree__name').first()).toHaveText('zorblax_sku');
  await expect(linked.locator('.type-tree__line')).toBeFocused();

  // The column "geo.home", not "geo": the link names the column and the field apart.
  await page.goto('/search?term=zorblax_city');
  await result.getByRole('link', { name: '`geo.home`.zorblax_city' }).click();
  await expect(page).toHaveURL(/\?column=geo\.home&field=zorblax_city$/);
  await expect(page.getByTestId('missing-column')).toHaveCount(0);
  await expect(page.locator('[aria-current="location"] .type-tree__name')).toHaveText('zorblax_city');
  await expectAccessible(page, testInfo, 'table page with a linked nested field');
  await captureWidths(page, testInfo, 'table-linked-nested-field');

  // The column filter takes a nested field's path.
  await page.goto(`/search?term=&filters=${encodeURIComponent(JSON.stringify({ column: { value: 'payload.lines.zorblax_sku' } }))}`);
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('link', { name: 'probe_search_nested.checkout_probe_events' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'search-column-filter-nested-path');
});
