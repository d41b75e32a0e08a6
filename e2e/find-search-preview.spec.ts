// The BFF's HTML preview of the search page's first results (decision 023) must lay out like the app's
// page, so nothing moves when React replaces it: at 1280, 800, 700 and 400 px (at 760 px and less under the
// filter panel folded as the app folds it, decision 099), with a filter or not, the page with JavaScript
// off (the preview alone) and on (the app) puts the heading, the results' count and each result's name
// at the same place, in the same order. The preview is busy and
// inert, and a hostile term is text in it.
import type { Browser, BrowserContext, Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

const TERM = 'orders';
const PREVIEW = '[data-first-results-preview]';
const TOLERANCE_PX = 2;

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const names = (page: Page) => page.locator('main [data-search-result]').getByRole('heading', { level: 3 }).getByRole('link');

/** Where the heading, the results' count and each result's name are, top to bottom. */
async function layout(page: Page): Promise<Box[]> {
  const targets: [string, Locator][] = [
    ['h1', page.getByRole('heading', { level: 1 })],
    ['count', page.locator('main h2.search-results__heading')],
  ];
  for (const [i, link] of (await names(page).all()).entries()) targets.push([`row ${i + 1}: ${(await link.textContent()) ?? ''}`, link]);
  const boxes: Box[] = [];
  for (const [what, locator] of targets) {
    const box = await locator.boundingBox();
    expect(box, `${what} has a box`).not.toBeNull();
    boxes.push({ what, ...box! });
  }
  return boxes;
}

/** Same things, same order, each within TOLERANCE_PX of where it was. */
function expectSameLayout(app: Box[], preview: Box[], width: number) {
  expect(
    app.map((b) => b.what),
    `the same heading and rows in the same order at ${width} px`,
  ).toEqual(preview.map((b) => b.what));
  const moved = app.flatMap((a, i) => {
    const p = preview[i]!;
    const off = (['x', 'y', 'width', 'height'] as const).filter((k) => Math.abs(a[k] - p[k]) > TOLERANCE_PX);
    return off.map((k) => `${a.what}: ${k} ${Math.round(p[k])} in the preview, ${Math.round(a[k])} in the app`);
  });
  expect(moved, `what moves when the app replaces the preview at ${width} px`).toEqual([]);
}

async function contextLike(browser: Browser, signedIn: BrowserContext, baseURL: string, width: number, javaScriptEnabled: boolean) {
  return browser.newContext({ baseURL, storageState: await signedIn.storageState(), javaScriptEnabled, viewport: { width, height: 1000 } });
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

const FILTERED = `/search?term=${TERM}&filters=${encodeURIComponent(JSON.stringify({ tag: { value: 'kpi' } }))}`;
const CASES: { width: number; url: string; what: string }[] = [
  ...[1280, 800, 700, 400].map((width) => ({ width, url: `/search?term=${encodeURIComponent(TERM)}`, what: '' })),
  ...[1280, 400].map((width) => ({ width, url: FILTERED, what: ', with a filter' })),
];

for (const { width, url, what } of CASES) {
  test(`at ${width} px${what} the preview puts the heading and every result where the app puts them`, async ({ browser, context, baseURL }, testInfo) => {

    // JavaScript off: what the BFF sent, the preview alone.
    const off = await contextLike(browser, context, baseURL!, width, false);
    const preview = await off.newPage();
    await preview.goto(url);
    await expect(preview.locator(PREVIEW)).toHaveCount(1);
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(`Results for “${TERM}”`);
    if (what) await expect(names(preview).first()).toBeAttached();
    else await expect(names(preview)).toHaveCount(10);
    // Seen, on the first screen: at 760 px and less it drew none (its results were hidden).
    await expect(names(preview).first()).toBeInViewport();
    await preview.evaluate(() => document.fonts.ready);
    const previewBoxes = await layout(preview);
    await attachScreenshot(preview, testInfo, `search-${width}${what ? '-filtered' : ''}-preview.png`);
    await off.close();

    // JavaScript on: the app replaces the preview. Record whether the page is ever without results
    // once it had them (a skeleton between the preview and the app's results).
    const on = await contextLike(browser, context, baseURL!, width, true);
    const app = await on.newPage();
    await app.addInitScript(`new MutationObserver(() => {
      const has = !!document.querySelector('[data-search-result]');
      if (has) window.__hadResults = true; else if (window.__hadResults) window.__gap = true;
    }).observe(document, { childList: true, subtree: true });`);
    await app.goto(url);
    await expect(app.locator(PREVIEW)).toHaveCount(0);
    // The app's own controls are there: it has mounted (the preview draws no tab role).
    await expect(app.getByRole('tab', { name: /Datasets/ })).toBeVisible();
    await expect(names(app)).toHaveCount(previewBoxes.length - 2);
    await app.evaluate(() => document.fonts.ready);
    // The app's late parts (bookmark stars, filter panel) settle within a frame or two.
    await expect(async () => expectSameLayout(await layout(app), previewBoxes, width)).toPass({ timeout: 5_000 });
    expect(await app.evaluate(() => (window as unknown as { __gap?: boolean }).__gap === true), 'the page is without results between the preview and the app').toBe(false);
    await attachScreenshot(app, testInfo, `search-${width}${what ? '-filtered' : ''}-app.png`);
    await on.close();
  });
}

test('at 400 px the preview draws the filter panel folded, inert, as the app draws it', async ({ browser, context, baseURL }) => {
  const off = await contextLike(browser, context, baseURL!, 400, false);
  const page = await off.newPage();
  await page.goto(FILTERED);
  const panel = page.locator(`${PREVIEW} section.filters`);
  await expect(panel).toHaveAttribute('inert', '');
  await expect(panel.getByText('Filters (1 active)')).toBeVisible();
  await expect(page.locator('main [data-search-result]').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await expect(panel).toBeHidden();
  await expect(page.locator('main [data-search-result]').first()).toBeVisible();
  await off.close();
});

test('the preview is busy and inert: its search box, tabs and user menu take neither focus nor clicks', async ({ browser, context, baseURL }) => {
  const off = await contextLike(browser, context, baseURL!, 1280, false);
  const page = await off.newPage();
  await page.goto(`/search?term=${TERM}`);
  const preview = page.locator(PREVIEW);
  await expect(preview).toHaveAttribute('aria-busy', 'true');
  const box = page.getByLabel('Search the catalog', { exact: true });
  await expect(box).toHaveValue(TERM);
  for (const control of [page.locator('.search-form'), page.locator('.tabs__list'), page.locator('.user-menu')]) {
    await expect(control).toHaveAttribute('inert', '');
  }
  // Inert for real: not focusable, and a click does not reach the box.
  await box.focus();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)).not.toBe('Search the catalog');
  await box.click({ force: true });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)).not.toBe('Search the catalog');
  await page.keyboard.type('zzz');
  await expect(box).toHaveValue(TERM);
  // Tabbing from the top never lands in an inert control; the first stop is a link.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[inert]') === null && document.activeElement?.tagName)).toBe('A');
  // The results' links are plain links that work without JavaScript.
  await expect(names(page).first()).toHaveAttribute('href', '/table_detail/gold/hive/sales/orders');
  await off.close();
});

test('a hostile term is text in the preview: no dialog, no element made from it', async ({ page }) => {
  const term = `orders"><img src=x onerror=alert(1)><script>alert(2)</script>`;
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  // JavaScript on but the app's script kept away: the preview stays, and any handler the term had
  // smuggled in could run (the page's CSP blocks inline script too; the DOM checks below do not rely on it).
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.goto(`/search?term=${encodeURIComponent(term)}`);
  const preview = page.locator(PREVIEW);
  await expect(preview).toHaveCount(1);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(`Results for “${term}”`);
  await expect(page.getByLabel('Search the catalog', { exact: true })).toHaveValue(term);
  await expect(page.locator('#root img[src="x"], #root script, #root [onerror]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

// The preview said a dashboard's last run on the server's clock, unnamed, while the app says it on the
// reader's: a reader in Kiritimati (UTC+14) saw "May 18" become "May 19". The server cannot know the
// reader's zone, so the preview says the day on UTC's clock and names it; the row stays where it is.
test("a dashboard's last run in the preview is the UTC day, said so; the app's is the reader's, the row in the same place", async ({ browser, context, baseURL }) => {
  const url = `/search?term=${TERM}&resource=dashboard`;
  const meta = (page: Page) => page.locator('main [data-search-result] .result__meta').first();
  const inKiritimati = async (javaScriptEnabled: boolean) =>
    browser.newContext({ baseURL, storageState: await context.storageState(), javaScriptEnabled, timezoneId: 'Pacific/Kiritimati', viewport: { width: 1280, height: 1000 } });
  const off = await inKiritimati(false);
  const preview = await off.newPage();
  await preview.goto(url);
  await expect(preview.locator(PREVIEW)).toHaveCount(1);
  await expect(meta(preview)).toHaveText(/last successful run [A-Z][a-z]{2} \d\d, \d{4} UTC$/);
  const previewBoxes = await layout(preview);
  await off.close();

  const on = await inKiritimati(true);
  const app = await on.newPage();
  await app.goto(url);
  await expect(app.locator(PREVIEW)).toHaveCount(0);
  await expect(app.getByRole('tab', { name: /Dashboards/ })).toBeVisible();
  await expect(meta(app)).toHaveText(/last successful run [A-Z][a-z]{2} \d\d, \d{4}$/);
  await expect(async () => expectSameLayout(await layout(app), previewBoxes, 1280)).toPass({ timeout: 5_000 });
  await on.close();
});

// On a slow phone the app rendered 500 ms after its script started whether the search page's code had
// run by then or not, and drew the page loader's skeleton where the preview's results had been: results
// vanished, then came back (a 6x CPU slowdown did it about 1 run in 10). The page's code held back by a
// second does it every time: the page is still never without results once it had them.
test("when the search page's code is slow to come, the preview stays until the app has the results", async ({ browser, context, baseURL }) => {
  const on = await contextLike(browser, context, baseURL!, 400, true);
  const app = await on.newPage();
  let delayed = 0;
  await app.route(/\/assets\/search-route-[^/]*\.js$/, async (route) => {
    delayed += 1;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await app.addInitScript(`new MutationObserver(() => {
    const has = !!document.querySelector('[data-search-result]');
    if (has) window.__hadResults = true; else if (window.__hadResults) window.__gap = true;
  }).observe(document, { childList: true, subtree: true });`);
  await app.goto(`/search?term=${TERM}`);
  await expect(app.locator(PREVIEW)).toHaveCount(0);
  await expect(app.getByRole('tab', { name: /Datasets/ })).toBeVisible();
  await expect(names(app)).toHaveCount(10);
  expect(delayed, "the search page's code was held back").toBeGreaterThan(0);
  expect(await app.evaluate(() => (window as unknown as { __gap?: boolean }).__gap === true), 'the page is without results between the preview and the app').toBe(false);
  await on.close();
});
