// Tab order follows what is seen (WCAG 2.4.3 Focus Order, 1.3.2 Meaningful Sequence), wide and narrow:
// Tab from the top of a page through every stop, and each next stop is below or beside the one before,
// never back up in the same column; the page's regions (the bar, the page's header, its main column, its
// side panel) each come once, in the order they stand on the screen. Below 900 px the bar wraps and
// below 820 px a resource page stacks its side panel: neither may move a region where Tab does not go
// (decision 087).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ profiles: 'on' });

const TABLE = '/table_detail/gold/hive/sales/orders';

/** One Tab stop: its name, the region it is in, its box and its region's box, in page coordinates. */
interface Stop {
  name: string;
  region: string;
  box: { top: number; bottom: number; left: number; right: number };
  regionTop: number;
}

/** Presses Tab from the page's top until focus leaves the page or comes round again; each stop on the way. */
async function tabThrough(page: Page, limit = 250): Promise<Stop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): Stop | null => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const regions: [string, string][] = [
        ['.skip-link', 'skip link'],
        ['header.nav', 'bar'],
        ['.resource-page__header', 'page header'],
        ['.resource-page__main', 'main column'],
        ['.resource-page__side', 'side panel'],
        ['main', 'page'],
      ];
      const [selector, region] = regions.find(([s]) => el.closest(s)) ?? ['', 'outside'];
      const pageBox = (element: Element) => {
        const r = element.getBoundingClientRect();
        return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX };
      };
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).replace(/\s+/g, ' ').trim().slice(0, 50);
      return { name, region, box: pageBox(el), regionTop: selector ? pageBox(el.closest(selector)!).top : pageBox(el).top };
    });
    if (!stop || (stops.length > 0 && stop.region === 'skip link')) break;
    stops.push(stop);
  }
  return stops;
}

/** Where a stop goes back up the page: the next stop is wholly above the one before and not in a column to its right. */
function backwardSteps(stops: Stop[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const [before, next] = [stops[i - 1], stops[i]];
    const above = next.box.bottom <= before.box.top;
    const nextColumn = next.box.left >= before.box.right;
    if (above && !nextColumn) problems.push(`“${before.name}” (${before.region}) → “${next.name}” (${next.region}) goes back up the page`);
    // The skip link shows over the top of the page while it has focus; the regions after it are compared.
    if (next.region !== before.region && before.region !== 'skip link' && next.regionTop < before.regionTop) {
      problems.push(`${before.region} → ${next.region}: the ${next.region} stands above the ${before.region}`);
    }
  }
  return problems;
}

/** The regions in the order Tab visits them, each once when focus does not come back to one. */
const regionsInOrder = (stops: Stop[]) => stops.map((s) => s.region).filter((region, i, all) => i === 0 || region !== all[i - 1]);

for (const width of [1280, 800]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('Tab goes through the table page in the order it is seen: the bar, the header, the main column, the side panel', async ({ page }) => {
      await page.goto(TABLE);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
      await expect(page.locator('.skeleton')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Downstream' }).getByRole('link').first()).toBeVisible();
      const stops = await tabThrough(page);
      expect(regionsInOrder(stops)).toEqual(['skip link', 'bar', 'page header', 'main column', 'side panel']);
      // The bar in the order its parts are seen (the search box before the links at every width).
      expect(stops.filter((s) => s.region === 'bar').map((s) => s.name)).toEqual(['Nansen', 'Search the catalog', 'Search', 'Browse', 'Account: Roald Amundsen']);
      expect(backwardSteps(stops)).toEqual([]);
    });

    // Tab from the tab list went past a panel with nothing focusable to the side panel: "No edits yet" unheard (decision 111).
    test('an empty History tab’s panel is the Tab stop after the tab list, its focus ring seen; the Overview’s panel is none', async ({ page }) => {
      await page.goto('/table_detail/gold/hive/core/snap_pos_customers_summary?tab=history');
      const panel = page.getByRole('tabpanel', { name: /^History/ });
      await expect(panel.getByText('No edits yet')).toBeVisible();
      const tab = page.getByRole('tab', { name: /^History/ });
      await tab.focus();
      await page.keyboard.press('Tab');
      await expect(panel).toBeFocused();
      expect(await panel.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await expect(panel).toBeInViewport();
      await page.keyboard.press('Tab');
      await expect(page.locator('.resource-page__side').locator(':focus')).toHaveCount(1);
      // The overview has things to focus: Tab goes from its tab to the first of them, not to the panel.
      await tab.focus();
      await page.keyboard.press('ArrowLeft');
      await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('tabpanel', { name: 'Overview' })).not.toBeFocused();
      await expect(page.getByRole('tabpanel', { name: 'Overview' }).locator(':focus')).toHaveCount(1);
    });

    test('Tab goes through a profile in the order it is seen', async ({ page }) => {
      await page.goto('/user/shafi.goldwasser%40example.org');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shafi Goldwasser');
      await expect(page.locator('.skeleton')).toHaveCount(0);
      const stops = await tabThrough(page);
      // Narrow, the header ends with the key facts' link down to the side panel (decision 108).
      expect(regionsInOrder(stops)).toEqual(width <= 820 ? ['skip link', 'bar', 'page header', 'main column', 'side panel'] : ['skip link', 'bar', 'main column', 'side panel']);
      expect(backwardSteps(stops)).toEqual([]);
    });
  });
}

test.describe('at 400 px', () => {
  test.use({ viewport: { width: 400, height: 900 } });

  test('Tab goes through the bar and the table page in the order they are seen', async ({ page }) => {
    await page.goto(TABLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
    await expect(page.locator('.skeleton')).toHaveCount(0);
    const stops = await tabThrough(page);
    expect(regionsInOrder(stops)).toEqual(['skip link', 'bar', 'page header', 'main column', 'side panel']);
    expect(backwardSteps(stops)).toEqual([]);
  });

  test('Tab goes through the home page in the order it is seen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find the data you need');
    await expect(page.locator('.skeleton')).toHaveCount(0);
    const stops = await tabThrough(page);
    expect(stops.filter((s) => s.region === 'bar').map((s) => s.name)).toEqual(['Nansen', 'Browse', 'Account: Roald Amundsen']);
    expect(backwardSteps(stops)).toEqual([]);
  });
});
