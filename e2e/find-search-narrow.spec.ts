// The search experience on a narrow window and while typing fast, in a real browser: at 400 px the
// filter panel is folded behind "Filters (n active)" so the results come right after the tabs, and
// unfolded it is where it is in the page (Tab goes from the button into the filters, then on to the
// results); its "Clear all" leaves focus on that button. At 1280 px the panel is as it was. The nav
// bar's suggestions take the window's width at 400 px. And suggestions for a word typed before the one
// in the box can no longer be chosen: Down and Enter right after typing search for what is typed.
import { captureWidths, expect, expectAccessible, test } from './fixtures';

test.describe('at 400 px', () => {
  test.use({ viewport: { width: 400, height: 800 } });

  test('the filters are folded behind one button, the results right after the tabs; unfolded, Tab goes through them in page order', async ({ page }, testInfo) => {
    await page.goto('/search?term=cust');
    const results = page.locator('[data-search-result]');
    await expect(results.first()).toBeVisible();
    const filters = page.getByRole('region', { name: /Filters/ });
    const toggle = filters.getByRole('button', { name: 'Filters', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(filters.getByRole('combobox', { name: 'Source' })).toBeHidden();
    // The results begin on the first screen (they began at y ≈ 1187, under seven text filters).
    const firstTop = await results.first().evaluate((e) => e.getBoundingClientRect().top);
    expect(firstTop).toBeLessThan(500);
    await expectAccessible(page, testInfo, 'the search page at 400 px, filters folded');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const source = filters.getByRole('combobox', { name: 'Source' });
    await expect(source).toBeVisible();
    // In page order: the button, then the first filter, drawn below it and above the results.
    await page.keyboard.press('Tab');
    await expect(source).toBeFocused();
    const [sourceBox, resultBox] = [await source.boundingBox(), await results.first().boundingBox()];
    expect(sourceBox!.y).toBeLessThan(resultBox!.y);

    const schema = filters.getByRole('textbox', { name: 'Schema' });
    await schema.fill('sales');
    await schema.press('Enter');
    await expect(page).toHaveURL(/filters=/);
    const named = filters.getByRole('button', { name: 'Filters (1 active)' });
    await expect(named).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/screenshots/search-narrow-filters-400.png', fullPage: true });
    await filters.getByRole('button', { name: 'Clear all filters' }).press('Enter');
    await expect(page).not.toHaveURL(/filters=/);
    // The button that was pressed is gone: focus is on the panel's button, not on <body>.
    await expect(toggle).toBeFocused();
  });

  test('the nav bar\'s suggestions are as wide as the window, less a margin', async ({ page }) => {
    await page.goto('/search?term=orders');
    await expect(page.locator('[data-search-result]').first()).toBeVisible();
    const box = page.getByRole('banner').getByRole('combobox');
    await box.fill('customer');
    const listbox = page.getByRole('banner').getByRole('listbox');
    await expect(listbox.getByRole('option').first()).toBeVisible();
    const [popup, input] = await Promise.all([
      page.getByRole('banner').locator('.combobox__popup').boundingBox(),
      box.boundingBox(),
    ]);
    expect(input!.width).toBeLessThan(250);
    expect(popup!.width).toBeGreaterThan(370);
    expect(popup!.x).toBeGreaterThanOrEqual(0);
    expect(popup!.x + popup!.width).toBeLessThanOrEqual(400);
    // Right under the box.
    expect(popup!.y - (input!.y + input!.height)).toBeLessThan(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  });
});

test('at 1280 px the filters stand open beside the results, as before', async ({ page }, testInfo) => {
  await page.goto('/search?term=cust');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
  const filters = page.getByRole('region', { name: /Filters/ });
  await expect(filters.getByRole('heading', { level: 2, name: 'Filters' })).toBeVisible();
  await expect(filters.getByRole('button', { name: /^Filters/ })).toBeHidden();
  await expect(filters.getByRole('combobox', { name: 'Source' })).toBeVisible();
  // The nav bar's suggestions stay as wide as its box.
  const box = page.getByRole('banner').getByRole('combobox');
  await box.fill('customer');
  await expect(page.getByRole('banner').getByRole('option').first()).toBeVisible();
  const [popup, input] = await Promise.all([page.getByRole('banner').locator('.combobox__popup').boundingBox(), box.boundingBox()]);
  expect(Math.abs(popup!.width - input!.width)).toBeLessThan(2);
  await box.press('Escape');
  await captureWidths(page, testInfo, 'search-filters-wide');
});

test('suggestions for a word typed before cannot be chosen: Down and Enter right away search for what is typed', async ({ page }) => {
  await page.goto('/');
  const box = page.getByTestId('home-search');
  await box.click();
  await box.pressSequentially('orders');
  const datasets = page.getByRole('group', { name: 'Datasets' });
  await expect(datasets.getByRole('option').first()).toContainText('orders');
  await page.waitForTimeout(1000);
  // The answer for "revenue" is slow, so the list for "orders" is still out when Down is pressed.
  await page.route('**/api/search/v1/search', async (route) => {
    if (route.request().postData()?.includes('revenue')) await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  await box.selectText();
  await box.pressSequentially('revenue');
  // The list for "orders" is still out: marked busy, and passed by.
  await expect(page.getByRole('listbox')).toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?term=revenue$/);
});

// A long table name broke one letter from its end beside the bookmark star at 400 px
// ("finance.snap_apac_chargebacks_funne" then "l"): it wraps after `_`, `.` or `/` now, as in the preview.
test('a long result name wraps only after an underscore, dot, slash or space, at 400, 800 and 1280 px', async ({ page }) => {
  await page.goto('/search?term=orders');
  const names = page.locator('main [data-search-result] h3 a');
  await expect(names).toHaveCount(10);
  for (const width of [400, 800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.fonts.ready);
    // Each name's text, one string a line as drawn.
    const lines = await names.evaluateAll((links) =>
      links.map((link) => {
        const rows: { top: number; text: string }[] = [];
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const chars = node.textContent ?? '';
          for (let i = 0; i < chars.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            const row = rows.find((r) => Math.abs(r.top - rect.top) < 4);
            if (row) row.text += chars[i];
            else rows.push({ top: rect.top, text: chars[i]! });
          }
        }
        return rows.map((r) => r.text);
      }),
    );
    if (width === 400) expect(lines.filter((l) => l.length > 1).length, 'some names wrap at 400 px').toBeGreaterThan(0);
    const badBreaks = lines.filter((l) => l.slice(0, -1).some((line) => !/[_./ ]$/.test(line)));
    expect(badBreaks, `names broken inside a word at ${width} px`).toEqual([]);
  }
});
