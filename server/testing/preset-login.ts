// Walks a preset test provider's pages as a person would: fills whatever form the page shows (a
// username and password on one page, or an email and then a password, a consent screen, "stay signed
// in?"), presses its positive button, and follows redirects until the BFF's redirect URI is reached.
import { type CookieJar, createCookieJar } from './create-cookie-jar';
import { decodeHtmlAttribute as decode, walkProviderPages } from './walk-provider-pages';

const POSITIVE = /^(allow|yes|sign in|next|continue|log in)$/i;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decode(match[1]!) : undefined;
}

interface PageForm {
  action: string;
  fields: URLSearchParams;
}

/** The page's first form, filled: hidden fields kept, a login and a password typed, the positive button pressed. */
export function fillForm(html: string, login: string, password: string): PageForm | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const action = attribute(form[1]!, 'action') ?? '';
  const fields = new URLSearchParams();
  for (const [input] of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(input, 'name');
    if (!name) continue;
    const type = (attribute(input, 'type') ?? 'text').toLowerCase();
    if (type === 'hidden') fields.set(name, attribute(input, 'value') ?? '');
    else if (type === 'password') fields.set(name, password);
    else fields.set(name, login);
  }
  // Buttons may sit outside the form (form="…"): look at the whole page for the positive one.
  for (const [, tag, label] of html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
    if (!POSITIVE.test(label!.trim())) continue;
    const name = attribute(tag!, 'name');
    if (name) fields.set(name, attribute(tag!, 'value') ?? '');
    break;
  }
  return { action, fields };
}

/**
 * From an authorization URL, log in as `login` at the provider and return the callback URL (with code
 * and state) it sends the browser to. Pass `jar` to keep the provider's cookies (to log out later).
 */
export async function completeProviderLogin(authorizationUrl: string, login: string, jar: CookieJar = createCookieJar(), password = 'correct horse battery staple'): Promise<string> {
  const start = new URL(authorizationUrl);
  const redirectUri = new URL(start.searchParams.get('redirect_uri') ?? '');
  const callback = await walkProviderPages(start, jar, {
    name: `Logging in as "${login}"`,
    endsAt: (next) => next.origin === redirectUri.origin && next.pathname === redirectUri.pathname,
    answer(html, status, url) {
      const form = status === 200 ? fillForm(html, login, password) : undefined;
      if (!form) return { stop: `stopped at ${url.pathname} (HTTP ${status}): ${/role="alert"[^>]*>([^<]*)/.exec(html)?.[1] ?? html.slice(0, 300)}` };
      return { action: form.action, body: form.fields };
    },
  });
  return callback.href;
}
