import { expect, logInAtDevIdp, test } from './fixtures';

test.describe('signed out', () => {
  test.use({ signedIn: false });

  test('a signed-out visitor opening a table is sent to the provider, logs in and lands on that table', async ({ page, idpOrigin, baseURL }) => {
    await page.goto('/table_detail/gold/hive/core/customers');
    await logInAtDevIdp(page, idpOrigin, 'roald');

    await expect(page).toHaveURL(`${baseURL}/table_detail/gold/hive/core/customers`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('customers');
    await expect(page.getByTestId('current-user')).toHaveText('Roald Amundsen');
    await expect(page.getByTestId('column-row').filter({ hasText: 'customer_id' })).toBeVisible();

    // Back lands on the provider's finished login page, which sends a logged-in browser to Nansen's home.
    await page.goBack();
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByTestId('current-user')).toHaveText('Roald Amundsen');
  });

  test('a user searches for a table, opens it, logs out from the user menu and is asked to log in again', async ({ page, idpOrigin, baseURL }) => {
    await page.goto('/');
    await logInAtDevIdp(page, idpOrigin, 'fridtjof');
    await expect(page.getByTestId('current-user')).toHaveText('Fridtjof Nansen');

    await page.getByTestId('home-search').fill('orders');
    await page.getByTestId('home-search').press('Enter');
    await expect(page).toHaveURL(/\/search\?term=orders/);
    await page.getByRole('link', { name: 'sales.orders', exact: true }).first().click();
    await expect(page).toHaveURL(`${baseURL}/table_detail/gold/hive/sales/orders`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('orders');
    await expect(page.getByText('Every order placed in the web shop')).toBeVisible();

    await page.getByTestId('user-menu').click();
    // The menu is as wide as the person's email (up to a limit): it is not broken across lines.
    const email = page.getByText('fridtjof.nansen@example.org', { exact: true });
    const lines = await email.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize));
    expect(lines).toBeLessThan(2);
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();

    await page.goto('/');
    await expect(page).toHaveURL((url) => url.origin === idpOrigin);
    await expect(page.getByLabel(/password/i)).toBeVisible();
  });
});

test('a misspelled search shows what it searched for instead, and an unknown table says so', async ({ page }) => {
  await page.goto('/search?term=custmers');
  await expect(page.getByTestId('did-you-mean')).toContainText('Nothing matched “custmers”');
  await expect(page.getByRole('link', { name: 'core.customers', exact: true })).toBeVisible();

  await page.goto('/table_detail/gold/hive/core/no_such_table');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Table not found');
  await expect(page.getByText('hive://gold.core/no_such_table')).toBeVisible();
});
