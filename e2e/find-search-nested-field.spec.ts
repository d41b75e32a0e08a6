// A table is found by its columns' nested fields (decision 058): a search for a nested field's name or
// description finds it, the result lists the matching field by path under "Nested fields", and the
// link opens that field's column on the table page. The table is new (its own schema and words no
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
  await expect(page).toHaveURL(/\/table_detail\/gold\/hive\/probe_search_nested\/checkout_probe_events\?column=payload$/);
  await expect(page.getByRole('list', { name: 'Nested fields of payload' })).toBeVisible();
});
