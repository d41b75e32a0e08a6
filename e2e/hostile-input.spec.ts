// Hostile input renders as text (issue 14 §5): script, event-handler, javascript: and SVG payloads
// written into a table description and a column description (both Markdown) through the BFF, and typed
// as a search term, show as the characters they are on the table page, its History, the editor's
// profile and the search page — no element they describe appears, no dialog opens, no script runs
// (each payload would set window.__xss). A tag carrying markup is refused by Amundsen's tag rule.
// The tables are ones no other spec reads. And the content security policy (decision 050): no inline
// style but the server pages' own is allowed, and no page of Nansen needs one.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callFromPage } from './call-from-page';

test.use({ profiles: 'on' });

const TABLE = { key: 'redshift://dw.finance/snap_manual_budgets_ltv', path: '/table_detail/dw/redshift/finance/snap_manual_budgets_ltv', name: 'finance.snap_manual_budgets_ltv' };

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload="window.__xss=1">';
const JS_LINK = '[click me](javascript:window.__xss=1)';
/** One payload per line, in Markdown: a heading, raw HTML inline and as a block, a javascript: link. */
const DESCRIPTION = [`# Budgets ${SCRIPT}`, '', `Inline ${IMG} here.`, '', SVG, '', JS_LINK].join('\n');
/** A column's description is Markdown too (decision 105): its bold is rendered, its HTML shown as text. */
const COLUMN_DESCRIPTION = `Column **bold** ${IMG} ${SVG} ${JS_LINK}`;

/** Everything a payload could have put in the page. */
const injected = (page: Page) => page.locator('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"], script:text("__xss")');

async function expectNothingRan(page: Page, dialogs: string[]) {
  await expect(injected(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
  expect(dialogs).toEqual([]);
}


test('XSS payloads in descriptions and a search term render as text on the table page, History, the profile and search, and no script runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });

  await page.goto(TABLE.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TABLE.name);
  const table = (await callFromPage(page, 'GET', `/api/metadata/v0/table?key=${encodeURIComponent(TABLE.key)}`)).body as {
    tableData: { description: string; columns: { name: string; description: string | null }[] };
  };
  const column = table.tableData.columns[0]!;
  const saved = await callFromPage(page, 'PUT', '/api/metadata/v0/put_table_description', { key: TABLE.key, description: DESCRIPTION, base: table.tableData.description });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const savedColumn = await callFromPage(page, 'PUT', '/api/metadata/v0/put_column_description', {
    key: TABLE.key, column_name: column.name, description: COLUMN_DESCRIPTION, base: column.description,
  });
  expect(savedColumn.status, JSON.stringify(savedColumn.body)).toBe(200);

  // A tag with markup is refused by the rule, naming it.
  const tag = await callFromPage(page, 'PUT', '/api/metadata/v0/update_table_tags', { key: TABLE.key, tag: '<img src=x onerror=alert(1)>' });
  expect(tag.status).toBe(400);
  expect(tag.body).toMatchObject({ error: { code: 'invalid_tag' } });

  // The table page: the payloads as text.
  await page.reload();
  const description = page.locator('.table-page__description');
  await expect(description.getByRole('heading', { name: `Budgets ${SCRIPT}` })).toBeVisible();
  await expect(description).toContainText(`Inline ${IMG} here.`);
  await expect(description).toContainText(SVG);
  await expect(description).toContainText('click me');
  const columnText = page.getByTestId('column-row').first().locator('.columns-table__description');
  await expect(columnText.locator('strong')).toHaveText('bold');
  await expect(columnText).toContainText(`Column bold ${IMG} ${SVG} click me`);
  await expectNothingRan(page, dialogs);

  // History: before and after, as text.
  const historyTab = page.getByRole('tab', { name: 'History' });
  await historyTab.click();
  const edits = page.getByRole('list', { name: `Edits of ${TABLE.name}, newest first` }).getByTestId('edit');
  await expect(edits.first()).toBeVisible();
  const tableEdit = edits.filter({ hasText: 'click me' }).first();
  await tableEdit.getByRole('button', { name: 'Before and after' }).click();
  await expect(tableEdit.getByRole('heading', { name: 'After' }).locator('..')).toContainText(IMG);
  await expectNothingRan(page, dialogs);

  // The editor's profile lists the edits.
  await page.goto('/user/roald.amundsen%40example.org');
  await page.getByRole('tab', { name: 'Edits' }).click();
  const mine = page.getByRole('list', { name: 'Your edits, newest first' }).getByTestId('edit');
  await expect(mine.filter({ has: page.getByRole('link', { name: TABLE.name }) }).first()).toBeVisible();
  await expectNothingRan(page, dialogs);

  // Search: the term as typed, in the heading; the table's result shows its description as text.
  for (const term of [IMG, SVG, SCRIPT, 'snap_manual_budgets_ltv']) {
    await page.goto(`/search?term=${encodeURIComponent(term)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Results for “${term}”`);
    await expectNothingRan(page, dialogs);
  }
  await expect(page.locator('[data-search-result]').filter({ hasText: 'snap_manual_budgets_ltv' }).first()).toBeVisible();
  // Typed into the search box too.
  const box = page.getByRole('combobox', { name: 'Search the catalog' });
  await box.fill(IMG);
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Results for “${IMG}”`);
  await expectNothingRan(page, dialogs);
});

/**
 * Every CSP violation the page reports from now on, across navigations: the `securitypolicyviolation`
 * event and Chromium's console message ("Refused to apply inline style …").
 */
async function watchCspViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeBinding('__cspViolation', (_source, text: string) => void seen.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __cspViolation(text: string): Promise<void> }).__cspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample} at ${location.pathname}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (apply|load|execute)/.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  return seen;
}

/** What the policy does to a `<style>` element and a `style` attribute put in the page now, and to a style set through the CSSOM (as React does). */
const injectedStyles = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'csp-probe';
    document.body.append(probe);
    const padding = () => getComputedStyle(probe).paddingLeft;
    const element = document.createElement('style');
    element.textContent = '#csp-probe { padding-left: 7px }';
    document.head.append(element);
    const byElement = padding();
    element.remove();
    probe.setAttribute('style', 'padding-left: 5px');
    const byAttribute = padding();
    probe.removeAttribute('style');
    probe.style.paddingLeft = '3px';
    const byCssom = padding();
    probe.remove();
    return { byElement, byAttribute, byCssom };
  });

test('no page of Nansen needs an inline style the CSP refuses (home, a table, its lineage graph, the login-error and logged-out pages), and an injected one is refused', async ({ page, context, browser, baseURL }) => {
  const violations = await watchCspViolations(context, page);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/table_detail/gold/hive/sales/orders');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  await expect(page.getByTestId('column-row').first()).toBeVisible();
  await page.getByRole('link', { name: 'Lineage', exact: true }).click();
  await expect(page.getByTestId('lineage-graph').getByTestId('lineage-node').first()).toBeVisible();
  // React Flow places its nodes and the viewport with inline styles, set through the CSSOM: they apply.
  await expect(page.locator('.react-flow__viewport')).toHaveCSS('transform', /matrix/);

  // Anything injected into the page as a <style> element or a style attribute is refused; the CSSOM is not governed.
  expect(await injectedStyles(page)).toEqual({ byElement: '0px', byAttribute: '0px', byCssom: '3px' });
  const refusedHere = violations.splice(0);
  expect(refusedHere.length, refusedHere.join('\n')).toBeGreaterThanOrEqual(2);

  // The server's own pages, signed out: their one <style> applies (allowed by its hash), nothing is refused.
  const signedOut = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const other = await signedOut.newPage();
    const refused = await watchCspViolations(signedOut, other);
    for (const path of ['/auth?error=access_denied', '/logged-out']) {
      await other.goto(path);
      await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
      // PAGE_STYLE's `max-width: 36rem` and its blue button: the <style> was applied.
      await expect(other.locator('body')).toHaveCSS('max-width', '576px');
      await expect(other.locator('.button').first()).toHaveCSS('background-color', 'rgb(29, 78, 216)');
    }
    expect(refused).toEqual([]);
  } finally {
    await signedOut.close();
  }
  expect(violations).toEqual([]);
});
