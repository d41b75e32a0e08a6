// Curating a nested field (a struct column's field, two levels down): a permitted person opens the
// column and the field's parent, edits descriptions in place (Enter saves), and finds them after a
// reload; text left unsaved in a nested field's editor opens its column and parent again after a
// reload. The demo catalog has no nested types, so the journey gives one column of a table no other
// journey reads a struct type, written into the instance's catalog file through the catalog's own writer.
import { createRelatedRecordWriter } from '../server/catalog/store/write-related-records';
import { openCatalogDatabase } from '../server/catalog/store/open-catalog-database';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

const TABLE = { key: 'hive://bronze.partners/stg_crossborder_sellers', path: '/table_detail/bronze/hive/partners/stg_crossborder_sellers', name: 'partners.stg_crossborder_sellers' };
const COLUMN = 'device_type';

function giveColumnANestedType(dbPath: string) {
  const db = openCatalogDatabase(dbPath);
  try {
    const written = createRelatedRecordWriter(db).writeTypeMetadata(TABLE.key, COLUMN, {
      kind: 'struct',
      name: COLUMN,
      data_type: 'struct<os:string,hardware:struct<vendor:string,model:string>>',
      children: [
        { kind: 'scalar', name: 'os', data_type: 'string', description: 'Operating system' },
        {
          kind: 'struct',
          name: 'hardware',
          data_type: 'struct<vendor:string,model:string>',
          children: [
            { kind: 'scalar', name: 'vendor', data_type: 'string' },
            { kind: 'scalar', name: 'model', data_type: 'string' },
          ],
        },
      ],
    });
    expect(written, `${TABLE.key} has a column ${COLUMN}`).toBe(true);
  } finally {
    db.close();
  }
}

test('a permitted person edits nested fields’ descriptions in place, finds them after a reload, and gets unsaved nested text back after one', async ({ page, catalogDbPath }, testInfo) => {
  giveColumnANestedType(catalogDbPath);
  await page.goto(TABLE.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);

  const row = page.getByTestId('column-row').filter({ has: page.getByTestId('column-toggle').filter({ hasText: COLUMN }) });
  await row.getByTestId('column-toggle').click();
  const tree = page.getByRole('list', { name: `Nested fields of ${COLUMN}` });
  await expect(tree.getByTestId('type-node')).toHaveCount(2);

  // A first-level field with a description: Enter saves it as an edit of that text.
  await tree.getByRole('button', { name: `Edit description of ${COLUMN}.os` }).click();
  const osBox = page.getByRole('textbox', { name: `Description of ${COLUMN}.os` });
  await expect(osBox).toBeFocused();
  await expect(osBox).toHaveValue('Operating system');
  const osSaved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metadata/v0/put_type_metadata_description');
  await osBox.fill('Operating system of the seller’s device, such as Android 14');
  await osBox.press('Enter');
  const osRequest = (await osSaved).request().postDataJSON() as Record<string, unknown>;
  expect(osRequest).toEqual({ key: TABLE.key, type_metadata_key: `${TABLE.key}/${COLUMN}/type/${COLUMN}/os`, description: 'Operating system of the seller’s device, such as Android 14', base: 'Operating system' });
  await expect(osBox).toHaveCount(0);
  await expect(tree.getByRole('button', { name: `Edit description of ${COLUMN}.os` })).toBeFocused();
  await expect(tree).toContainText('Operating system of the seller’s device, such as Android 14');

  // A field two levels down: open its parent from the keyboard, then edit it.
  const hardware = tree.getByRole('button', { name: /^hardware/ });
  await hardware.focus();
  await page.keyboard.press('Enter');
  const hardwareFields = page.getByRole('list', { name: 'Fields of hardware' });
  await expect(hardwareFields.getByTestId('type-node')).toHaveCount(2);
  await hardwareFields.getByRole('button', { name: `Edit description of ${COLUMN}.hardware.vendor` }).click();
  const vendorBox = page.getByRole('textbox', { name: `Description of ${COLUMN}.hardware.vendor` });
  await vendorBox.fill('Maker of the device, as the seller app reports it');
  await expectAccessible(page, testInfo, 'nested field description editor');
  await captureWidths(page, testInfo, 'curate-nested-field-editor');
  await vendorBox.press('Enter');
  await expect(vendorBox).toHaveCount(0);
  await expect(hardwareFields).toContainText('Maker of the device, as the seller app reports it');

  // Kept after a reload: the column and its parent start closed again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  await row.getByTestId('column-toggle').click();
  await expect(tree).toContainText('Operating system of the seller’s device, such as Android 14');
  await tree.getByRole('button', { name: /^hardware/ }).click();
  await expect(hardwareFields).toContainText('Maker of the device, as the seller app reports it');

  // Text written in a nested field and not saved is back after a reload, its column and parent open.
  await hardwareFields.getByRole('button', { name: `Edit description of ${COLUMN}.hardware.model` }).click();
  await page.getByRole('textbox', { name: `Description of ${COLUMN}.hardware.model` }).fill('Model name, half writ');
  await page.reload();
  const modelBox = page.getByRole('textbox', { name: `Description of ${COLUMN}.hardware.model` });
  await expect(modelBox).toHaveValue('Model name, half writ');
  await expect(page.getByRole('status').filter({ hasText: 'Your unsaved text was restored. It is not saved yet.' })).toBeVisible();
  await expectAccessible(page, testInfo, 'restored nested field draft');
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, 'curate-nested-field-restored-draft');
  await page.getByRole('button', { name: `Discard it (Description of ${COLUMN}.hardware.model)` }).click();
  await expect(modelBox).toHaveCount(0);
  await expect(hardwareFields.getByRole('button', { name: `Edit description of ${COLUMN}.hardware.model` })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  await expect(page.getByRole('textbox')).toHaveCount(0);
});
