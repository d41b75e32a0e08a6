// Announcements: with them on (an instance of its own, started with a UI config file that turns them
// on), the home page shows the latest and the announcements page every post; with them off (the
// shared instances), neither the link nor the page is there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { captureWidths, expect, expectAccessible, signedInContext, test } from './fixtures';
import { startNansen, type NansenServer } from './start-nansen';

const POSTS: [string, string][] = [
  ['2026-01-15-welcome.md', 'title: Welcome to Nansen\ndate: 2026-01-15\n\nNansen replaces the old catalog. Your **bookmarks** keep working.\n\n- Search as you type\n- Browse by tag\n\n<script>window.pwned = true</script>\n'],
  ['2026-02-20-dashboards.md', 'title: Dashboards & people are searchable\ndate: 2026-02-20\n\nSearch finds [dashboards](https://example.org/guide) too.\n'],
  ['2026-03-01-maintenance.md', 'title: Maintenance on Saturday\ndate: 2026-03-01\n\nThe catalog is read-only from 08:00 to 10:00. Check with:\n\n\`\`\`\nnansen status\n\`\`\`\n\n## Details\n\nWrites wait until 10:00.\n'],
  // A code line and a table wider than any window: each scrolls inside its block (a named Tab stop,
  // unlike the short block above), the card keeps its width. Its paragraphs make the page long
  // enough for a link to an earlier post to scroll that post to the top.
  ['2025-12-01-old.md', `title: An older post\ndate: 2025-12-01\n\nStill here.\n\n${Array.from({ length: 16 }, (_, i) => `Paragraph ${i + 1} of the older post.`).join('\n\n')}\n\n\`\`\`\nSELECT ${Array.from({ length: 40 }, (_, i) => `column_${i}`).join(', ')} FROM finance.invoices;\n\`\`\`\n\n| ${Array.from({ length: 12 }, (_, i) => `heading_number_${i}`).join(' | ')} |\n|${'---|'.repeat(12)}\n| ${Array.from({ length: 12 }, (_, i) => `value_number_${i}`).join(' | ')} |\n`],
];

test.describe('with announcements on', () => {
  let server: NansenServer;
  let context: BrowserContext;
  let configDir: string;

  test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
    testInfo.setTimeout(150_000);
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-e2e-announcements-'));
    fs.mkdirSync(path.join(configDir, 'posts'));
    for (const [name, text] of POSTS) fs.writeFileSync(path.join(configDir, 'posts', name), text);
    fs.writeFileSync(path.join(configDir, 'ui-config.json'), JSON.stringify({ announcements: { enabled: true, directory: 'posts' }, browse: { curatedTags: ['finance', 'kpi'] } }));
    server = await startNansen({ name: 'announcements', env: { UI_CONFIG_FILE: path.join(configDir, 'ui-config.json') } });
    context = await signedInContext(browser, server);
  });

  test.afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  test('the home page shows the latest announcements, and the announcements page every post, newest first, its HTML sanitized', async ({}, testInfo) => {
    const page = await context.newPage();
    await page.goto('/');
    const latest = page.getByRole('region', { name: 'Announcements' });
    await expect(latest.getByRole('listitem')).toHaveCount(3);
    await expect(latest.getByRole('link').first()).toHaveText('Maintenance on Saturday');
    // The curated tags come first among the tags to browse.
    await expect(page.getByRole('region', { name: 'Browse' }).getByRole('list', { name: 'Tags' }).getByRole('link').first()).toHaveAccessibleName(/^finance, used/);
    await expectAccessible(page, testInfo, 'home with announcements');
    await captureWidths(page, testInfo, 'home-announcements');

    await latest.getByRole('link', { name: 'Dashboards & people are searchable' }).click();
    await expect(page).toHaveURL(/\/announcements#post-2026-02-20-/);
    const post = page.getByRole('heading', { level: 2, name: 'Dashboards & people are searchable' });
    await expect(post).toBeFocused();
    // The post a #link points to comes to rest below the header: at 1280 x 500, where the header stays
    // at the top, and at 320 px, where it scrolls away with the page. (Scrolled again as the page does
    // for a #link once every post's text is in, which can arrive after the first scroll.)
    const postUrl = page.url();
    for (const [width, height] of [[1280, 500], [320, 600]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('/');
      await page.goto(postUrl);
      await expect(post).toBeFocused();
      await expect(page.getByText('Paragraph 16 of the older post.')).toBeAttached();
      await post.evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      const [title, header] = await Promise.all([post.boundingBox(), page.locator('header.nav').boundingBox()]);
      // Scrolled as far as it takes (the post at the top, clear of a header that stays), not stopped by the page's end.
      expect(await page.evaluate(() => window.scrollY + window.innerHeight), `${width} px: the page is long enough to scroll the post to the top`).toBeLessThan(await page.evaluate(() => document.documentElement.scrollHeight));
      expect(title!.y, `${width} px: the post's title is below the header`).toBeGreaterThanOrEqual(header!.y + header!.height);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Announcements');
    await expect(page).toHaveTitle(/^Announcements · /);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Maintenance on Saturday', 'Dashboards & people are searchable', 'Welcome to Nansen', 'An older post']);
    // A post's own headings sit below its title: its "## Details" is an h3 (axe's heading-order checks the rest).
    await expect(page.getByRole('heading', { level: 3, name: 'Details' })).toHaveCount(1);
    const welcome = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Welcome to Nansen' }) });
    await expect(welcome.locator('time')).toHaveText('Jan 15, 2026');
    await expect(welcome.locator('strong')).toHaveText('bookmarks');
    await expect(welcome.getByRole('listitem')).toHaveText(['Search as you type', 'Browse by tag']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    await expect(page.getByRole('link', { name: 'dashboards' })).toHaveAttribute('rel', 'noopener noreferrer');
    await expectAccessible(page, testInfo, 'announcements');
    await page.evaluate(() => window.scrollTo(0, 0));
    // The page does not scroll sideways (captureWidths checks that at 1280 and 800 px), nor do the cards
    // grow past 48rem for the long code line: its block scrolls instead.
    await captureWidths(page, testInfo, 'announcements');
    const older = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'An older post' }) });
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const cards = await page.locator('.announcement').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().width));
      const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      for (const card of cards) expect(card, `a card is wider than 48rem at ${width} px`).toBeLessThanOrEqual(48 * rem);
      const code = await older.locator('pre').evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth }));
      expect(code.scroll, 'the long code line scrolls inside its block').toBeGreaterThan(code.client);
      await expect(older.locator('pre'), `the long code block is a Tab stop at ${width} px`).toHaveAttribute('tabindex', '0');
      await expect(older.locator('pre')).toHaveAccessibleName('Code, scrolls sideways');
      await expect(older.locator('table'), `the wide table is a Tab stop at ${width} px`).toHaveAttribute('tabindex', '0');
      await expect(older.locator('table')).toHaveAccessibleName('Table, scrolls sideways');
      await expect(page.locator('pre').filter({ hasText: 'nansen status' }), `the short code block is no Tab stop at ${width} px`).not.toHaveAttribute('tabindex');
    }
    // Tab passes over the short block and stops on the long one, whose arrow keys then scroll it.
    await page.getByRole('heading', { level: 2, name: 'Maintenance on Saturday' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'dashboards' })).toBeFocused();
    await page.getByRole('heading', { level: 2, name: 'Welcome to Nansen' }).focus();
    await page.keyboard.press('Tab');
    const long = older.locator('pre');
    await expect(long).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => long.evaluate((pre) => pre.scrollLeft), 'the arrow key scrolls the code block').toBeGreaterThan(0);
    await page.close();
  });

  test('in one column (below 760 px) announcements and my bookmarks come before the popular lists; beside them at 1280 px', async () => {
    const page = await context.newPage();
    const top = (name: string) => page.getByRole('region', { name }).boundingBox();
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/');
      await expect(page.getByRole('region', { name: 'Popular tables' }).getByRole('listitem').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'My bookmarks' })).toContainText('No bookmarks yet');
      const [announcements, bookmarks, popular, browse] = await Promise.all([top('Announcements'), top('My bookmarks'), top('Popular tables'), top('Browse')]);
      expect(bookmarks!.y, `${width} px: my bookmarks below announcements`).toBeGreaterThan(announcements!.y);
      expect(browse!.y, `${width} px: Browse below my bookmarks`).toBeGreaterThan(bookmarks!.y);
      if (width === 320) {
        expect(bookmarks!.y, 'my bookmarks before the popular tables').toBeLessThan(popular!.y);
        expect(browse!.y, 'Browse after the popular lists').toBeGreaterThan(popular!.y);
      } else {
        expect(announcements!.x, 'announcements to the right of the popular tables').toBeGreaterThan(popular!.x + popular!.width);
        expect(announcements!.y, 'announcements level with the popular tables').toBeCloseTo(popular!.y, 0);
      }
    }
    await page.close();
  });

  test('at 320 px the header is two rows, the links and account menu at the right under the search box, and the open menu inside the window', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/browse');
    const header = page.locator('header.nav');
    const account = page.getByTestId('user-menu');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Announcements' })).toBeVisible();
    const links = page.getByRole('navigation', { name: 'Main' });
    const [bar, search, button, browse, announcements] = await Promise.all([header.boundingBox(), header.locator('.search-form--nav').boundingBox(),
      account.boundingBox(), links.getByRole('link', { name: 'Browse' }).boundingBox(), links.getByRole('link', { name: 'Announcements' }).boundingBox()]);
    // The logo and search box on the first row; the links and account menu on the second, in Tab order
    // (decision 087; it once took 175 px: three rows above the search).
    expect(bar!.height).toBeLessThanOrEqual(130);
    expect(button!.y, 'the account menu is below the search box').toBeGreaterThanOrEqual(search!.y + search!.height);
    expect(Math.abs(browse!.y - announcements!.y), 'Browse and Announcements share a line').toBeLessThan(4);
    expect(button!.x + button!.width, 'the account menu is at the right').toBeGreaterThan(320 - 24);
    await account.click();
    const popup = page.getByRole('menu').locator('..');
    await expect(page.getByRole('menuitem', { name: 'Log out' })).toBeVisible();
    const box = (await popup.boundingBox())!;
    expect(box.x, 'the menu starts inside the window').toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, 'the menu ends inside the window').toBeLessThanOrEqual(320);
    await page.close();
  });
});

test('with announcements off, there is no announcements link, widget or page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Announcements' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Announcements' })).toHaveCount(0);
  await page.goto('/announcements');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText('Announcements are turned off in this catalog.')).toBeVisible();
});
