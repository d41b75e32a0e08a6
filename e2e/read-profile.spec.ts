// A person's profile (user profiles on): who they are, their manager, and what they own, bookmarked
// and use, in tabs with counts and pages; and an id nobody has.
import type { Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

/** Screenshots from the top of the page (the nav bar sticks to the top of the window). */
async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

test.use({ profiles: 'on' });

test('a profile shows a person, links to their manager, and pages through their lists in tabs', async ({ page }, testInfo) => {
  // Shafi reports to Fridtjof; Fridtjof owns more tables than fit on one page.
  await page.goto('/user/shafi.goldwasser%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shafi Goldwasser');
  // Role and team each under their label (decision 113).
  const summary = page.getByTestId('profile-summary');
  await expect(summary.getByRole('term')).toHaveText(['Role', 'Team']);
  await expect(summary.getByRole('definition')).toHaveText(['Software Engineer', 'Checkout']);
  await expect(page.getByRole('link', { name: 'shafi.goldwasser@example.org' })).toHaveAttribute('href', 'mailto:shafi.goldwasser@example.org');
  await expectAccessible(page, testInfo, 'profile');
  await capture(page, testInfo, 'profile-shafi');

  await page.getByTestId('manager-link').click();
  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fridtjof Nansen');
  await expect(page.getByRole('link', { name: /^github.com\/fridtjof/ })).toHaveAttribute('href', 'https://github.com/fridtjof');

  const tabs = page.getByRole('tablist', { name: 'Resources of Fridtjof Nansen' });
  const owned = tabs.getByRole('tab', { name: /Owned/ });
  await expect(owned).toHaveAttribute('aria-selected', 'true');
  await expect(owned).toContainText('44');

  const ownedTables = page.getByTestId('owned-tables');
  await expect(ownedTables.getByRole('heading', { name: /Tables/ })).toContainText('42');
  await expect(ownedTables.getByRole('listitem')).toHaveCount(10);
  // The profile's pager says what the search's says.
  const pages = ownedTables.getByRole('navigation', { name: 'Pages of owned tables' });
  await expect(pages).toContainText('Page 1 of 5');
  // Previous, the page numbers (the current one marked), Next.
  await expect(pages.getByRole('link')).toHaveText(['Previous', '1', '2', '3', '4', '5', 'Next']);
  await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await expect(ownedTables.getByText('Showing 1–10 of 42')).toBeVisible();
  const firstOnPageOne = await ownedTables.getByRole('listitem').first().getByRole('link').textContent();
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(pages).toContainText('Page 2 of 5');
  await expect(ownedTables.getByText('Showing 11–20 of 42')).toBeVisible();
  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org?page=2');
  await expect(ownedTables.getByRole('listitem').first().getByRole('link')).not.toHaveText(firstOnPageOne!);
  const firstOnPageTwo = await ownedTables.getByRole('listitem').first().getByRole('link').textContent();
  await expect(page.getByTestId('owned-dashboards').getByRole('listitem')).toHaveCount(2);
  await capture(page, testInfo, 'profile-owned-page-2');

  // A reload keeps the page.
  await page.reload();
  await expect(ownedTables.getByRole('listitem').first().getByRole('link')).toHaveText(firstOnPageTwo!);

  // Paging with Enter to the last page and back to the first keeps focus in the pager: on Next, then on
  // Previous, each disabled at its end (focus did drop to the page's body when they became plain text).
  const next = pages.getByRole('link', { name: 'Next' });
  await next.focus();
  for (const n of [3, 4, 5, 5]) {
    await page.keyboard.press('Enter');
    await expect(pages).toContainText(`Page ${n} of 5`);
  }
  await expect(next).toBeFocused();
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  const previous = pages.getByRole('link', { name: 'Previous' });
  // Back past the page numbers to Previous.
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('Shift+Tab');
  await expect(previous).toBeFocused();
  for (const n of [4, 3, 2, 1]) {
    await page.keyboard.press('Enter');
    await expect(pages).toContainText(`Page ${n} of 5`);
  }
  await expect(previous).toBeFocused();
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org');

  // Tabs work with the keyboard: the arrow key moves to Bookmarked, then Frequently used.
  await owned.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: /Bookmarked/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  const read = tabs.getByRole('tab', { name: /Frequently used/ });
  await expect(read).toHaveAttribute('aria-selected', 'true');
  await expect(read).toContainText('45');
  await expect(page.getByTestId('read-tables').getByRole('listitem')).toHaveCount(10);
  await expect(page.getByTestId('read-dashboards')).toHaveCount(0);
  await expectAccessible(page, testInfo, 'profile, frequently used');

  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org?tab=read');
  await page.getByTestId('read-tables').getByRole('navigation', { name: 'Pages of frequently used tables' }).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org?tab=read&page=2');

  // A table on the list leads to its page; Back returns to the tab and page it was on.
  const first = page.getByTestId('read-tables').getByRole('listitem').first().getByRole('link');
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!);
  await page.goBack();
  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org?tab=read&page=2');
  await expect(tabs.getByRole('tab', { name: /Frequently used/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('read-tables').getByRole('listitem').first().getByRole('link')).toHaveText(name!);
});

test('Back after paging a list with Next returns to where the profile was scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/user/fridtjof.nansen%40example.org');
  const ownedTables = page.getByTestId('owned-tables');
  const pages = ownedTables.getByRole('navigation', { name: 'Pages of owned tables' });
  await expect(pages).toContainText('Page 1 of 5');
  // Down to the pager with room below it: page 2 of the list is shorter, and a page clamped to its new
  // end would fire a scroll event that files the position by itself.
  await pages.evaluate((nav) => window.scrollBy(0, Math.round(nav.getBoundingClientRect().bottom - (window.innerHeight - 100))));
  await page.waitForTimeout(200);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100);
  // Next replaces the URL and leaves the page where it is: no scroll event files a position for it.
  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(pages).toContainText('Page 2 of 5');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  // A link the window shows, as a person follows one. (Clicking one out of view, Playwright first
  // scrolls it into view, and that is where the page is left: the first row put Back at 249 px.)
  const link = ownedTables.getByRole('listitem').last().getByRole('link');
  await expect(link).toBeInViewport();
  await link.click();
  await expect(page).toHaveURL(/\/table_detail\//);
  await page.goBack();
  await expect(pages).toContainText('Page 2 of 5');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('at 320 px the selected tab of a profile is in view', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/user/fridtjof.nansen%40example.org?tab=edits');
  const edits = page.getByRole('tab', { name: /Edits/ });
  await expect(edits).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /Frequently used/ })).toContainText(/\d/);
  await expect.poll(async () => {
    const box = (await edits.boundingBox())!;
    return box.x >= 0 && box.x + box.width <= 320;
  }, { message: 'the selected Edits tab lies inside the 320 px window' }).toBe(true);
});

/** Each tab of the page's (first) tab list that is not wholly inside the list's box: cut off, or past an edge. */
async function tabsCutOff(page: Page): Promise<string[]> {
  return page.getByRole('tablist').first().evaluate((list) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('[role=tab]')]
      .filter((tab) => {
        const r = tab.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > document.documentElement.clientWidth;
      })
      .map((tab) => tab.textContent ?? '');
  });
}

test('at 400 px every tab of a profile and of the search page shows whole, and the arrow keys still move through them', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto('/user/fridtjof.nansen%40example.org');
  await expect(page.getByRole('tab', { name: /Frequently used/ })).toContainText(/\d/);
  await expect(page.getByRole('tab', { name: /Edits/ })).toBeVisible();
  expect(await tabsCutOff(page), 'profile tabs cut off at 400 px').toEqual([]);
  await page.getByRole('tab', { name: /Owned/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Frequently used/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Frequently used/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /Edits/ })).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => window.scrollTo(0, 0));
  await testInfo.attach('profile-tabs-400.png', { body: await page.screenshot({ path: 'test-results/screenshots/profile-tabs-400.png' }), contentType: 'image/png' });

  await page.goto('/search?term=orders');
  await expect(page.getByRole('tab', { name: /People/ })).toBeVisible();
  expect(await tabsCutOff(page), 'search tabs cut off at 400 px').toEqual([]);
});

test('your own profile says whose lists are empty, and an id nobody has gets a "no such person" page', async ({ page }, testInfo) => {
  await page.goto('/user/roald.amundsen%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roald Amundsen');
  await expect(page.getByText('Your profile')).toBeVisible();
  await page.getByRole('tab', { name: /Bookmarked/ }).click();
  await expect(page.getByText(/^You have bookmarked no (tables|dashboards)\.$/).first()).toBeVisible();
  await capture(page, testInfo, 'profile-own-bookmarks');

  await page.goto('/user/nobody%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such person');
  await expect(page.getByText('nobody@example.org')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Search people' })).toHaveAttribute('href', /resource=user/);
  await expectAccessible(page, testInfo, 'no such person');
  await capture(page, testInfo, 'profile-unknown');
});

test('a profile link whose email differs only in case opens the person under their own id, in place; a mistyped one does not (decision 088)', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.goto('/user/Fridtjof.Nansen%40Example.ORG?page=2');
  await expect(page).toHaveURL('/user/fridtjof.nansen%40example.org?page=2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fridtjof Nansen');
  await expect(page.getByTestId('owned-tables').getByText('Showing 11–20 of 42')).toBeVisible();
  await capture(page, testInfo, 'profile-case-moved');
  // The other-case URL was replaced, not followed by a new entry: Back leaves the profile.
  await page.goBack();
  await expect(page).toHaveURL('/');

  // Only case is forgiven: one letter more is nobody, and the URL stays as typed.
  await page.goto('/user/Fridtjof.Nansenn%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such person');
  await expect(page.getByText('Fridtjof.Nansenn@example.org')).toBeVisible();
  await expect(page).toHaveURL('/user/Fridtjof.Nansenn%40example.org');
});

test('someone who has left is marked as no longer active', async ({ page }, testInfo) => {
  // The demo people are all active: mark Liv inactive in the BFF's real answer.
  await page.route('**/api/metadata/v0/user?user_id=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.user.is_active = false;
    await route.fulfill({ response, json: body });
  });
  await page.goto('/user/liv.arnesen%40example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liv Arnesen');
  await expect(page.getByTestId('inactive')).toContainText('No longer active');
  await expect(page.getByTestId('inactive')).toContainText('Liv Arnesen’s account is marked inactive');
  await expectAccessible(page, testInfo, 'inactive person');
});

test('a title and team that are one long word wrap under the name, not past the window, at 1280, 800 and 400 px', async ({ page }, testInfo) => {
  // Directories hand out such names ("data_platform_ingestion_and_reliability_…"): put them in Liv's real answer.
  const long = 'customer_lifetime_value_and_acquisition_channel_reliability_engineering_platform';
  await page.route('**/api/metadata/v0/user?user_id=*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    Object.assign(body.user, { role_name: long, team_name: `${long}_team` });
    await route.fulfill({ response, json: body });
  });
  await page.goto('/user/liv.arnesen%40example.org');
  await expect(page.getByTestId('profile-summary')).toContainText(`${long}_team`);
  await capture(page, testInfo, 'profile-long-title-team');
  await page.setViewportSize({ width: 400, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the profile scrolls sideways at 400 px').toBeLessThanOrEqual(0);
});
