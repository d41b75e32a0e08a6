// Providers whose login page takes the username and the password at once (Okta here; Keycloak's and
// Auth0's are the same shape): sign in, use Nansen, log out — the provider ends its session without
// asking, because Nansen sends the ID token as a hint, in a form the browser POSTs (never in a URL:
// decision 049).
import { expect, test } from '@playwright/test';
import { startPresetNansen, type PresetNansen } from './start-preset-nansen';

test.describe('signing in with okta', () => {
  test.describe.configure({ mode: 'serial' });
  let running: PresetNansen;
  test.beforeAll(async () => {
    running = await startPresetNansen('okta');
  });
  test.afterAll(() => running?.stop());

  test('username and password on one page, then the home page; a wrong login is said on the same page; logging out ends both sessions', async ({ page }) => {
    const { nansen, provider } = running;
    await page.goto(nansen.baseUrl);
    await expect(page).toHaveURL((url) => url.origin === new URL(provider.issuer).origin);
    await expect(page.getByRole('heading', { name: 'Sign in to Okta' })).toBeVisible();
    await page.getByLabel('Username').fill('nobody@example.org');
    await page.getByLabel('Password').fill('x');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');

    await page.getByLabel('Username').fill('liv.arnesen@example.org');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${nansen.baseUrl}/`);
    await expect(page.getByTestId('current-user')).toHaveText('Liv Arnesen');

    // Every URL the browser asks for or is redirected to while logging out: none holds the ID token.
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('response', (response) => urls.push(response.headers().location ?? ''));
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
    expect(urls.some((url) => url.startsWith(`${provider.issuer}/session/end`))).toBe(true);
    expect(urls.filter((url) => /id_token_hint|eyJ/.test(url))).toEqual([]);
    // The provider's session ended too: coming back asks for the password again.
    await page.goto(nansen.baseUrl);
    await expect(page.getByRole('heading', { name: 'Sign in to Okta' })).toBeVisible();
  });
});
