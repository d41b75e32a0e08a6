// The login, consent and "stay signed in" pages of the preset test providers, in two families as the
// real ones: one page with a username and a password (Okta, Keycloak, Auth0), or identifier first —
// an email, then a password on the next page (Google, Microsoft). Google asks for consent when told to
// (prompt=consent); Microsoft asks "Stay signed in?".
import { escapeHtml } from '../http/html-page';

export type LoginFamily = 'one-page' | 'identifier-first';

function page(brand: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(brand)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin-top:1rem;font-weight:600}input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}
button{margin:1.25rem .5rem 0 0;font-size:1rem;padding:.5rem 1rem}.error{color:#b91c1c}</style></head>
<body><main><p>${escapeHtml(brand)}</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const errorBlock = (error: string | undefined) => (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '');

export function renderOnePageLogin(brand: string, action: string, error?: string): string {
  return page(
    brand,
    `Sign in to ${brand}`,
    `${errorBlock(error)}<form method="post" action="${escapeHtml(action)}">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`,
  );
}

export function renderIdentifierPage(brand: string, action: string, error?: string): string {
  return page(
    brand,
    'Sign in',
    `${errorBlock(error)}<form method="post" action="${escapeHtml(action)}">
<label for="identifier">Email</label><input id="identifier" name="identifier" type="email" autocomplete="username" required>
<button type="submit">Next</button></form>`,
  );
}

export function renderPasswordPage(brand: string, action: string, identifier: string, error?: string): string {
  return page(
    brand,
    brand === 'Microsoft' ? 'Enter password' : 'Welcome',
    `<p>${escapeHtml(identifier)}</p>${errorBlock(error)}<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="identifier" value="${escapeHtml(identifier)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${brand === 'Microsoft' ? 'Sign in' : 'Next'}</button></form>`,
  );
}

export function renderStaySignedInPage(brand: string, action: string): string {
  return page(
    brand,
    'Stay signed in?',
    `<p>Do this to reduce the number of times you are asked to sign in.</p><form method="post" action="${escapeHtml(action)}">
<button type="submit" name="stay" value="no">No</button><button type="submit" name="stay" value="yes">Yes</button></form>`,
  );
}

export function renderConsentPage(brand: string, action: string, clientName: string, scopes: string[]): string {
  return page(
    brand,
    `${clientName} wants to access your ${brand} Account`,
    `<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul><form method="post" action="${escapeHtml(action)}">
<button type="submit" name="consent" value="deny">Cancel</button><button type="submit" name="consent" value="allow">Allow</button></form>`,
  );
}

/**
 * The end-session confirmation; it submits itself when the request proved who asked (an id_token_hint,
 * or Auth0's sid as logout_hint: logout-request-proved.ts), as those providers then do not ask.
 */
export function renderLogoutPage(brand: string, form: string, autoSubmit: boolean): string {
  return page(
    brand,
    'Sign out',
    `${form}<p>Do you want to sign out?</p><button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>${
      autoSubmit ? '<script>document.getElementById("op.logoutForm").requestSubmit(document.querySelector("button[name=logout]"))</script>' : ''
    }`,
  );
}

export function renderSignedOutPage(brand: string): string {
  return page(brand, 'You have signed out', '<p>You can close this window.</p>');
}

export function renderProviderError(brand: string, message: string): string {
  return page(brand, 'Something went wrong', `<p role="alert">${escapeHtml(message)}</p>`);
}
