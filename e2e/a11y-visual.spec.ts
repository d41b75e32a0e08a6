// What the page looks like to people who see it differently: in forced colours (Windows High
// Contrast) the focus, the selected tab, the chosen view and the column arrows still show; the focus
// ring has 3:1 contrast in normal colours; the active suggestion shows by more than a tint, and in
// forced colours as the highlight; a toast never covers the focused field, nor (moved to the top) the header; at 400 % zoom the header covers no focused control and the
// search box keeps a usable width; with WCAG text spacing the lineage cards wrap instead of cutting.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

const TABLE = '/table_detail/gold/hive/sales/orders';
const LINEAGE = '/lineage/table/gold/hive/sales/orders';

/** WCAG 1.4.12's text spacing, as the usual bookmarklet applies it. */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/**
 * A reader's own styles (a text-size setting, a text-spacing bookmarklet), as a constructed style sheet:
 * the page's CSP refuses a `<style>` element put in the page (page.addStyleTag), as it should (decision
 * 050), while a browser's user styles are not the page's to refuse.
 */
const addReaderStyle = (page: Page, css: string) =>
  page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);

type Rgba = [number, number, number, number];
const parseColor = (css: string): Rgba => {
  const parts = css.match(/[\d.]+/g)?.map(Number) ?? [];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
};
const luminance = ([r, g, b]: Rgba) => {
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
/** WCAG contrast ratio of two opaque colours. */
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** The colour the focus outline is drawn on: the nearest opaque background behind the element's edge. */
function backgroundBehind(locator: Locator, inside: boolean): Promise<string> {
  return locator.evaluate((element, inside) => {
    for (let node: Element | null = inside ? element : element.parentElement; node; node = node.parentElement) {
      const background = getComputedStyle(node).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(background) && background !== 'transparent') return background;
    }
    return 'rgb(255, 255, 255)';
  }, inside);
}

/**
 * How many pixels around `locator` (6 px margin) change between two states of the page, compared in a
 * scratch page (no content security policy there to stop the canvas).
 */
async function changedPixels(page: Page, locator: Locator, from: () => Promise<unknown>, to: () => Promise<unknown>): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
  await from();
  const before = (await page.screenshot({ clip, animations: 'disabled' })).toString('base64');
  await to();
  const after = (await page.screenshot({ clip, animations: 'disabled' })).toString('base64');
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(async ([a, b]) => {
      const pixels = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = await Promise.all([pixels(a), pixels(b)]);
      let changed = 0;
      for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) > 96) changed++;
      return changed;
    }, [before, after]);
  } finally {
    await scratch.close();
  }
}

/** Keyboard focus on `locator` (Tab from the element before it), so that :focus-visible applies. */
/**
 * The table page with its Add tag box open, every tag write refused (403) by the page's network: a
 * toast without changing the shared table.
 */
async function openAddTagRefused(page: Page): Promise<Locator> {
  await page.route('**/api/metadata/v0/update_table_tags', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { name: 'NotAllowedError', message: 'Changing tags needs the editor role.', code: 'edit_forbidden' } }) })
      : route.continue(),
  );
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  await page.getByRole('button', { name: 'Add tag' }).click();
  return page.getByRole('combobox', { name: 'Add tag' });
}

async function keyboardFocus(page: Page, locator: Locator) {
  await locator.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(locator).toBeFocused();
}

/** Opens the account menu from the keyboard and moves its focus to "Keyboard shortcuts" with the arrow keys. */
async function openMenuAt(page: Page, away: boolean): Promise<Locator> {
  const trigger = page.getByRole('button', { name: /^Account:/ });
  const shortcuts = page.getByRole('menuitem', { name: 'Keyboard shortcuts' });
  if (!(await shortcuts.isVisible())) {
    await keyboardFocus(page, trigger);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem').first()).toBeFocused();
  }
  const isFocused = () => shortcuts.evaluate((element) => element === document.activeElement);
  await page.keyboard.press(away ? 'End' : 'Home');
  for (let i = 0; i < 5 && (await isFocused()) === away; i++) await page.keyboard.press('ArrowDown');
  expect(await isFocused()).toBe(!away);
  return shortcuts;
}

test.describe('in forced colours', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
  });

  test('the focus shows on the header Search button and on a menu item, and the button has its border', async ({ page }) => {
    await page.goto(TABLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
    const search = page.getByRole('banner').getByRole('button', { name: 'Search', exact: true });
    const border = await search.evaluate((button) => {
      const style = getComputedStyle(button);
      return { style: style.borderTopStyle, width: parseFloat(style.borderTopWidth), color: style.borderTopColor, background: style.backgroundColor };
    });
    expect(border.style, 'the Search button has a border').toBe('solid');
    expect(border.width).toBeGreaterThanOrEqual(1);
    expect(border.color, 'its border shows against its background').not.toBe(border.background);

    const box = (await search.boundingBox())!;
    const ring = await changedPixels(page, search, () => page.getByTestId('nav-search').focus().then(() => page.mouse.move(0, 500)), () => keyboardFocus(page, search));
    expect(ring, 'pixels that change when the Search button gets the focus').toBeGreaterThanOrEqual(2 * (box.width + box.height));

    const shortcuts = await openMenuAt(page, true);
    const item = (await shortcuts.boundingBox())!;
    const changed = await changedPixels(page, shortcuts, () => openMenuAt(page, true), () => openMenuAt(page, false));
    expect(changed, 'pixels that change when "Keyboard shortcuts" gets the focus').toBeGreaterThanOrEqual(2 * (item.width + item.height));
  });

  test('the active suggestion of the header search is the system highlight', async ({ page }) => {
    await page.goto(TABLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
    const search = page.getByRole('banner').getByRole('combobox');
    await search.fill('orders');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const active = page.locator('[role=option][aria-selected=true]');
    await expect(active).toHaveCount(1);
    // Polled: the suggestions' answer may arrive after the key and draw the list again.
    const colours = () =>
      active.evaluate((option) => {
        const probe = document.createElement('div');
        probe.style.cssText = 'forced-color-adjust: none; background: Highlight; color: HighlightText';
        document.body.append(probe);
        const system = getComputedStyle(probe);
        const answer = { background: getComputedStyle(option).backgroundColor, highlight: system.backgroundColor };
        probe.remove();
        return answer;
      });
    await expect.poll(async () => {
      const { background, highlight } = await colours();
      return background === highlight ? 'the system highlight' : `${background}, not ${highlight}`;
    }).toBe('the system highlight');
  });

  test('only the selected tab looks selected, on the table page and on the search page', async ({ page }) => {
    const underlines = (tabs: Locator) =>
      tabs.evaluateAll((elements) => elements.map((tab) => ({ selected: tab.getAttribute('aria-selected') === 'true', underline: getComputedStyle(tab).borderBottomColor, page: getComputedStyle(document.body).backgroundColor })));
    for (const url of [TABLE, '/search?term=orders']) {
      await page.goto(url);
      const tabs = page.getByRole('tablist').first().getByRole('tab');
      await expect(tabs.nth(1)).toBeVisible();
      const found = await underlines(tabs);
      const selected = found.filter((tab) => tab.selected);
      expect(selected, url).toHaveLength(1);
      for (const tab of found.filter((t) => !t.selected)) {
        expect(tab.underline, `an unselected tab on ${url} has no visible underline`).toBe(tab.page);
        expect(tab.underline, `the selected tab on ${url} is underlined differently`).not.toBe(selected[0]!.underline);
      }
    }
  });

  test('the lineage page shows which of Graph and List is chosen, and the column arrows show', async ({ page }) => {
    await page.goto(LINEAGE);
    const look = (name: string) =>
      page
        .getByRole('radio', { name })
        .evaluate((input) => getComputedStyle(input.nextElementSibling!).backgroundColor);
    await expect(page.getByRole('radio', { name: 'Graph' })).toBeChecked();
    expect(await look('Graph'), 'the chosen option looks different').not.toBe(await look('List'));
    // click, then wait: the choice is the URL's (?view=list), so the radio follows the navigation a moment later.
    await page.getByRole('radio', { name: 'List' }).click();
    await expect(page.getByRole('radio', { name: 'List' })).toBeChecked();
    expect(await look('List'), 'the chosen option looks different, after the change too').not.toBe(await look('Graph'));

    await page.goto(TABLE);
    const arrow = page.getByTestId('column-toggle').first().locator('.disclosure__icon');
    const colours = await arrow.evaluate((icon) => ({ arrow: getComputedStyle(icon).backgroundColor, page: getComputedStyle(document.body).backgroundColor }));
    expect(colours.arrow, 'the arrow before a column name is not painted in the page colour').not.toBe(colours.page);
    expect(colours.arrow, 'nor transparent').not.toMatch(/^rgba\(.*, 0\)$/);
  });
});

test('the active suggestion has a 3:1 bar beside its tint', async ({ page }) => {
  // Forced colours drop shadows; an emulation of them can outlast the tests above in the same browser.
  await page.emulateMedia({ forcedColors: 'none' });
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  await page.getByRole('banner').getByRole('combobox').fill('orders');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  // Read once the list has settled: suggestions redrawn as the search answers can replace the option.
  const activeShadow = () => page.locator('[role=option][aria-selected=true]').evaluate((option) => getComputedStyle(option).boxShadow);
  await expect.poll(activeShadow, { message: "the active option's inset bar" }).toMatch(/rgba?\(/);
  const shadow = await activeShadow();
  const bar = shadow.match(/rgba?\([^)]*\)/)?.[0];
  expect(bar, `the active option's inset bar (box-shadow: ${shadow})`).toBeTruthy();
  expect(contrast(parseColor(bar!), parseColor('rgb(255, 255, 255)'))).toBeGreaterThanOrEqual(3);
});

test('a toast for the Add tag box at the bottom of the window stands clear of the box and its message', async ({ page }) => {
  const box = await openAddTagRefused(page);
  // The box at the window's bottom edge, where the toasts are.
  await box.evaluate((input) => window.scrollBy(0, input.getBoundingClientRect().bottom - window.innerHeight));
  await box.fill('refused_tag');
  await box.press('Enter');
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('listitem');
  await expect(toast).toContainText('Could not add the tag refused_tag');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toBeFocused();
  const message = page.getByText('Not added: Changing tags needs the editor role.');
  await expect(message).toBeVisible();
  const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  const toastBox = (await toast.boundingBox())!;
  expect(apart(toastBox, (await box.boundingBox())!), 'the toast clear of the box').toBe(true);
  expect(apart(toastBox, (await message.boundingBox())!), 'the toast clear of the message').toBe(true);
  // An error stays until it is closed.
  await page.waitForTimeout(6500);
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Dismiss: Could not add the tag refused_tag' }).click();
  await expect(toast).toHaveCount(0);
});

/**
 * With the page at its top (the header in view) and a window just as tall as far as `target` (at the
 * right of the window's bottom edge, focused when `act` is done), `act` shows a toast: it stands at the
 * top, below the header, clear of the account button and of the focus. A screenshot at `width` is kept.
 */
async function expectToastBelowHeader(page: Page, testInfo: TestInfo, width: number, target: Locator, act: () => Promise<void>) {
  const bottom = await target.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
  await page.setViewportSize({ width, height: Math.ceil(bottom) + 2 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await act();
  await expect(target).toBeFocused();
  const toasts = page.getByRole('region', { name: 'Notifications' });
  const toast = toasts.getByRole('listitem');
  await expect(toast).toBeVisible();
  await expect(toasts).toHaveAttribute('data-place', 'top');
  const focused = page.locator(':focus');
  const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  const toastBox = (await toast.boundingBox())!;
  const header = (await page.getByRole('banner').boundingBox())!;
  expect(header.y + header.height, 'the header in view').toBeGreaterThan(0);
  expect(toastBox.y, 'the toast below the header').toBeGreaterThanOrEqual(header.y + header.height);
  // The account button (its name is hidden in a narrow window, its initials show).
  const account = page.getByTestId('current-user').locator('xpath=ancestor::button');
  expect(apart(toastBox, (await account.boundingBox())!), 'the toast clear of the account button').toBe(true);
  expect(apart(toastBox, (await focused.boundingBox())!), 'the toast clear of the focus').toBe(true);
  const path = `test-results/screenshots/toast-below-header-${width}.png`;
  await testInfo.attach(`toast-below-header-${width}.png`, { body: await page.screenshot({ path }), contentType: 'image/png' });
}

test('a toast moved to the top by the Add tag box at the bottom stands below the header, clear of the account button (1280 px)', async ({ page }, testInfo) => {
  const box = await openAddTagRefused(page);
  await expectToastBelowHeader(page, testInfo, 1280, box, async () => {
    await box.fill('refused_tag');
    await box.press('Enter');
  });
});

test('a toast moved to the top by a column’s Edit button at the bottom stands below the header, clear of the account button (800 px)', async ({ page }, testInfo) => {
  // The save answered as saved, without writing (other journeys read this table's columns).
  await page.route('**/api/metadata/v0/put_column_description', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ msg: 'saved', description: route.request().postDataJSON().description }) })
      : route.continue(),
  );
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  const edit = page.getByTestId('column-row').first().getByRole('button', { name: /^Edit description of / });
  // Enter saves and the focus goes back to the Edit button, at the right of the window's bottom edge.
  await expectToastBelowHeader(page, testInfo, 800, edit, async () => {
    await edit.click();
    const box = page.getByRole('textbox', { name: /^Description of / });
    await box.fill('Shown saved, not written.');
    await box.press('Enter');
  });
});

test('the focus outline has at least 3:1 contrast, on the header, a tab, a column and a menu item', async ({ page }) => {
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  const check = async (locator: Locator, what: string) => {
    await keyboardFocus(page, locator);
    const outline = await locator.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, offset: parseFloat(style.outlineOffset) };
    });
    expect(outline.style, `${what}: a solid outline`).toBe('solid');
    expect(outline.width, `${what}: at least 2 px`).toBeGreaterThanOrEqual(2);
    const colour = parseColor(outline.color);
    expect(colour[3], `${what}: an opaque outline`).toBe(1);
    // An outline inside the element (negative offset) is drawn on the element's own background.
    const behind = parseColor(await backgroundBehind(locator, outline.offset < 0));
    const ratio = contrast(colour, behind);
    expect(ratio, `${what}: outline ${outline.color} on ${behind.join(',')}`).toBeGreaterThanOrEqual(3);
    return ratio;
  };
  await check(page.getByRole('banner').getByRole('button', { name: 'Search', exact: true }), 'the header Search button');
  await check(page.getByRole('tab', { name: 'Overview' }), 'the Overview tab');
  await check(page.getByTestId('column-toggle').first(), 'a column name');

  const shortcuts = await openMenuAt(page, false);
  const outline = await shortcuts.evaluate((element) => ({ style: getComputedStyle(element).outlineStyle, color: getComputedStyle(element).outlineColor, width: parseFloat(getComputedStyle(element).outlineWidth) }));
  expect(outline.style, 'the focused menu item has an outline').toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  const popup = parseColor(await backgroundBehind(shortcuts, false));
  const tint = parseColor(await backgroundBehind(shortcuts, true));
  expect(contrast(parseColor(outline.color), popup), 'the menu item outline on the popup').toBeGreaterThanOrEqual(3);
  expect(contrast(parseColor(outline.color), tint), 'the menu item outline on its tint').toBeGreaterThanOrEqual(3);
  const text = parseColor(await shortcuts.evaluate((element) => getComputedStyle(element).color));
  expect(contrast(text, tint), 'the focused menu item text').toBeGreaterThanOrEqual(4.5);
});

/** Tabs through the page (forwards, then backwards) and lists the focused controls the header covers entirely. */
async function coveredWhileTabbing(page: Page, presses: number, keys = ['Tab', 'Shift+Tab']): Promise<string[]> {
  const covered: string[] = [];
  for (const key of keys) {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      const hidden = await page.evaluate(() => {
        const element = document.activeElement;
        const header = document.querySelector('header.nav');
        if (!element || element === document.body || !header || header.contains(element)) return null;
        const box = element.getBoundingClientRect();
        const bar = header.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return null;
        // Inside the header's band, and the header (not the element) is what shows at its centre.
        const front = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const under = box.top >= bar.top && box.bottom <= bar.bottom && front !== null && header.contains(front) && !element.contains(front);
        return under ? `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"` : null;
      });
      if (hidden) covered.push(`${key}: ${hidden}`);
    }
  }
  return covered;
}

test('at 400 % zoom (320 × 256) the header covers no focused control, and the search box keeps its width', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 256 });
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  await expect.poll(() => page.getByTestId('nav-search').evaluate((input) => input.getBoundingClientRect().width), { message: 'the header search box at 320 px' }).toBeGreaterThanOrEqual(160);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll').toBeLessThanOrEqual(0);
  expect(await coveredWhileTabbing(page, 60)).toEqual([]);
});

test('where the header stays at the top (1280 × 600), Shift+Tab and a #link scroll clear of it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
  expect(await page.locator('header.nav').evaluate((header) => getComputedStyle(header).position), 'the header is sticky on a large window').toBe('sticky');
  // From the end of the page backwards: each control scrolled into view lands below the header.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await coveredWhileTabbing(page, 40, ['Shift+Tab'])).toEqual([]);

  // What the browser scrolls to (a #link's target, a focused control) comes to rest below the header.
  const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
  const height = await page.locator('header.nav').evaluate((header) => header.getBoundingClientRect().height);
  expect(padding, 'scroll-padding-top clears the sticky header').toBeGreaterThanOrEqual(height);
});

test('with text at 200 % on a 1280 px window, the header search box still shows the query', async ({ page }) => {
  await page.goto('/search?term=orders');
  // A browser's text-size setting changes the root's size; the page's text follows it (body in rem, not px).
  await addReaderStyle(page, 'html { font-size: 200% !important; }');
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize), 'body text follows the root size').toBe('32px');
  const search = page.getByTestId('nav-search');
  await expect(search).toHaveValue('orders');
  // Room inside the box, and what the query needs, measured in one go (the box may be swapped for its search-as-you-type twin).
  const fit = () =>
    search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = style.font;
      return { room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), text: canvas.measureText(input.value).width };
    });
  await expect.poll(async () => { const { room, text } = await fit(); return text > 0 && room >= text; }, { message: 'the box has room for the query "orders"' }).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll').toBeLessThanOrEqual(0);
});

test('lineage cards wrap their text under WCAG text spacing, and a card link tells where the table lives', async ({ page }) => {
  await page.goto(LINEAGE);
  const graph = page.getByTestId('lineage-graph');
  await expect(graph.getByTestId('lineage-node')).toHaveCount(10);
  const card = graph.getByRole('link', { name: /^sales\.mart_returning_returns_by_store,/ });
  await expect(card).toHaveAccessibleDescription('Delta Lake, cluster lakehouse');
  await expect(graph.getByRole('link', { name: /^sales\.dim_churned_carts_weekly,/ })).toHaveAccessibleDescription('Snowflake, cluster prod');

  const clipped = () =>
    graph.getByTestId('lineage-node').evaluateAll((cards) =>
      cards.flatMap((card) =>
        [...card.querySelectorAll<HTMLElement>('.lineage-node__name, .lineage-node__detail')]
          .filter((part) => part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1 || part.getBoundingClientRect().bottom > card.getBoundingClientRect().bottom + 1)
          .map((part) => part.textContent),
      ),
    );
  const overlapping = () =>
    graph.getByTestId('lineage-node').evaluateAll((cards) => {
      const boxes = cards.map((card) => card.getBoundingClientRect());
      const found: string[] = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${cards[i]!.textContent} / ${cards[i + 1 + j]!.textContent}`);
      }));
      return found;
    });
  await expect(async () => {
    expect(await clipped(), 'card text cut off at the default spacing').toEqual([]);
  }).toPass();
  await expect(graph.getByText('2 steps down · Delta Lake · lakehouse')).toBeVisible();

  await addReaderStyle(page, TEXT_SPACING);
  expect(await card.evaluate((link) => getComputedStyle(link).letterSpacing), 'the text spacing applies').not.toBe('normal');
  await expect(async () => {
    expect(await clipped(), 'card text cut off under text spacing').toEqual([]);
    expect(await overlapping(), 'cards overlapping under text spacing').toEqual([]);
  }).toPass();
});
