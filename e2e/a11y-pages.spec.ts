// The accessibility check (axe, fixtures.ts) over every kind of page at 800 px (the other journeys check
// at 1280 px; the pages none of them checks, here at 1280 px too), and at both widths over what opens on
// the table page: the account menu, the keyboard shortcuts dialog, the Add owner and Add tag boxes with
// their suggestions.
// And a keyboard-only walk at 800 px: Tab from the top of the table page and the search page reaches
// the header's controls, the tabs and the edit controls, each in view, with its focus ring, uncovered.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

test.use({ profiles: 'on' });

const TABLE = '/table_detail/gold/hive/sales/orders';

/** Each kind of page, with its h1 once it has loaded; `at1280`: no other journey checks it at 1280 px. */
const PAGES: { name: string; path: string; h1: string | RegExp; at1280?: boolean }[] = [
  { name: 'home', path: '/', h1: 'Find the data you need' },
  { name: 'search', path: '/search?term=orders', h1: 'Results for “orders”' },
  { name: 'people search', path: '/search?term=liv&resource=user', h1: 'Results for “liv”' },
  { name: 'browse', path: '/browse', h1: 'Browse tags and badges' },
  { name: 'table', path: TABLE, h1: 'sales.orders' },
  { name: 'table history', path: `${TABLE}?tab=history`, h1: 'sales.orders' },
  { name: 'dashboard', path: `/dashboard/${encodeURIComponent('looker_dashboard://prod.growth_looker/churn_overview_0')}`, h1: 'Churn Overview' },
  { name: 'lineage graph', path: '/lineage/table/gold/hive/sales/orders', h1: 'sales.orders' },
  { name: 'lineage list', path: '/lineage/table/gold/hive/sales/orders?view=list', h1: 'sales.orders' },
  { name: 'profile', path: '/user/shafi.goldwasser%40example.org', h1: 'Shafi Goldwasser' },
  { name: 'own profile', path: '/user/roald.amundsen%40example.org', h1: 'Roald Amundsen' },
  { name: 'no such page', path: '/no/such/page', h1: 'Page not found', at1280: true },
  { name: 'no such table', path: '/table_detail/gold/hive/core/no_such_table', h1: 'Table not found' },
  { name: 'no such dashboard', path: '/dashboard/nope', h1: 'Dashboard not found' },
  { name: 'no such person', path: '/user/nobody%40example.org', h1: 'No such person' },
];

for (const width of [1280, 800]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const { name, path, h1 } of PAGES.filter((p) => width === 800 || p.at1280)) {
      test(`the ${name} page passes the accessibility check`, async ({ page }, testInfo) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
        await expect(page.locator('.skeleton')).toHaveCount(0);
        await expectAccessible(page, testInfo, `${name} at ${width} px`);
      });
    }

    test('what opens on the table page passes the accessibility check', async ({ page }, testInfo) => {
      await page.goto(TABLE);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
      const account = page.getByRole('banner').getByRole('button', { name: /^Account/ });
      await account.click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expectAccessible(page, testInfo, `account menu at ${width} px`);
      await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, testInfo, `shortcuts dialog at ${width} px`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: 'Add owner' }).click();
      await page.getByRole('combobox', { name: 'Add owner' }).fill('liv');
      await expect(page.getByRole('option', { name: /Liv Arnesen/ })).toBeVisible();
      await expectAccessible(page, testInfo, `owner picker at ${width} px`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Add tag' }).click();
      await page.getByRole('combobox', { name: 'Add tag' }).fill('a_new_tag');
      await expect(page.getByRole('option', { name: 'Add new tag “a_new_tag”' })).toBeVisible();
      await expectAccessible(page, testInfo, `tag box at ${width} px`);
    });
  });
}

/** Where the focus is after a Tab: its name, and whether it is in view, has its ring and is on top where it is. */
const focusAfterTab = async (page: Page) => {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '(page)', shown: true, problem: '' };
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
    const inView = x >= 0 && x < innerWidth && y >= 0 && y < innerHeight;
    const top = inView ? document.elementFromPoint(x, y) : null;
    const problem = !inView
      ? 'out of view'
      : style.outlineStyle === 'none' && style.boxShadow === 'none'
        ? 'no focus ring'
        : top && !(el === top || el.contains(top) || top.contains(el))
          ? `covered by ${top.tagName.toLowerCase()}.${String((top as HTMLElement).className)}`
          : '';
    return { name: (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim(), shown: true, problem };
  });
};

/** Tabs from the page's first stop (its skip link) `stops` times; what was reached, and each stop's problem if any. */
async function walk(page: Page, stops: number) {
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  const reached: string[] = ['Skip to content'];
  const problems: string[] = [];
  for (let i = 0; i < stops; i++) {
    const { name, problem } = await focusAfterTab(page);
    reached.push(name);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return { reached, problems };
}

test.describe('with the keyboard only, at 800 px', () => {
  test.use({ viewport: { width: 800, height: 900 } });

  test('Tab reaches the header, the tabs and the edit controls of the table page, each in view, ringed and uncovered', async ({ page }) => {
    await page.goto(TABLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
    const { reached, problems } = await walk(page, 60);
    expect(problems).toEqual([]);
    for (const name of ['Skip to content', 'Nansen', 'Search the catalog', 'Browse', 'Account: Roald Amundsen', 'Bookmark', 'Overview', 'Edit description', 'Edit description of order_id', 'Add owner', 'Add tag']) {
      expect(reached, `Tab reaches ${name}`).toContain(name);
    }
    // One stop for the tabs (the arrow keys move between them).
    expect(reached.filter((name) => /^History/.test(name))).toEqual([]);
    const overview = page.getByRole('tab', { name: /^Overview/ });
    await overview.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: /^History/ })).toBeFocused();
    await expect(page).toHaveURL(/[?&]tab=history/);
  });

  test('Tab reaches the header, the result tabs, the filters and the results of the search page, each in view, ringed and uncovered', async ({ page }) => {
    await page.goto('/search?term=orders');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “orders”');
    const { reached, problems } = await walk(page, 30);
    expect(problems).toEqual([]);
    for (const name of ['Search the catalog', 'Browse', 'Account: Roald Amundsen', 'sales.orders', 'Bookmark orders']) {
      expect(reached, `Tab reaches ${name}`).toContain(name);
    }
    expect(reached.some((name) => /^Datasets/.test(name)), 'Tab reaches the result tabs').toBe(true);
  });
});
