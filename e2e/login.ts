import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Browser state (cookies) of roald signed in, per server, written by global-setup.ts. */
export const AUTH_STATE = { off: 'test-results/auth-profiles-off.json', on: 'test-results/auth-profiles-on.json' } as const;

/** Fills the development IdP's real login form. */
export async function logInAtDevIdp(page: Page, idpOrigin: string, login: string) {
  await expect(page).toHaveURL((url) => url.origin === idpOrigin);
  await page.getByLabel(/log-?in|user/i).first().fill(login);
  await page.getByLabel(/password/i).fill('any password');
  await page.getByRole('button', { name: /log in|sign in|continue/i }).click();
}

/** A browser context on a started Nansen (start-nansen.ts) with `login` signed in through the development IdP's form. */
export async function signedInContext(browser: Browser, server: { baseUrl: string; idpOrigin: string }, login = 'roald'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  await page.goto('/');
  await logInAtDevIdp(page, server.idpOrigin, login);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.close();
  return context;
}
