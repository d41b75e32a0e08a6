// Code that does not arrive: while the server restarts, or after a deploy (a page opened before it asks
// for hashed files that are gone: 404). A part loaded on demand (a toast, the Markdown renderer) then
// fails alone and quietly, says what it has to say in plain words, and asks for its code again next time;
// a page whose own code is gone says in words that a reload fixes it. Nothing here changes data.
import type { Page, Route, TestInfo } from '@playwright/test';
import { captureWidths, expect, test } from './fixtures';

const TABLE_PATH = '/table_detail/shop_db/postgres/content/fct_vip_search_clicks_latest';
const MARKDOWN = 'Clicks on **VIP** search results.\n\n- one row per click\n- kept 90 days';
const gone = (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });

/** Errors the page did not handle (a React tree removed by one would leave an empty page). */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

test('a toast whose code is gone shows its words plainly and keeps the page; the next toast asks for its code again', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectPageErrors(page);
  await page.route('**/assets/toast-item-*', gone);
  await page.goto(`${TABLE_PATH}?column=supplier_id`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('content.fct_vip_search_clicks_latest');
  const details = page.locator('.column-details').first();

  await details.getByTestId('copy-column-link').click();
  const notifications = page.getByRole('region', { name: 'Notifications' });
  const said = 'Link copied. The link to supplier_id is on your clipboard.';
  await expect(notifications.getByRole('listitem')).toHaveText(said);
  await expect(notifications.getByRole('status')).toHaveText(said);
  // The page is all there: its heading, the nav bar, the columns.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.getByTestId('column-row').first()).toBeVisible();
  expect(errors).toEqual([]);
  await capture(page, testInfo, 'toast-code-missing');

  // The code is back (the server is up again): the next toast (a second or more later) is a whole one,
  // with its close button and its stylesheet, which Vite would not ask for twice.
  await page.unroute('**/assets/toast-item-*', gone);
  await page.waitForTimeout(1_100);
  await details.getByTestId('copy-column-link').click();
  await expect(notifications.getByRole('button', { name: 'Dismiss: Link copied' })).toBeVisible();

  await expect(notifications.locator('.toast')).toHaveCSS('border-left-width', '4px');
  expect(errors).toEqual([]);
});

test('a description whose Markdown renderer is gone stays plain text in the page; a later page renders it again', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.route('**/api/metadata/v0/table?key=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.tableData.description = MARKDOWN;
    await route.fulfill({ response, json: body });
  });
  let asked = 0;
  await page.route('**/assets/markdown-renderer-*', (route) => (asked++, gone(route)));
  await page.goto(TABLE_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('content.fct_vip_search_clicks_latest');
  const description = page.locator('.table-page__description');
  // Its code asked for and refused (again as the page renders anew: a handful of times, not on and on),
  // the text stays as written, its lines kept.
  await expect.poll(() => asked).toBeGreaterThan(0);
  await expect(description).toHaveCount(1);
  await expect(description).toHaveText(MARKDOWN.replace(/\n\n/, '\n'), { useInnerText: true });
  await expect(description.locator('strong, li')).toHaveCount(0);
  await expect(page.getByTestId('column-row').first()).toBeVisible();
  expect(errors).toEqual([]);
  expect(asked).toBeLessThan(5);
  await capture(page, testInfo, 'markdown-code-missing');

  // Back again: the next page with a description asks for the renderer again, and renders.
  await page.unroute('**/assets/markdown-renderer-*');
  await page.waitForTimeout(1_100);
  await page.getByRole('link', { name: 'Nansen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the data you need');
  await page.goBack();
  await expect(description.locator('strong')).toHaveText('VIP');
  await expect(description.getByRole('listitem')).toHaveText(['one row per click', 'kept 90 days']);
});

test('a page whose own code is gone says a reload fixes it, in words, and the reload does', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the data you need');
  // The dashboard page's own files include the Markdown part's stylesheet (the tester's case: Vite says "Unable to preload CSS").
  const pattern = /\/assets\/markdown-/;
  await page.route(pattern, gone);
  await page.getByRole('region', { name: 'Popular dashboards' }).getByRole('link', { name: 'Churn Overview' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'This page could not be shown' })).toBeVisible();
  await expect(alert).toContainText('A newer version of Nansen is available, or the connection dropped. Reload the page.');
  await expect(alert).not.toContainText('preload');
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await capture(page, testInfo, 'page-code-missing');

  await page.unroute(pattern, gone);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
});
