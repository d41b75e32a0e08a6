// Long and Markdown text where the catalog shows it in little room (findings 5 and 7 of the curate
// pass): a 250-character word in a column description wraps inside its cell, the columns table keeps
// its width and every Edit button stays in view, at 1280 and 800 px; a Markdown description reads as
// plain text under "My bookmarks" and in search results, a search's matches still marked; column
// descriptions in Markdown render in their cells, compact, clamped when long, with no heading of the
// page (decision 105), at 1280, 800 and 400 px. Uses a table
// no other spec reads, signed in as fridtjof (whose bookmarks no other spec reads), and puts back
// what it changed.
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, logInAtDevIdp, test } from './fixtures';
import { callFromPage } from './call-from-page';

test.use({ signedIn: false });

const TABLE = { key: 'bigquery://sandbox.finance/dim_dach_invoices_by_country', path: '/table_detail/sandbox/bigquery/finance/dim_dach_invoices_by_country', fullName: 'finance.dim_dach_invoices_by_country' };
const LONG_WORD = 'W'.repeat(250);
// Under 160 characters: the catalog highlights a description this short whole, not a fragment of it.
const MARKDOWN = '# Invoices\n\nOne row per **quokkaland** country and _month_, see [the finance wiki](https://wiki.example.org/i).\n\n| field | meaning |\n|---|---|\n| amount | net |';
const PLAIN = 'Invoices One row per quokkaland country and month, see the finance wiki. field · meaning amount · net';

interface TableData {
  description: string | null;
  columns: { name: string; description: string | null }[];
}


const getTable = async (page: Page) => ((await callFromPage(page, 'GET', `/api/metadata/v0/table?key=${encodeURIComponent(TABLE.key)}`)).body as { tableData: TableData }).tableData;

async function setDescriptions(page: Page, table: string | null, column: { name: string; text: string | null }) {
  const before = await getTable(page);
  const saved = [
    await callFromPage(page, 'PUT', '/api/metadata/v0/put_table_description', { key: TABLE.key, description: table ?? '', base: before.description }),
    await callFromPage(page, 'PUT', '/api/metadata/v0/put_column_description', { key: TABLE.key, column_name: column.name, description: column.text ?? '', base: before.columns.find((c) => c.name === column.name)!.description }),
  ];
  expect(saved.map((s) => s.status)).toEqual([200, 200]);
}

/** Writes the column descriptions given (by column name) over what is stored; returns nothing, asserts each saved. */
async function setColumnDescriptions(page: Page, texts: Record<string, string | null>) {
  const before = await getTable(page);
  for (const [name, text] of Object.entries(texts)) {
    const saved = await callFromPage(page, 'PUT', '/api/metadata/v0/put_column_description', { key: TABLE.key, column_name: name, description: text ?? '', base: before.columns.find((c) => c.name === name)!.description });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }
}

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

test('a 250-character word wraps in its column cell and a Markdown description reads as plain text in bookmarks and search results', async ({ page, idpOrigin }, testInfo) => {
  await page.goto('/');
  await logInAtDevIdp(page, idpOrigin, 'fridtjof');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const original = await getTable(page);
  const column = original.columns[0]!;
  await setDescriptions(page, MARKDOWN, { name: column.name, text: LONG_WORD });
  expect((await callFromPage(page, 'PUT', '/api/metadata/v0/user/bookmark', { type: 'table', key: TABLE.key })).status).toBe(200);
  try {
    // The columns table: as wide as its frame, the long word wrapped in its cell, every Edit in view.
    await page.goto(TABLE.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.fullName);
    // The description's two-column table fits: it is no Tab stop (only blocks that scroll sideways are).
    const smallTable = page.locator('.table-page__description table');
    await expect(smallTable).toContainText('amount');
    await expect(smallTable).not.toHaveAttribute('tabindex');
    const frame = page.locator('.columns-scroll');
    const cell = page.locator('td.columns-table__description').filter({ hasText: LONG_WORD });
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const sizes = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
      expect(sizes.scroll, `the columns table is wider than its frame at ${width} px`).toBeLessThanOrEqual(sizes.client);
      expect((await cell.boundingBox())!.height, `the long word is on one line at ${width} px`).toBeGreaterThan(40);
      const edits = page.getByRole('button', { name: /^Edit description of / });
      expect(await edits.count()).toBe(original.columns.length);
      for (const edit of await edits.all()) {
        const box = (await edit.boundingBox())!;
        expect(box.x + box.width, `${await edit.getAttribute('aria-label')} is out of view at ${width} px`).toBeLessThanOrEqual(Math.min(width, sizes.right));
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await cell.scrollIntoViewIfNeeded();
    await captureWidths(page, testInfo, 'columns-long-word');

    // Home: the bookmark's description as plain text.
    await page.goto('/');
    const bookmark = page.getByRole('region', { name: 'My bookmarks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: TABLE.fullName }) });
    await expect(bookmark.locator('.resource-list__description')).toHaveText(PLAIN);
    await capture(page, testInfo, 'home-markdown-bookmark');

    // Search by name: the description's start as plain text; by a word in it: the match marked in plain text.
    await page.goto(`/search?term=${encodeURIComponent('dim_dach_invoices_by_country')}`);
    const byName = page.locator('[data-search-result]').filter({ has: page.getByRole('link', { name: 'dim_dach_invoices_by_country' }) });
    await expect(byName.locator('.result__description')).toHaveText(PLAIN);
    await capture(page, testInfo, 'search-markdown-description');
    await page.goto('/search?term=quokkaland');
    const byWord = page.locator('[data-search-result]').filter({ has: page.getByRole('link', { name: 'dim_dach_invoices_by_country' }) });
    await expect(byWord.locator('.result__description')).toHaveText(PLAIN);
    await expect(byWord.locator('.result__description mark')).toHaveText('quokkaland');
    await capture(page, testInfo, 'search-markdown-highlight');

    // A description with a code line longer than any window: the line scrolls inside its block, on the
    // table page and in the editor's preview; the page does not scroll sideways (captureWidths checks).
    const code = `SELECT ${Array.from({ length: 40 }, (_, i) => `column_${i}`).join(', ')} FROM finance.invoices;`;
    await setDescriptions(page, `Rows to copy:\n\n\`\`\`\n${code}\n\`\`\`\n`, { name: column.name, text: null });
    await page.goto(TABLE.path);
    const description = page.locator('.table-page__description pre');
    await expect(description).toContainText(code);
    await capture(page, testInfo, 'table-long-code-line');
    const scrolls = (pre: HTMLElement) => pre.scrollWidth > pre.clientWidth;
    expect(await description.evaluate(scrolls), 'the code line scrolls inside its block').toBe(true);
    // It is a named Tab stop, so the keyboard can scroll it.
    await expect(description).toHaveAttribute('tabindex', '0');
    await expect(description).toHaveAccessibleName('Code, scrolls sideways');
    await page.getByRole('button', { name: 'Edit description', exact: true }).click();
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.locator('.description-editor__preview pre');
    await expect(preview).toContainText(code);
    await capture(page, testInfo, 'table-long-code-line-preview');
    expect(await preview.evaluate(scrolls), 'the code line scrolls inside the preview').toBe(true);
    await expect(preview).toHaveAttribute('tabindex', '0');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Column descriptions in Markdown: rendered in their cells (bold, code, a list, a link, each line
    // break kept), a heading there a bold line (no heading of the page), a tall one clamped; the table
    // keeps its width at 1280 and 800 px, and each column is a tidy block at 400 px.
    const marked = original.columns.slice(0, 4);
    const texts = [
      '**Net** amount in `EUR`, see [the finance wiki](https://wiki.example.org/i).\nA second line, as typed.',
      '# Keys\n\n- one row per **country**\n- and _month_',
      // Tall though within the 250 characters a column's description may have: a list of 22 lines.
      `Codes:\n\n${Array.from({ length: 22 }, (_, i) => `- code ${i + 1}`).join('\n')}`,
      '> Checked daily.\n\n```\nSELECT amount FROM finance.invoices;\n```',
    ];
    await setColumnDescriptions(page, Object.fromEntries(marked.map((c, i) => [c.name, texts[i]!])));
    await page.goto(TABLE.path);
    const rows = page.getByTestId('column-row');
    const cells = page.locator('td.columns-table__description');
    await expect(cells.first().locator('strong')).toHaveText('Net');
    await expect(cells.first().locator('code')).toHaveText('EUR');
    await expect(cells.first().getByRole('link', { name: 'the finance wiki' })).toHaveAttribute('target', '_blank');
    await expect(cells.first().locator('br')).toHaveCount(1);
    await expect(cells.first()).not.toContainText('**');
    if (marked.length > 1) {
      await expect(cells.nth(1).locator('p > strong').first()).toHaveText('Keys');
      await expect(cells.nth(1).getByRole('listitem')).toHaveCount(2);
    }
    await expect(page.locator('.columns-table').getByRole('heading')).toHaveCount(0);
    for (const width of [1280, 800, 400]) {
      await page.setViewportSize({ width, height: 900 });
      const sizes = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(sizes.scroll, `the columns table is wider than its frame at ${width} px`).toBeLessThanOrEqual(sizes.client);
      if (marked.length > 2) {
        // Clamped at 6rem (96 px), with its Show more: the row stays short.
        const long = rows.nth(2);
        await expect(long.getByRole('button', { name: /^Show more/ })).toBeVisible();
        expect((await long.locator('[data-testid="clamped-text"]').boundingBox())!.height, `the long description is clamped at ${width} px`).toBeLessThanOrEqual(97);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.columns').scrollIntoViewIfNeeded();
    await captureWidths(page, testInfo, 'columns-markdown');
    await page.setViewportSize({ width: 400, height: 900 });
    await page.locator('.columns').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-columns-markdown-400.png`, fullPage: true });
    if (marked.length > 2) {
      await rows.nth(2).getByRole('button', { name: /^Show more/ }).click();
      await expect(rows.nth(2).getByRole('button', { name: /^Show less/ })).toBeVisible();
    }
  } finally {
    await callFromPage(page, 'DELETE', '/api/metadata/v0/user/bookmark', { type: 'table', key: TABLE.key });
    await setDescriptions(page, original.description, { name: column.name, text: column.description });
    await setColumnDescriptions(page, Object.fromEntries(original.columns.slice(1, 4).map((c) => [c.name, c.description])));
  }
});
