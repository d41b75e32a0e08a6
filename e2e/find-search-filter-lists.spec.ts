// The filter panel's listed fields (tags, badges, sources) by keyboard alone, in a real browser
// (decision 099): reached by Tab a field's list stays shut (decision 111: Tab through the panel opened
// each list in turn); Alt+↓ or ↓ with nothing typed lists its most used values (tags with their
// counts); ↓ walks the list and each value it reaches is brought into view, also below the window's
// edge; Enter applies it; Escape and Alt+↑ close the list, a second Escape keeps the value (decision 106),
// Tab leaves the field (no trap). At 400 px the
// same from the folded panel's button. And a filter applied from a field low in the panel leaves that
// field, still focused, in view (the new history entry scrolled the window to the top, away from it).
import { expect, expectAccessible, test } from './fixtures';

test('at 1280 px Tab through the filter panel opens no list; Alt+↓ in the Tag field lists the most used tags; ↓ brings each into view, Enter applies one, Tab goes on', async ({ page }, testInfo) => {
  await page.goto('/search?term=cust');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
  // Every stop of the panel, from its first field: no list shown, none said.
  const panel = page.getByRole('region', { name: /^Filters/ });
  await panel.locator('input').first().focus();
  const visited: string[] = [];
  for (let i = 0; i < 12; i++) {
    const name = await page.evaluate(() => (document.activeElement?.closest('.filters') ? (document.activeElement as HTMLElement).getAttribute('aria-label') ?? document.activeElement!.id : null));
    if (name === null) break;
    visited.push(name);
    await expect(page.locator('[role="combobox"][aria-expanded="true"]')).toHaveCount(0);
    await expect(page.getByRole('listbox').filter({ visible: true })).toHaveCount(0);
    await page.keyboard.press('Tab');
  }
  expect(visited).toEqual(expect.arrayContaining(['Source', 'Tag', 'Badge']));
  await page.getByRole('textbox', { name: 'Column' }).focus();
  await page.keyboard.press('Tab');
  const tag = page.getByRole('combobox', { name: 'Tag' });
  await expect(tag).toBeFocused();
  await expect(tag).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(tag).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByRole('listbox', { name: 'Tag: suggestions' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(10);
  // The most used first, its count said in its name.
  await expect(options.first()).toHaveAccessibleName(/^pii ?, used \d+ times$/);
  await expectAccessible(page, testInfo, "the Tag field's list, open");
  // The field is near the window's bottom: the list runs past it, and ↓ scrolls each value into view.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    const active = list.locator('[aria-selected="true"]');
    await expect(active).toHaveAttribute('id', (await tag.getAttribute('aria-activedescendant'))!);
    await expect(active).toBeInViewport({ ratio: 1 });
  }
  const tenth = (await options.nth(9).textContent())!.replace(/\d.*$/, '');
  await page.keyboard.press('Enter');
  await expect(tag).toHaveValue(tenth);
  await expect(page).toHaveURL(new RegExp(`filters=.*${tenth}`));
  await expect(tag).toBeFocused();
  // Escape closes a list opened again; Tab leaves the field, its list closed.
  await page.keyboard.press('ArrowDown');
  await expect(tag).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(tag).toHaveAttribute('aria-expanded', 'false');
  await expect(tag).toHaveValue(tenth);
  // A second Escape keeps the applied value (decision 106): neither the box nor Chromium's own
  // <input type="search"> clears it, and the filter stays after the pause.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(tag).toHaveValue(tenth);
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(new RegExp(`filters=.*${tenth}`));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Badge' })).toBeFocused();
  await expect(tag).toHaveAttribute('aria-expanded', 'false');
});

test('at 1280 × 900 a filter typed in the Tag field, low in the panel, and its any/all choice stay in view once applied', async ({ page }) => {
  await page.goto('/search?term=cust');
  await expect(page.locator('[data-search-result]').first()).toBeVisible();
  const tag = page.getByRole('combobox', { name: 'Tag' });
  await tag.focus();
  const before = await page.evaluate(() => window.scrollY);
  expect(before, 'the Tag field is below the first screen').toBeGreaterThan(0);
  // Applied after the pause: a new history entry.
  await tag.pressSequentially('pii');
  await expect(page).toHaveURL(/filters=.*pii/);
  await expect(tag).toBeFocused();
  await expect(tag).toBeInViewport({ ratio: 1 });
  await tag.pressSequentially(', kpi');
  await tag.press('Enter');
  await expect(page).toHaveURL(/filters=.*kpi/);
  // Any or all: each choice a new entry.
  await page.keyboard.press('Tab');
  const any = page.getByRole('radio', { name: 'Any' });
  await expect(any).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/AND/);
  const all = page.getByRole('radio', { name: 'All' });
  await expect(all).toBeFocused();
  await expect(all).toBeInViewport({ ratio: 1 });
});

test.describe('at 400 px', () => {
  test.use({ viewport: { width: 400, height: 800 } });

  test('the folded panel opens by keyboard, and its Source field lists every source on Alt+↓ (not on Tab); Alt+↑ and Escape close it, Tab goes on', async ({ page }) => {
    await page.goto('/search?term=cust');
    await expect(page.locator('[data-search-result]').first()).toBeVisible();
    await page.getByRole('tab', { name: /^Datasets/ }).focus();
    await page.keyboard.press('Tab');
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    const source = page.getByRole('combobox', { name: 'Source' });
    await expect(source).toBeFocused();
    await expect(source).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(source).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('option', { name: /^snowflake ?, Snowflake$/ })).toBeVisible();
    // The list stays within the window's width.
    const popup = await page.getByRole('listbox', { name: 'Source: suggestions' }).boundingBox();
    expect(popup!.x + popup!.width).toBeLessThanOrEqual(400);
    await page.keyboard.press('Alt+ArrowUp');
    await expect(source).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(source).toHaveAttribute('aria-expanded', 'true');
    await expect(source).not.toHaveAttribute('aria-activedescendant', /./);
    await page.keyboard.press('Escape');
    await expect(source).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Cluster' })).toBeFocused();
  });
});
