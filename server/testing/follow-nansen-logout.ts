// What a browser does with Nansen's answer to POST /logout (decision 049): follows its redirect to the
// provider, or submits the form of its "Logging you out" page (as that page's script does), confirms the
// provider's logout page when it asks, and comes back to Nansen. Every URL the browser would show, keep
// in its history or send is recorded, so a test can check that none holds a token.
import type { CookieJar } from './create-cookie-jar';
import { fillForm } from './preset-login';
import { decodeHtmlAttribute, walkProviderPages } from './walk-provider-pages';

export interface FollowedLogout {
  /** Every URL requested or redirected to, Nansen's and the provider's. */
  urls: URL[];
  /** Where the provider sent the browser back to (or Nansen's own page when it sent it nowhere else). */
  landed: URL;
  /** Whether Nansen answered with a form to POST to the provider (the ID token in its body), not a redirect. */
  postedForm: boolean;
}

/** The form a page submits by itself (`data-auto-submit`): its action and hidden fields. */
export function readAutoSubmitForm(html: string): { action: string; fields: URLSearchParams } | undefined {
  const form = /<form\b([^>]*)\bdata-auto-submit\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  const action = form ? /\baction="([^"]*)"/.exec(form[1]!)?.[1] : undefined;
  if (!form || action === undefined) return undefined;
  const fields = new URLSearchParams();
  for (const [, name, value] of form[2]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields.append(decodeHtmlAttribute(name!), decodeHtmlAttribute(value!));
  return { action: decodeHtmlAttribute(action), fields };
}

/** `out` is Nansen's answer to POST /logout; `providerJar` holds the provider's cookies from the login. */
export async function followNansenLogout(out: Response, base: string, providerJar: CookieJar): Promise<FollowedLogout> {
  const origin = new URL(base).origin;
  const urls: URL[] = [new URL('/logout', base)];
  let start: URL;
  let form: URLSearchParams | undefined;
  if (out.status === 303) {
    start = new URL(out.headers.get('location')!, base);
    urls.push(start);
    if (start.origin === origin) return { urls, landed: start, postedForm: false };
  } else {
    const page = out.status === 200 ? readAutoSubmitForm(await out.text()) : undefined;
    if (!page) throw new Error(`POST /logout answered ${out.status} with neither a redirect nor a form to the provider`);
    start = new URL(page.action);
    form = page.fields;
  }
  const landed = await walkProviderPages(
    start,
    providerJar,
    {
      name: 'Logging out at the provider',
      endsAt: (next) => next.origin === origin,
      seen: (url) => urls.push(url),
      answer(html, status, url) {
        const filled = status === 200 ? fillForm(html, '', '') : undefined;
        if (!filled) return { stop: `stopped at ${url.pathname} (HTTP ${status}): ${html.slice(0, 300)}` };
        filled.fields.set('logout', 'yes');
        return { action: filled.action, body: filled.fields };
      },
    },
    form,
  );
  return { urls, landed, postedForm: form !== undefined };
}

/**
 * Whether the provider still knows the person: a new login from Nansen comes straight back with a code
 * (true), or the provider shows its login form (false).
 */
export async function providerStillSignedIn(authorizationUrl: string, providerJar: CookieJar): Promise<boolean> {
  const redirectUri = new URL(new URL(authorizationUrl).searchParams.get('redirect_uri')!);
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 10; step += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: providerJar.headerFor(url) ?? '' } });
    providerJar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      if (url.origin === redirectUri.origin && url.pathname === redirectUri.pathname) return url.searchParams.has('code');
      continue;
    }
    const html = await response.text();
    if (response.status === 200 && /type="password"|name="login"|name="username"|name="identifier"/i.test(html)) return false;
    throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${html.slice(0, 200)}`);
  }
  throw new Error('the provider did not answer the login within 10 steps');
}
