// A long description changed at its end (the exploratory tester's imported 3,239 characters): History
// shows the change with the unchanged text before it folded into "… N unchanged characters …", which
// unfolds in place; the first description, all added, is clamped to its start with a "Show all N added
// characters" button. The text and its edit are written into the instance's catalog file through the
// catalog's own editor (the page's editor stops at 750 characters).
import { createResourceEditor } from '../server/catalog/store/edit-resources';
import { openCatalogDatabase } from '../server/catalog/store/open-catalog-database';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

const TABLE = { key: 'hive://bronze.partners/stg_crossborder_sellers', path: '/table_detail/bronze/hive/partners/stg_crossborder_sellers' };
const LONG = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the partner feed’s notes: sellers, payouts and the rules that apply to them.`).join('\n\n');

function editAtTheEnd(dbPath: string) {
  const db = openCatalogDatabase(dbPath);
  try {
    const editor = createResourceEditor(db);
    const ref = { type: 'table' as const, key: TABLE.key };
    expect(editor.setDescription(ref, LONG, 'importer@example.org')).toBe('saved');
    expect(editor.setDescription(ref, `${LONG} Reviewed in December.`, 'roald.amundsen@example.org')).toBe('saved');
  } finally {
    db.close();
  }
}

test('a long description changed at its end shows the change in History, the unchanged text folded and unfolding in place', async ({ page, catalogDbPath }, testInfo) => {
  editAtTheEnd(catalogDbPath);
  await page.goto(TABLE.path);
  await page.getByRole('tab', { name: /^History/ }).click();
  const edit = page.getByTestId('edit').filter({ has: page.locator('ins') }).first();
  await expect(edit.locator('ins')).toHaveText('[added: Reviewed in December.]');
  const fold = edit.getByRole('button', { name: /^… [\d,]+ unchanged characters …$/ });
  await expect(fold).toBeVisible();
  const diff = edit.getByTestId('description-diff');
  expect((await diff.textContent())!.length).toBeLessThan(400);
  await expectAccessible(page, testInfo, 'history with a folded description');
  await captureWidths(page, testInfo, 'curate-history-folded');

  // The first description, all of it added, is clamped too, and shows all of it in place on demand.
  const first = page.getByTestId('edit').filter({ has: page.getByRole('button', { name: /^Show all [\d,]+ added characters$/ }) });
  await expect(first).toHaveCount(1);
  const firstDiff = first.getByTestId('description-diff');
  expect((await firstDiff.textContent())!.length).toBeLessThan(600);
  await first.scrollIntoViewIfNeeded();
  await captureWidths(page, testInfo, 'curate-history-clamped');
  await first.getByRole('button', { name: /^Show all/ }).click();
  // (The edit no longer has the button: found by the text shown in place, which takes the focus.)
  const shown = page.locator('ins .description-change__unfolded');
  await expect(shown).toContainText('Paragraph 40 of the partner feed’s notes');
  await expect(shown).toBeFocused();

  await fold.click();
  await expect(diff).toContainText('Paragraph 1 of the partner feed’s notes');
  await expect(fold).toHaveCount(0);
});
