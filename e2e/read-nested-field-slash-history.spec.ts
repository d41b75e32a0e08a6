// A nested field whose name holds "/" (`a/b`, an NDJSON or Avro field) round-trips through its
// History link: its key joins names with "/" as Amundsen's do, so the link names it split
// (`a.b.c`), and the table page still opens that field — not the column with a note that the field is
// not there (decision 067). The demo catalog has no nested types: the journey gives one to the last
// table no other journey reads, through the catalog's own writer.
import { tablePath } from '../contract/page-paths';
import { createRelatedRecordWriter } from '../server/catalog/store/write-related-records';
import { openCatalogDatabase } from '../server/catalog/store/open-catalog-database';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

// The Edits tab of a person's profile holds the link (profiles on).
test.use({ profiles: 'on' });

function giveAColumnAFieldWithASlash(dbPath: string): { table: string; column: string } {
  const db = openCatalogDatabase(dbPath);
  try {
    const { key, name } = db.prepare(
      `SELECT t.key AS key, c.name AS name FROM tables t JOIN columns c ON c.table_id = t.id
       WHERE t.key LIKE 'hive://%' ORDER BY t.key DESC, c.sort_order LIMIT 1`,
    ).get() as { key: string; name: string };
    const written = createRelatedRecordWriter(db).writeTypeMetadata(key, name, {
      kind: 'struct',
      name,
      data_type: 'struct<`a/b`:struct<c:string>>',
      children: [{ kind: 'struct', name: 'a/b', data_type: 'struct<c:string>', children: [{ kind: 'scalar', name: 'c', data_type: 'string' }] }],
    });
    expect(written, `${key} has a column ${name}`).toBe(true);
    return { table: key, column: name };
  } finally {
    db.close();
  }
}

test('the History link of a nested field whose name holds "/" opens that field', async ({ page, catalogDbPath }, testInfo) => {
  const { table, column } = giveAColumnAFieldWithASlash(catalogDbPath);
  await page.goto(tablePath(table));
  await page.getByTestId('column-toggle').filter({ hasText: new RegExp(`^${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).click();
  const tree = page.getByRole('list', { name: `Nested fields of ${column}` });
  await tree.getByRole('button', { name: /^a\/b/ }).click();
  await page.getByRole('list', { name: 'Fields of a/b' }).getByRole('button', { name: `Edit description of ${column}.a/b.c` }).click();
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/put_type_metadata_description');
  const box = page.getByRole('textbox', { name: `Description of ${column}.a/b.c` });
  await box.fill('Set by the slash journey');
  await box.press('Enter');
  expect((await saved).status()).toBe(200);

  // The person's Edits tab links the edit to its table, the column and the field.
  await page.goto('/user/roald.amundsen%40example.org');
  await page.getByRole('tab', { name: /^Edits/ }).click();
  const edit = page.getByRole('list', { name: 'Your edits, newest first' }).getByTestId('edit').first();
  await expect(edit).toContainText('Set by the slash journey');
  await edit.getByRole('link').first().click();

  await expect(page).toHaveURL(new RegExp(`\\?column=${encodeURIComponent(column)}&field=`));
  const marked = page.locator('[data-testid="type-node"][aria-current="location"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('Set by the slash journey');
  await expect(page.getByTestId('missing-column')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'nested field with a slash, opened from history');
  await captureWidths(page, testInfo, 'nested-field-slash-from-history');
});
