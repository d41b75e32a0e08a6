// Focus and what screen readers are told, in a real browser: typing in a search filter on a later page
// keeps its keystrokes, a move to another page puts focus on its h1 once it has rendered, search
// suggestions read as "name, details", the lineage graph is a group of table links (no edge images,
// no "application"), and with prefers-reduced-motion it jumps instead of gliding.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const GRAPH = '/lineage/table/lakehouse/delta/sales/int_fraud_price_changes_by_region';

test('typing in a filter on page 2 keeps every keystroke in the field when the results go back to page 1', async ({ page }) => {
  await page.goto('/search?term=orders&page=2');
  await expect(page.getByText(/^Showing 11–20 of/)).toBeVisible();
  const source = page.getByRole('combobox', { name: 'Source' });
  await source.click();
  await source.pressSequentially('hive', { delay: 40 });
  // Applied after the pause: page 1 of the filtered results, shown.
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(page.getByText(/^Showing 1–/)).toBeVisible();
  await expect(source).toBeFocused();
  await source.pressSequentially(',snowflake', { delay: 40 });
  await expect(source).toHaveValue('hive,snowflake');
  await expect(source).toBeFocused();

  // The pager still moves focus to the results heading.
  await page.getByRole('navigation', { name: 'Result pages' }).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByRole('heading', { level: 2, name: /tables?$/ })).toBeFocused();
});

test('the arrow keys in the result-type tabs on page 3 keep focus in the tabs', async ({ page }) => {
  await page.goto('/search?term=orders&page=3');
  await expect(page.getByText(/^Showing 21–/)).toBeVisible();
  await page.getByRole('tab', { name: /^Datasets/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/resource=dashboard/);
  await expect(page.getByRole('heading', { level: 2, name: /dashboards?$/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Dashboards/ })).toBeFocused();
});

/** What has focus: its tag and its text or name, to say where focus went when a check fails. */
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id} ${document.activeElement?.textContent?.slice(0, 40)}`);

test('a move to another page puts focus on its h1 once it has rendered, not on main', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the data you need');

  // Home → table with the keyboard (the table page shows its skeleton first).
  await page.getByRole('region', { name: 'Popular tables' }).getByRole('link', { name: 'core.customers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/table_detail/gold/hive/core/customers');
  const tableHeading = page.getByRole('heading', { level: 1 });
  await expect(tableHeading).toHaveText('core.customers');
  await expect.poll(() => focused(page)).toBe(await tableHeading.evaluate((h) => `H1  ${h.textContent?.slice(0, 40)}`));

  // The nav bar's Browse link (it stays on the page while the new page renders).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Browse tags and badges');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Search → table by a click.
  await page.goto('/search?term=orders');
  const result = page.locator('[data-search-result]').first().getByRole('link').first();
  await result.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/orders$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('search suggestions read as "name, details"', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search for data' }).pressSequentially('custo', { delay: 40 });
  const datasets = page.getByRole('group', { name: 'Datasets' });
  await expect(datasets.getByRole('option').first()).toBeVisible();
  await expect(datasets.getByRole('option', { name: /^customers ?, ?core · Hive$/ })).toHaveCount(1);
  // Chromium's own accessibility tree, which screen readers read.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
  const options = nodes.filter((n) => n.role?.value === 'option').map((n) => n.name?.value ?? '');
  expect(options.find((name) => name.startsWith('customers'))).toMatch(/^customers ?, core · Hive$/);
});

test.describe('the lineage graph', () => {
  /** The viewport's transform two frames after an arrow key, and again after any animation would have ended. */
  const panTransforms = (page: Page) =>
    page.evaluate(async () => {
      const read = () => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
      const frame = document.querySelector<HTMLElement>('.lineage-canvas__frame')!;
      const before = read();
      frame.focus();
      frame.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const soon = read();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { before, soon, after: read() };
    });

  test('is a labelled group of table links: no edge images, no application, and the list named as the alternative', async ({ page }) => {
    await page.goto(GRAPH);
    const graph = page.getByRole('group', { name: /^Lineage graph of/ });
    await expect(page.getByTestId('lineage-node')).toHaveCount(9);
    await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);
    await expect(graph.getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('application')).toHaveCount(0);
    await expect(graph).toHaveAccessibleDescription(/“List” shows the same lineage as a list\./);
    await expect(graph.getByRole('link', { name: /, (current table|upstream|downstream)/ })).toHaveCount(9);
  });

  test('pans without animation when the person prefers reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(GRAPH);
    await expect(page.getByTestId('lineage-node')).toHaveCount(9);
    const reduced = await panTransforms(page);
    expect(reduced.soon).not.toBe(reduced.before);
    expect(reduced.soon).toBe(reduced.after);

    // Without the preference the same move glides (so the check above can tell the two apart).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const animated = await panTransforms(page);
    expect(animated.soon).not.toBe(animated.after);
  });
});
