import { test as base, expect, type Page } from '@playwright/test';

/** The app under test, started by global-setup.ts on free ports. */
export const test = base.extend<{ idpOrigin: string }>({
  baseURL: async ({}, use) => {
    const url = process.env.NANSEN_E2E_BASE_URL;
    if (!url) throw new Error('NANSEN_E2E_BASE_URL is not set: run the e2e tests with `npm run test:e2e`');
    await use(url);
  },
  idpOrigin: async ({}, use) => use(process.env.NANSEN_E2E_IDP_ORIGIN ?? ''),
});
export { expect };

/** Fills the development IdP's real login form. */
export async function logInAtDevIdp(page: Page, idpOrigin: string, login: string) {
  await expect(page).toHaveURL((url) => url.origin === idpOrigin);
  await page.getByLabel(/log-?in|user/i).first().fill(login);
  await page.getByLabel(/password/i).fill('any password');
  await page.getByRole('button', { name: /log in|sign in|continue/i }).click();
}
