// What the indexUsers switch changes on the pages people land on (FRONTEND.md §3), the same steps run
// with profiles off and on: the user menu's "My profile", where owners, frequent users and dashboard
// owners lead, the manager link, and whether /user/:id is a page at all. (People in search belong to
// the search journeys.)
import { captureWidths, expect, expectAccessible, test } from './fixtures';

const ORDERS = '/table_detail/gold/hive/sales/orders';
const FRIDTJOF = 'fridtjof.nansen@example.org';
const FRIDTJOF_PAGE = 'https://people.example.org/fridtjof';
const CHURN = `/dashboard/${encodeURIComponent('looker_dashboard://prod.growth_looker/churn_overview_0')}`;

for (const profiles of ['off', 'on'] as const) {
  test.describe(`with user profiles ${profiles}`, () => {
    test.use({ profiles });
    const on = profiles === 'on';

    test(`people ${on ? 'link to their profiles in Nansen' : 'link to their own profile page, or nowhere'}, and /user/:id ${on ? 'is a page' : 'is not found'}`, async ({ page }, testInfo) => {
      // Fridtjof has a profile page elsewhere (the demo people have none): give him one in the real answer.
      await page.route('**/api/metadata/v0/table?key=*', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        for (const user of [...body.tableData.owners, ...body.tableData.table_readers.map((r: { user: unknown }) => r.user)]) {
          if (user.user_id === FRIDTJOF) user.profile_url = FRIDTJOF_PAGE;
        }
        await route.fulfill({ response, json: body });
      });

      // The user menu.
      await page.goto(ORDERS);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('sales.orders');
      await page.getByTestId('user-menu').click();
      await expect(page.getByRole('menuitem', { name: 'Log out' })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: 'My profile' })).toHaveCount(on ? 1 : 0);
      await page.keyboard.press('Escape');

      // Owners and frequent users of a table.
      const owner = page.getByTestId('owners').getByRole('link', { name: /Fridtjof Nansen/ });
      const reader = page.getByTestId('frequent-users').getByRole('link', { name: /Fridtjof Nansen/ });
      if (on) {
        await expect(owner).toHaveAttribute('href', `/user/${encodeURIComponent(FRIDTJOF)}`);
        await expect(reader).toHaveAttribute('href', `/user/${encodeURIComponent(FRIDTJOF)}`);
        await expect(page.getByTestId('frequent-users').getByRole('link', { name: 'Liv Arnesen' })).toHaveAttribute('href', '/user/liv.arnesen%40example.org');
      } else {
        for (const link of [owner, reader]) {
          await expect(link).toHaveAttribute('href', FRIDTJOF_PAGE);
          await expect(link).toHaveAttribute('target', '_blank');
        }
        // Without a profile page of their own, people lead to an email to their id (an email address),
        // which tells two of one name apart, as its tooltip does.
        const liv = page.getByTestId('frequent-users').getByRole('link', { name: 'Liv Arnesen (email liv.arnesen@example.org)' });
        await expect(liv).toHaveAttribute('href', 'mailto:liv.arnesen@example.org');
        await expect(liv).toHaveAttribute('title', 'Email liv.arnesen@example.org');
      }
      await expectAccessible(page, testInfo, `table page, profiles ${profiles}`);

      // Owners of a dashboard.
      await page.goto(CHURN);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Overview');
      const dashboardOwner = page.getByTestId('owners').getByText('Shafi Goldwasser');
      await expect(dashboardOwner).toBeVisible();
      await expect(page.getByTestId('owners').getByRole('link')).toHaveAttribute('href', on ? '/user/shafi.goldwasser%40example.org' : 'mailto:shafi.goldwasser@example.org');

      // A person's page, and their manager.
      if (on) {
        await page.getByTestId('owners').getByRole('link', { name: 'Shafi Goldwasser' }).click();
        await expect(page).toHaveURL('/user/shafi.goldwasser%40example.org');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shafi Goldwasser');
        await expect(page.getByTestId('manager-link')).toHaveAttribute('href', `/user/${encodeURIComponent(FRIDTJOF)}`);
      } else {
        await page.goto('/user/shafi.goldwasser%40example.org');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
        // A saved Amundsen link to a person says why it leads nowhere.
        await expect(page.getByText("People's profile pages are turned off in this catalog.")).toBeVisible();
        await expect(page.getByTestId('manager-link')).toHaveCount(0);
      }
      await expectAccessible(page, testInfo, `someone's profile, profiles ${profiles}`);

      // Your own profile, from the menu when there is one.
      if (on) {
        await page.getByTestId('user-menu').click();
        await page.getByRole('menuitem', { name: 'My profile' }).click();
        await expect(page).toHaveURL('/user/roald.amundsen%40example.org');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roald Amundsen');
        await expect(page.getByText('Your profile')).toBeVisible();
      } else {
        await page.goto('/user/roald.amundsen%40example.org');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await captureWidths(page, testInfo, `own-profile-${profiles}`);
    });
  });
}
