// A deep link to a column the table does not have (`?column=nope`, an old link or a renamed column):
// the table page says so at the top instead of showing nothing.
import { captureWidths, expect, expectAccessible, test } from './fixtures';

test('a deep link to a column the table does not have gets a note that the column is not in this table', async ({ page }, testInfo) => {
  await page.goto('/table_detail/shop_db/postgres/content/fct_vip_search_clicks_latest?column=nope');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('content.fct_vip_search_clicks_latest');
  await expect(page.getByTestId('missing-column')).toHaveText('NoteThis table has no column “nope”. The link may be old, or the column renamed.');
  await expect(page.locator('.columns-table__row--target')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'missing column');
  await captureWidths(page, testInfo, 'table-missing-column');

  await page.goto('/table_detail/shop_db/postgres/content/fct_vip_search_clicks_latest?column=supplier_id');
  await expect(page.locator('.columns-table__row--target')).toHaveCount(1);
  await expect(page.getByTestId('missing-column')).toHaveCount(0);
});
