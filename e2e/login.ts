import { expect, type Page } from '@playwright/test';

/** Browser state (cookies) of roald signed in, per server, written by global-setup.ts. */
export const AUTH_STATE = { off: 'test-results/auth-profiles-off.json', on: 'test-results/auth-profiles-on.json' } as const;

/** Fills the development IdP's real login form. */
export async function logInAtDevIdp(page: Page, idpOrigin: string, login: string) {
  await expect(page).toHaveURL((url) => url.origin === idpOrigin);
  await page.getByLabel(/log-?in|user/i).first().fill(login);
  await page.getByLabel(/password/i).fill('any password');
  await page.getByRole('button', { name: /log in|sign in|continue/i }).click();
}
