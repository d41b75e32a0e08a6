// Curating a table: a permitted person edits its description and a column's, adds and removes a tag
// and an owner, and sees each change on the page at once — and the new tag in search. A table no
// other journey reads, so parallel workers do not see each other's edits.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { captureWidths, expect, expectAccessible, test } from './fixtures';

test.use({ profiles: 'on' });

const TABLE = '/table_detail/crm_db/postgres/core/fct_smb_stores_ltv';
const TAG = 'curated_in_e2e';

/** Whether nothing of the page lies over the element: it is what is drawn at its centre (scrolled into view). */
async function isDrawn(element: Locator) {
  await element.scrollIntoViewIfNeeded();
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  });
}

/** `element` is visible and drawn on top (not under another element) at 800 and at 1280 px. */
async function expectSeenAtWidths(page: Page, element: Locator, what: string) {
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(element).toBeVisible();
    expect(await isDrawn(element), `${what} at ${width} px`).toBe(true);
  }
}

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureWidths(page, testInfo, name);
}

test('a permitted person edits the description and a column description, each shown at once and kept after a reload', async ({ page }, testInfo) => {
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.fct_smb_stores_ltv');
  await expect(page.getByTestId('edit-rights-note')).toHaveCount(0);

  const edit = page.getByRole('button', { name: 'Edit description', exact: true });
  await edit.click();
  const box = page.getByRole('textbox', { name: 'Description of core.fct_smb_stores_ltv' });
  await expect(box).toBeFocused();
  await box.fill('Lifetime value of **small business** stores, one row per store.');
  await expect(page.getByText(/^6\d \/ 750 characters$/)).toBeVisible();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.locator('.description-editor__preview strong')).toHaveText('small business');
  await expectAccessible(page, testInfo, 'table description editor');
  await capture(page, testInfo, 'curate-description-editor');
  await page.getByRole('tab', { name: 'Write' }).click();
  await box.press('Control+Enter');

  await expect(box).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(page.locator('.table-page__description strong')).toHaveText('small business');

  // A column: Enter saves.
  const row = page.getByTestId('column-row').first();
  const column = (await row.getByTestId('column-toggle').innerText()).trim();
  await row.getByRole('button', { name: `Edit description of ${column}` }).click();
  const columnBox = page.getByRole('textbox', { name: `Description of ${column}` });
  await columnBox.fill('Curated in the browser: the store this row is about.');
  await capture(page, testInfo, 'curate-column-editor');
  await columnBox.press('Enter');
  await expect(row).toContainText('Curated in the browser: the store this row is about.');

  await page.reload();
  await expect(page.locator('.table-page__description strong')).toHaveText('small business');
  await expect(page.getByTestId('column-row').first()).toContainText('Curated in the browser: the store this row is about.');
});

test('a permitted person adds a tag found by search at once, removes it, and adds and removes an owner picked from the people search', async ({ page }, testInfo) => {
  await page.goto(TABLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.fct_smb_stores_ltv');
  const side = page.getByRole('complementary', { name: 'About this table' });

  // A new tag: the rule is shown for a bad one, the good one is added with Enter.
  await side.getByRole('button', { name: 'Add tag' }).click();
  const tagBox = side.getByRole('combobox', { name: 'Add tag' });
  await tagBox.fill('Curated Tag');
  // The rule shows atop the open list ("No matching tags"), which covers the box's message under it.
  const listProblem = side.locator('.combobox__popup').getByText(/A tag may use only lower-case letters, digits and _/);
  await expectSeenAtWidths(page, listProblem, 'the tag rule is seen over the open list');
  await captureWidths(page, testInfo, 'curate-tag-problem');
  await tagBox.press('Enter');
  // Enter closed the list: the message under the box is seen, and describes it.
  const problem = side.locator('.tag-editor__problem');
  await expect(problem).toHaveText(/A tag may use only lower-case letters, digits and _/);
  expect(await isDrawn(problem)).toBe(true);
  await expect(tagBox).toHaveAttribute('aria-describedby', (await problem.getAttribute('id'))!);
  // Capitals are taken as their lower case, said before Enter: atop the open list, which covers the box's hint.
  await tagBox.fill(TAG.toUpperCase());
  const listNote = side.locator('.combobox__popup').getByText(`Tags are lower case: Enter adds “${TAG}”.`);
  await expect(listNote).toBeVisible();
  expect(await isDrawn(listNote)).toBe(true);
  await captureWidths(page, testInfo, 'curate-tag-lower-case');
  await tagBox.fill(TAG);
  await expect(side.getByRole('option', { name: `Add new tag “${TAG}”` })).toBeVisible();
  await expectAccessible(page, testInfo, 'tag editor');
  await capture(page, testInfo, 'curate-tag-editor');
  await tagBox.press('Enter');
  const tagLink = side.getByRole('list', { name: 'Tags' }).getByRole('link', { name: TAG });
  await expect(tagLink).toBeVisible();
  // The text stays until the server took the tag, then clears for the next one.
  await expect(tagBox).toHaveValue('');
  await tagBox.press('Escape');
  await expect(side.getByRole('button', { name: 'Add tag' })).toBeFocused();

  // Findable by search at once: the tag's link leads to the tables tagged with it.
  await tagLink.click();
  await expect(page).toHaveURL(/\/search\?/);
  await expect(page.getByRole('link', { name: /fct_smb_stores_ltv/ }).first()).toBeVisible();
  await page.goBack();

  await side.getByRole('button', { name: `Remove tag ${TAG}` }).click();
  await expect(side.getByRole('link', { name: TAG })).toHaveCount(0);
  // Focus stays among the tags (the next tag's remove button, or the previous one), not lost to the page.
  await expect(side.getByRole('list', { name: 'Tags' }).getByRole('button', { name: /^Remove tag / }).and(page.locator(':focus'))).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.fct_smb_stores_ltv');
  await expect(side.getByRole('link', { name: TAG })).toHaveCount(0);

  // The longest tag the rule allows wraps inside its pill, its remove button joined to it, as tall as it.
  const long = 'y'.repeat(80);
  await side.getByRole('button', { name: 'Add tag' }).click();
  await tagBox.fill(long);
  await tagBox.press('Enter');
  await expect(tagBox).toHaveValue('');
  await tagBox.press('Escape');
  const longTag = side.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: long }) });
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    const chip = (await longTag.getByRole('link', { name: long }).boundingBox())!;
    const remove = (await longTag.getByRole('button', { name: `Remove tag ${long}` }).boundingBox())!;
    expect(chip.height, `the long tag wraps at ${width} px`).toBeGreaterThan(2 * remove.width);
    expect([remove.y, remove.height], `its remove button is as tall as it at ${width} px`).toEqual([chip.y, chip.height]);
    expect(Math.abs(remove.x - (chip.x + chip.width)), `its remove button touches it at ${width} px`).toBeLessThan(1);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await side.getByRole('button', { name: `Remove tag ${long}` }).click();
  await expect(side.getByRole('link', { name: long })).toHaveCount(0);

  // An owner from the people search (not Liv: find-people expects no table to match "liv", and runs beside this).
  await side.getByRole('button', { name: 'Add owner' }).click();
  const ownerBox = side.getByRole('combobox', { name: 'Add owner' });
  await ownerBox.fill('Ousland');
  await expect(side.getByRole('option', { name: /Børge Ousland/ })).toBeVisible();
  // Enter does not make "usland" an owner id: if Børge is found, it still names nobody (no name begins so),
  // and the page says how to choose.
  await ownerBox.fill('usland');
  await expect(side.getByRole('option', { name: /usland/ }).first()).toBeVisible();
  await ownerBox.press('Enter');
  await expect(side.getByText('Nobody is known as “usland”.', { exact: false })).toBeVisible();
  await expect(ownerBox).toHaveValue('usland');
  // The arrow keys it asks for open the list again, over the message under the box: the message is atop the list.
  await ownerBox.press('ArrowDown');
  const ownerListProblem = side.locator('.combobox__popup').getByText('Nobody is known as “usland”.', { exact: false });
  await expectSeenAtWidths(page, ownerListProblem, 'the owner problem is seen over the open list');
  await captureWidths(page, testInfo, 'curate-owner-problem');
  await ownerBox.press('Escape');
  // "Ousland" begins the name of the one person found: Enter adds him.
  await ownerBox.fill('Ousland');
  await expect(side.getByRole('option', { name: /Børge Ousland/ })).toBeVisible();
  await ownerBox.press('Enter');
  const owners = side.getByRole('list', { name: 'Owners' });
  await expect(owners.getByRole('link', { name: 'Børge Ousland' })).toBeVisible();
  await capture(page, testInfo, 'curate-owner-editor');
  await page.reload();
  await expect(owners.getByRole('link', { name: 'Børge Ousland' })).toBeVisible();
  await side.getByRole('button', { name: 'Remove owner Børge Ousland' }).click();
  await expect(owners.getByRole('link', { name: 'Børge Ousland' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.fct_smb_stores_ltv');
  await expect(side.getByRole('link', { name: 'Børge Ousland' })).toHaveCount(0);
});

test('a permitted person tags a dashboard, finds it by the tag at once, and removes the tag', async ({ page }, testInfo) => {
  await page.goto(TABLE);
  await page.getByRole('link', { name: 'Retention Overview' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention Overview');
  const side = page.getByRole('complementary', { name: 'About this dashboard' });
  const tag = 'curated_dashboard_in_e2e';

  await side.getByRole('button', { name: 'Add tag' }).click();
  await side.getByRole('combobox', { name: 'Add tag' }).fill(tag);
  await side.getByRole('combobox', { name: 'Add tag' }).press('Enter');
  const tagLink = side.getByRole('list', { name: 'Tags' }).getByRole('link', { name: tag });
  await expect(tagLink).toBeVisible();
  await capture(page, testInfo, 'curate-dashboard-tags');

  await tagLink.click();
  await expect(page).toHaveURL(/resource=dashboard/);
  await expect(page.getByRole('link', { name: /Retention Overview/ }).first()).toBeVisible();
  await page.goBack();

  await side.getByRole('button', { name: `Remove tag ${tag}` }).click();
  await expect(side.getByRole('link', { name: tag })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention Overview');
  await expect(side.getByRole('link', { name: tag })).toHaveCount(0);
});

test.describe('without profiles (INDEX_USERS=false)', () => {
  test.use({ profiles: 'off' });

  test('an owner is added by user id with Enter, with no people search, "/" and all; a refused id is explained in words and kept to correct', async ({ page }, testInfo) => {
    const peopleSearches: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/search/v1/search' && request.postData()?.includes('"user"')) peopleSearches.push(request.postData()!);
    });
    await page.goto(TABLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.fct_smb_stores_ltv');
    const side = page.getByRole('complementary', { name: 'About this table' });
    await side.getByRole('button', { name: 'Add owner' }).click();
    const field = side.getByRole('textbox', { name: 'Add owner' });
    await expect(side.getByRole('combobox', { name: 'Add owner' })).toHaveCount(0);

    await field.fill('kari nordmann');
    await field.press('Enter');
    const toast = page.getByRole('alert');
    await expect(toast).toContainText('Could not add kari nordmann as an owner');
    await expect(toast).toContainText('An owner must be a user id, such as an email address');
    await expect(field).toHaveValue('kari nordmann');

    // An id no one has: said first, with whom it may mean (Roald's login is "roald"; his id is his
    // email), and added only on a second Enter (decision 082).
    await field.fill('ROALD');
    await field.press('Enter');
    const unknown = side.getByRole('status').filter({ hasText: 'No one is known as' });
    await expect(unknown).toContainText('No one is known as “ROALD” — did you mean Roald Amundsen (roald.amundsen@example.org)? Enter again adds it as a new user id.');
    // The status is the sentence alone; the buttons follow it.
    await expect(unknown).not.toContainText('Add “ROALD”');
    await expect(side.getByRole('button', { name: 'Add Roald Amundsen' })).toBeVisible();
    await expectAccessible(page, testInfo, 'owner id no one has');
    await captureWidths(page, testInfo, 'curate-owner-unknown-id');

    await field.fill('kari.nordmann@example.org');
    await field.press('Enter');
    await expect(unknown).toContainText('No one is known as “kari.nordmann@example.org”. Enter again adds it as a new user id.');
    await field.press('Enter');
    const remove = side.getByRole('button', { name: 'Remove owner kari.nordmann@example.org' });
    await expect(remove).toBeVisible();
    await expect(field).toHaveValue('');
    await page.reload();
    await remove.click();
    await expect(remove).toHaveCount(0);
    // Focus goes to another owner's remove button, or Add owner when none is left.
    await expect(side.getByRole('button', { name: /^(Remove owner |Add owner$)/ }).and(page.locator(':focus'))).toHaveCount(1);

    // A user id holding "/" (decision 032) is an owner like any other: added, kept after a reload, removed.
    await side.getByRole('button', { name: 'Add owner' }).click();
    await field.fill('polar/kari@example.org');
    await field.press('Enter');
    await expect(unknown).toContainText('No one is known as “polar/kari@example.org”');
    await side.getByRole('button', { name: 'Add “polar/kari@example.org” as a new user id' }).click();
    const removeSlashed = side.getByRole('button', { name: 'Remove owner polar/kari@example.org' });
    await expect(removeSlashed).toBeVisible();
    await page.reload();
    await removeSlashed.click();
    await expect(removeSlashed).toHaveCount(0);
    await page.reload();
    await expect(side.getByRole('button', { name: 'Add owner' })).toBeVisible();
    await expect(removeSlashed).toHaveCount(0);
    expect(peopleSearches).toEqual([]);
  });
});
