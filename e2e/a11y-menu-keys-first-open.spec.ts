// Keys typed just after the account menu first opens, while the open menu's code (menu-popup.tsx) is
// still on its way, act on the menu once it is there: Enter, ArrowDown, ArrowDown, Enter from the
// account button chooses the third item, "Log out" — not one key lost, none reaching the button (where
// the last Enter would close the menu again). A fresh page each time, so the code is not yet in memory.
import { expect, logInAtDevIdp, test } from './fixtures';

test.use({ profiles: 'on', signedIn: false });

for (const delayMs of [0, 800]) {
  test(`Enter, ArrowDown, ArrowDown, Enter pressed at once on the account button logs out (the menu's code ${delayMs ? `${delayMs} ms late` : 'as fast as it comes'})`, async ({ page, idpOrigin }) => {
    // A session of its own, as it is ended.
    await page.goto('/browse');
    await logInAtDevIdp(page, idpOrigin, 'roald');
    await expect(page.getByTestId('current-user')).toHaveText('Roald Amundsen');
    // A new document: the menu's code is asked for again (from the HTTP cache at most), not already run.
    await page.reload();
    if (delayMs) {
      await page.route(/\/assets\/menu-popup-[^/]*\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await route.continue();
      });
    }
    const account = page.getByRole('button', { name: 'Account: Roald Amundsen' });
    await expect(account).toBeVisible();
    // Tab to the button as a person would (the focus asks for the menu's code), then the keys, no pause.
    await page.getByRole('link', { name: 'Browse', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(account).toBeFocused();
    for (const key of ['Enter', 'ArrowDown', 'ArrowDown', 'Enter']) await page.keyboard.press(key);
    await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
  });
}
