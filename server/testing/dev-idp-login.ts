import { type CookieJar, createCookieJar } from './create-cookie-jar';
import { decodeHtmlAttribute, walkProviderPages } from './walk-provider-pages';

function findLoginFormAction(html: string): string | undefined {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>[\s\S]*?name="login"/i.exec(html);
  return form ? decodeHtmlAttribute(form[1]) : undefined;
}

function findPageError(html: string): string | undefined {
  const alert = /role="alert"[^>]*>([\s\S]*?)<\//i.exec(html);
  return alert ? decodeHtmlAttribute(alert[1]) : undefined;
}

/**
 * Starting from an authorization URL (the one the BFF redirected to), fill the dev IdP's login form as
 * `login` and follow redirects until the redirect_uri is reached; returns that full callback URL (with
 * code & state). Pass a `jar` to keep the IdP's session cookies afterwards (e.g. to test logout).
 */
export async function completeDevIdpLogin(authorizationUrl: string, login: string, jar: CookieJar = createCookieJar()): Promise<string> {
  const start = new URL(authorizationUrl);
  const redirectUriParam = start.searchParams.get('redirect_uri');
  if (!redirectUriParam) throw new Error('The authorization URL has no redirect_uri parameter.');
  const redirectUri = new URL(redirectUriParam);
  let submittedLogin = false;
  const callback = await walkProviderPages(start, jar, {
    name: `Logging in as "${login}" at the dev IdP`,
    origin: start.origin,
    endsAt: (next) => next.origin === redirectUri.origin && next.pathname === redirectUri.pathname,
    answer(html, status) {
      const action = findLoginFormAction(html);
      if (status !== 200 || !action || submittedLogin) return { stop: findPageError(html) ?? `HTTP ${status}` };
      submittedLogin = true;
      return { action, body: new URLSearchParams({ login, password: 'any password will do' }) };
    },
  });
  return callback.href;
}

/**
 * Starting from an authorization URL, press Cancel on the dev IdP's login page and follow redirects until
 * the redirect_uri is reached; returns that callback URL (with error and state).
 */
export async function cancelDevIdpLogin(authorizationUrl: string, jar: CookieJar = createCookieJar()): Promise<URL> {
  const start = new URL(authorizationUrl);
  const redirectUri = new URL(start.searchParams.get('redirect_uri') ?? '');
  let cancelled = false;
  return walkProviderPages(start, jar, {
    name: 'Cancelling the login at the dev IdP',
    origin: start.origin,
    endsAt: (next) => next.origin === redirectUri.origin && next.pathname === redirectUri.pathname,
    answer(html, status) {
      const action = /<form id="cancel-login" method="post" action="([^"]+)"/.exec(html)?.[1];
      if (status !== 200 || !action || cancelled || !/form="cancel-login"[^>]*>Cancel<\/button>/.test(html)) return { stop: findPageError(html) ?? `HTTP ${status}, no Cancel` };
      cancelled = true;
      return { action: decodeHtmlAttribute(action), body: new URLSearchParams() };
    },
  });
}

/**
 * Log out at the dev IdP itself (as from another application), confirming its sign-out form with the
 * IdP session cookies in `jar`; the IdP then sends back-channel logout tokens to its clients.
 */
export async function logOutAtDevIdp(issuer: string, clientId: string, jar: CookieJar): Promise<void> {
  const endSession = new URL('/session/end', issuer);
  endSession.searchParams.set('client_id', clientId);
  const page = await fetch(endSession, { headers: { cookie: jar.headerFor(endSession) ?? '' } });
  jar.store(page);
  const html = await page.text();
  const action = /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !xsrf) throw new Error(`The dev IdP's sign-out page has no form: ${findPageError(html) ?? html.slice(0, 200)}`);
  const confirm = new URL(decodeHtmlAttribute(action), issuer);
  const done = await fetch(confirm, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.headerFor(confirm) ?? '', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  await done.body?.cancel();
  if (done.status >= 400) throw new Error(`Signing out at the dev IdP failed: HTTP ${done.status}`);
}
