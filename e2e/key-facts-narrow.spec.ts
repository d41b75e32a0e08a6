// Where a resource page stacks its side panel under the main column (820 px and less, decision 087),
// its owners and tags are said at the end of the header, with a link that scrolls to the panel and
// moves the focus there (decision 090); where the panel stands beside the header they are not.
import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

test.use({ profiles: 'on' });

const TABLE = '/table_detail/gold/hive/sales/orders';
const CHURN = `/dashboard/${encodeURIComponent('looker_dashboard://prod.growth_looker/churn_overview_0')}`;

/** The top of the page as seen (not the whole page: the point is what is near the top), kept as a file too. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/screenshots/${testInfo.project.name}-${name}.png`;
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ path }), contentType: 'image/png' });
}

async function openTable(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  await expect(page.locator('.skeleton')).toHaveCount(0);
}

for (const width of [400, 800]) {
  test(`at ${width} px the table page says its owners and tags near the top, and its link takes the focus to the panel`, async ({ page }, testInfo) => {
    await openTable(page, width);
    const facts = page.getByTestId('key-facts');
    const side = page.getByRole('complementary', { name: 'About this table' });
    await expect(facts).toBeVisible();
    // In the first screen, in the header, above the tabs and the main column.
    const box = (await facts.boundingBox())!;
    expect(box.y + box.height, 'the key facts are in the first screen').toBeLessThan(900);
    expect(box.y + box.height).toBeLessThanOrEqual((await page.getByRole('tab', { name: 'Overview' }).boundingBox())!.y);
    expect(box.y + box.height).toBeLessThan((await side.boundingBox())!.y);
    // The same owners and tags as the panel, as text.
    const panelOwners = await side.getByRole('list', { name: 'Owners' }).getByRole('link').allInnerTexts();
    expect(panelOwners.length).toBeGreaterThan(0);
    await expect(facts.locator('dt', { hasText: 'Owners' }).locator('xpath=following-sibling::dd')).toHaveText(panelOwners.join(', '));
    const panelTags = await side.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts();
    expect(panelTags.sort()).toEqual(['kpi', 'revenue', 'sales']);
    await expect(facts.locator('dt', { hasText: 'Tags' }).locator('xpath=following-sibling::dd')).toHaveText((await side.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts()).join(', '));
    await expect(facts.getByRole('link')).toHaveCount(1);
    await expectAccessible(page, testInfo, `table page key facts at ${width} px`);
    await shot(page, testInfo, `key-facts-table-${width}`);

    // The keyboard: Enter on the link, the panel has the focus and is in view; Tab goes on inside it.
    const link = facts.getByRole('link', { name: 'Owners, tags and more' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(side).toBeFocused();
    await expect(side).toBeInViewport();
    // Its top is seen (at the window's top, or lower where the page ends below it).
    const [top, scrolledToEnd] = await side.evaluate((el) => [el.getBoundingClientRect().top, Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight]);
    expect(top, 'the top of the panel is in the window').toBeGreaterThanOrEqual(0);
    if (!scrolledToEnd) expect(top, 'the panel is scrolled to the top of the window').toBeLessThan(50);
    await shot(page, testInfo, `key-facts-table-${width}-jumped`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.resource-page__side'))).toBe(true);

    // A click does the same.
    await page.evaluate(() => window.scrollTo(0, 0));
    await link.click();
    await expect(side).toBeFocused();
    await expect(side).toBeInViewport();
  });
}

test('at 1280 px, with the panel beside the header, the table page has no key facts: not seen, not a Tab stop', async ({ page }, testInfo) => {
  await openTable(page, 1280);
  await expect(page.getByTestId('key-facts')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Owners, tags and more' })).toHaveCount(0);
  await shot(page, testInfo, 'key-facts-table-1280');
});

test('at 400 px the dashboard page says its owners and tags near the top too', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(CHURN);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
  const facts = page.getByTestId('key-facts');
  await expect(facts).toBeVisible();
  expect((await facts.boundingBox())!.y).toBeLessThan(900);
  await facts.getByRole('link', { name: 'Owners, tags and more' }).click();
  await expect(page.getByRole('complementary', { name: 'About this dashboard' })).toBeFocused();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, testInfo, 'key-facts-dashboard-400');
});

test('at 400 px a profile says the manager and email near the top, above the person\'s lists; at 1280 px not (decision 108)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto('/user/shafi.goldwasser%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shafi Goldwasser');
  const facts = page.getByTestId('key-facts');
  await expect(facts).toBeVisible();
  const box = (await facts.boundingBox())!;
  expect(box.y + box.height, 'the key facts are in the first screen').toBeLessThan(900);
  expect(box.y + box.height).toBeLessThanOrEqual((await page.getByRole('tab', { name: /Owned/ }).boundingBox())!.y);
  await expect(facts.locator('dt', { hasText: 'Email' }).locator('xpath=following-sibling::dd')).toHaveText('shafi.goldwasser@example.org');
  await expect(facts.locator('dt', { hasText: 'Manager' }).locator('xpath=following-sibling::dd')).toHaveText('Fridtjof Nansen');
  await expectAccessible(page, testInfo, 'profile key facts at 400 px');
  await shot(page, testInfo, 'key-facts-profile-400');
  await facts.getByRole('link', { name: 'Manager, email and more' }).click();
  const side = page.getByRole('complementary', { name: 'About Shafi Goldwasser' });
  await expect(side).toBeFocused();
  await expect(side).toBeInViewport();

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(facts).toBeHidden();
});
