// A table of 500 columns whose descriptions are Markdown (decision 105), loaded by ingest. The rows
// near the screen render their Markdown before the first paint, the others soon after, a chunk at a
// time (decision 110): "Show all" paints without rendering 450 texts first, and nothing users had is
// lost — the Markdown renders everywhere, the filter and find-in-page find words, a deep link to
// column 480 scrolls to it and marks it with the rows around it rendered, and nothing shifts on screen.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ingestRecords } from './ingest-records';

const PATH = '/table_detail/gold/hive/probe_markdown/markdown_wide_probe';
const COLUMNS = 500;
const name = (i: number) => `metric_${String(i).padStart(3, '0')}`;
const description = (i: number) =>
  `**Net** amount of order line ${i}, in the *shop's* currency.\nSee [the glossary](https://example.com/glossary#${i}) and \`amount_${i}\`.\n- before tax\n- after discount`;
const RECORD = {
  type: 'table', database: 'hive', cluster: 'gold', schema: 'probe_markdown', name: 'markdown_wide_probe',
  description: 'A table whose column descriptions are Markdown',
  columns: Array.from({ length: COLUMNS }, (_, i) => ({ name: name(i + 1), col_type: 'double', description: description(i + 1), sort_order: i })),
};

test.beforeAll(async ({ catalogDbPath }) => {
  await ingestRecords(catalogDbPath, [RECORD]);
});

/** The rows whose description still shows as written, in the window and out of it. */
const plainRows = (page: Page) =>
  page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="column-row"]')].filter((row) => row.querySelector('.markdown--plain'));
    const inWindow = rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
    return { inWindow: inWindow.length, all: rows.length };
  });

async function expectRendered(page: Page, i: number) {
  const cell = page.locator(`#column-${name(i)} .columns-table__description`);
  await expect(cell.locator('strong').first()).toHaveText('Net');
  await expect(cell.getByRole('link', { name: 'the glossary' })).toHaveAttribute('href', `https://example.com/glossary#${i}`);
  await expect(cell.getByRole('listitem')).toHaveText(['before tax', 'after discount']);
}

const allRendered = (page: Page) => expect(page.locator('.columns-table .markdown--plain')).toHaveCount(0, { timeout: 20_000 });

test('"Show all" paints the rows in view rendered and renders the rest soon after, all as Markdown', async ({ page }) => {
  await page.goto(PATH);
  await expect(page.getByTestId('column-row')).toHaveCount(50);
  await allRendered(page);
  // At the paint after the click: the rows in the window rendered, those far below not yet (before
  // decision 110 all 450 were rendered before anything was painted).
  const atPaint = await page.evaluate(
    () =>
      new Promise<{ rows: number; inWindow: number; plain: number; first: string }>((resolve) => {
        document.querySelector<HTMLElement>('[data-testid="columns-show-all"]')!.click();
        requestAnimationFrame(() => {
          const row = document.getElementById('column-metric_051')!;
          const first = `${Math.round(row.getBoundingClientRect().height)} px, ${row.querySelectorAll('.clamped-text__toggle').length} Show more`;
          const rows = [...document.querySelectorAll('[data-testid="column-row"]')];
          const plain = rows.filter((row) => row.querySelector('.markdown--plain'));
          const inWindow = plain.filter((row) => {
            const box = row.getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight;
          });
          resolve({ rows: rows.length, inWindow: inWindow.length, plain: plain.length, first });
        });
      }),
  );
  expect(atPaint.rows).toBe(COLUMNS);
  expect(atPaint.inWindow, 'no row in the window shows its text as written').toBe(0);
  expect(atPaint.plain, 'the rows far below are rendered after the paint').toBeGreaterThan(300);
  await expect(page.getByRole('button', { name: name(51), exact: true })).toBeFocused();

  await allRendered(page);
  // Column 51, in the window, painted as it stays: no "Show more" its text as written needed, dropped a frame later.
  const row51 = page.locator(`#column-${name(51)}`);
  expect(`${Math.round((await row51.boundingBox())!.height)} px, ${await row51.locator('.clamped-text__toggle').count()} Show more`).toBe(atPaint.first);
  for (const i of [1, 51, 250, 480, 500]) await expectRendered(page, i);
  // Find-in-page (Chromium's window.find, what Ctrl+F searches) finds the words as shown, far down too.
  expect(await page.evaluate(() => (window as unknown as { find: (text: string) => boolean }).find('Net amount of order line 480,'))).toBe(true);
});

test('the filter finds a far column by the words of its Markdown, rendered', async ({ page }) => {
  await page.goto(PATH);
  const filter = page.getByRole('searchbox', { name: 'Filter columns by name, type or description' });
  await filter.fill('net amount of order line 480,');
  await expect(page.getByTestId('column-row')).toHaveCount(1);
  await expect(page.getByTestId('columns-shown')).toHaveText('1 of 500 columns matches “net amount of order line 480,”.');
  await expectRendered(page, 480);
  await filter.fill('');
  await expect(page.getByTestId('column-row')).toHaveCount(50);
  await expectRendered(page, 480 - 430);
});

test('a deep link to column 480 scrolls to it, opens and marks it, with the rows around it rendered', async ({ page }) => {
  await page.goto('/');
  // From the time column 480 is in the window: its rows in view are rendered Markdown, then or at the next frame.
  await page.goto(`${PATH}?column=${name(480)}`);
  const row = page.locator(`#column-${name(480)}`);
  await expect(row).toBeInViewport();
  await expect(row).toHaveClass(/columns-table__row--target/);
  const toggle = row.getByRole('button', { name: name(480), exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toBeFocused();
  await expectRendered(page, 480);
  await expect.poll(async () => (await plainRows(page)).inWindow).toBe(0);
  await expect(row).toBeInViewport();
  await allRendered(page);
  await expect(row).toBeInViewport();
  await expect(page.getByTestId('column-row')).toHaveCount(51);
});

test('scrolling through all 500 rendered columns shifts nothing on screen', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: string[]; countFrom: number };
    w.shifts = [];
    w.countFrom = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Element }[] })[])
        if (!entry.hadRecentInput && entry.startTime >= w.countFrom) w.shifts.push(`${Math.round(entry.startTime)} ${entry.value.toFixed(4)} ${entry.sources.map((s) => s.node?.id || s.node?.className).join(',')}`);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(PATH);
  await allRendered(page);
  // As the page loads, the first row can lose a "Show more" a frame after the
  // renderer's code arrives (before decision 110 too).
  await expect(page.locator(`#column-${name(1)} .clamped-text__toggle`)).toHaveCount(0);
  await page.getByTestId('columns-show-all').click();
  await expect(page.getByRole('button', { name: name(51), exact: true })).toBeFocused();
  // What is measured is scrolling: counted from when the page has settled after "Show all" (on a busy
  // machine the load's and the click's last frames can come seconds late, and are not this test's claim).
  await countShiftsFromWhenSettled(page);
  // Down the page by the wheel (the rows come near as it goes), then back up from far below.
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 2400);
    await page.waitForTimeout(60);
    expect((await plainRows(page)).inWindow, 'no row in the window shows its text as written').toBe(0);
  }
  await allRendered(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -2400);
    await page.waitForTimeout(60);
  }
  expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
});

/** Waits until no layout shift has been heard for a while, then counts shifts from there on. */
async function countShiftsFromWhenSettled(page: Page) {
  const heard = () => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts.length);
  let before = -1;
  for (let now = await heard(); now !== before; now = await heard()) {
    before = now;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(700);
  }
  // (An observer hears of a shift after it happened: those before now are left out by their time.)
  await page.evaluate(() => {
    const w = window as unknown as { shifts: string[]; countFrom: number };
    w.countFrom = performance.now();
    w.shifts = [];
  });
}
