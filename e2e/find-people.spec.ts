// Finding people: with user profiles on, the nav bar suggests them and the search page has a People
// tab; with them off (the other instance), neither shows people.
import { captureWidths, expect, expectAccessible, test } from './fixtures';

test.describe('with user profiles on', () => {
  test.use({ profiles: 'on' });

  test('the nav bar suggests people and the search page lists them on their own tab, each leading to the profile', async ({ page }, testInfo) => {
    await page.goto('/browse');
    await page.getByLabel('Search the catalog', { exact: true }).click();
    await page.keyboard.type('liv');
    const suggestions = page.getByRole('listbox', { name: 'Search the catalog: suggestions' });
    const people = suggestions.getByRole('group', { name: 'People' });
    await expect(people.getByRole('option')).toHaveText([/^Liv Arnesen, liv\.arnesen@example\.org$/]);
    await expectAccessible(page, testInfo, 'suggestions with people');
    await captureWidths(page, testInfo, 'nav-suggestions-people');

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/search?term=liv');
    const tab = page.getByRole('tab', { name: /People/ });
    await expect(tab).toContainText('1');
    await tab.click();
    await expect(page).toHaveURL('/search?term=liv&resource=user');
    const person = page.locator('[data-search-result]');
    await expect(person).toHaveCount(1);
    await expect(person).toContainText('liv.arnesen@example.org');
    await expectAccessible(page, testInfo, 'people results');
    await page.evaluate(() => window.scrollTo(0, 0));
    await captureWidths(page, testInfo, 'search-people');

    // People are filtered by name and e-mail (the search service's user filters), kept in the URL.
    const filters = page.getByRole('region', { name: /Filters/ });
    await expect(filters.getByRole('textbox')).toHaveCount(2);
    const email = filters.getByRole('textbox', { name: 'Email' });
    await email.fill('nobody*');
    await email.press('Enter');
    await expect(page.getByText(/^No people match/).first()).toBeVisible();
    await email.fill('liv.*@example.org');
    await email.press('Enter');
    await expect(person).toHaveCount(1);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('"email":{"value":"liv.*@example.org"}');
    await expectAccessible(page, testInfo, 'people results filtered');
    await page.evaluate(() => window.scrollTo(0, 0));
    await captureWidths(page, testInfo, 'search-people-filtered');

    await person.getByRole('link', { name: 'Liv Arnesen' }).click();
    await expect(page).toHaveURL('/user/liv.arnesen%40example.org');
  });
});

test.describe('with user profiles off', () => {
  test('nobody is suggested or listed, and a people URL shows tables instead', async ({ page }) => {
    await page.goto('/browse');
    await page.getByLabel('Search the catalog', { exact: true }).click();
    await page.keyboard.type('liv');
    const suggestions = page.getByRole('listbox', { name: 'Search the catalog: suggestions' });
    // Shown under the box, and announced by its status.
    await expect(page.getByText('No matches. Press Enter to search every field.').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'No matches. Press Enter to search every field.' })).toHaveCount(1);
    await expect(suggestions.getByRole('group', { name: 'People' })).toHaveCount(0);

    await page.goto('/search?term=liv&resource=user');
    await expect(page.getByRole('tab', { name: /People/ })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /Datasets/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('No tables match “liv”')).toBeVisible();
  });
});
