// Providers whose login asks for the email first and the password on a second page: Google (with its
// consent screen, shown on every login because Nansen asks for offline access with prompt=consent) and
// Microsoft Entra ID (with "Stay signed in?"). Each journey: sign in at the provider, use Nansen, log out.
import { expect, test } from '@playwright/test';
import { startPresetNansen, type PresetNansen } from './start-preset-nansen';

for (const preset of ['google', 'entra'] as const) {
  test.describe(`signing in with ${preset}`, () => {
    test.describe.configure({ mode: 'serial' });
    let running: PresetNansen;
    test.beforeAll(async () => {
      running = await startPresetNansen(preset);
    });
    test.afterAll(() => running?.stop());

    test(`email, then password${preset === 'google' ? ', then consent' : ', then "Stay signed in?"'}, lands on the page asked for; logging out says what happens at ${preset === 'google' ? 'Google' : 'Microsoft'}`, async ({ page }) => {
      const { nansen, provider } = running;
      await page.goto(`${nansen.baseUrl}/table_detail/gold/hive/core/customers`);
      await expect(page).toHaveURL((url) => url.origin === new URL(provider.issuer).origin);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      await page.getByLabel('Email').fill('roald.amundsen@example.org');
      await page.getByRole('button', { name: 'Next' }).click();

      await expect(page.getByText('roald.amundsen@example.org')).toBeVisible();
      await page.getByLabel('Password').fill('correct horse battery staple');
      await page.getByRole('button', { name: preset === 'google' ? 'Next' : 'Sign in' }).click();

      if (preset === 'google') {
        await expect(page.getByRole('heading', { name: 'Nansen wants to access your Google Account' })).toBeVisible();
        await page.getByRole('button', { name: 'Allow' }).click();
      } else {
        await expect(page.getByRole('heading', { name: 'Stay signed in?' })).toBeVisible();
        await page.getByRole('button', { name: 'Yes' }).click();
      }

      await expect(page).toHaveURL(`${nansen.baseUrl}/table_detail/gold/hive/core/customers`);
      await expect(page.getByTestId('current-user')).toHaveText('Roald Amundsen');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('customers');

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      if (preset === 'entra') {
        // Nansen sends no ID token (Entra does not use one; decision 049): Microsoft asks before it signs out.
        await expect(page).toHaveURL((url) => url.origin === new URL(provider.issuer).origin);
        await page.getByRole('button', { name: 'Sign out' }).click();
      }
      await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
      await expect(page).toHaveURL((url) => url.origin === nansen.baseUrl);
      if (preset === 'google') await expect(page.getByText('You are still signed in to Google')).toBeVisible();
      else await expect(page.getByText('You are still signed in')).toHaveCount(0);
    });
  });
}
