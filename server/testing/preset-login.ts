// Walks a preset test provider's pages as a person would: fills whatever form the page shows (a
// username and password on one page, or an email and then a password, a consent screen, "stay signed
// in?"), presses its positive button, and follows redirects until the BFF's redirect URI is reached.
import { type CookieJar, createCookieJar } from './create-cookie-jar';

const MAX_STEPS = 20;
const POSITIVE = /^(allow|yes|sign in|next|continue|log in)$/i;

function decode(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

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
  let request: { url: URL; init: RequestInit } = { url: start, init: { method: 'GET' } };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const headers = new Headers(request.init.headers);
    const cookie = jar.headerFor(request.url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(request.url, { ...request.init, headers, redirect: 'manual' });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, request.url);
      if (next.origin === redirectUri.origin && next.pathname === redirectUri.pathname) return next.href;
      request = { url: next, init: { method: 'GET' } };
      continue;
    }
    const html = await response.text();
    const form = response.status === 200 ? fillForm(html, login, password) : undefined;
    if (!form) throw new Error(`Logging in as "${login}" stopped at ${request.url.pathname} (HTTP ${response.status}): ${/role="alert"[^>]*>([^<]*)/.exec(html)?.[1] ?? html.slice(0, 300)}`);
    request = {
      url: new URL(form.action, request.url),
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.fields.toString() },
    };
  }
  throw new Error(`Logging in as "${login}" did not reach the redirect URI within ${MAX_STEPS} steps.`);
}

/** Follow an end-session URL at the provider (confirming its form) to where it sends the browser back. */
export async function followProviderLogout(endSessionUrl: string, jar: CookieJar = createCookieJar()): Promise<URL> {
  let request: { url: URL; init: RequestInit } = { url: new URL(endSessionUrl), init: { method: 'GET' } };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const headers = new Headers(request.init.headers);
    const cookie = jar.headerFor(request.url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(request.url, { ...request.init, headers, redirect: 'manual' });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, request.url);
      if (next.origin !== new URL(endSessionUrl).origin) return next;
      request = { url: next, init: { method: 'GET' } };
      continue;
    }
    const html = await response.text();
    const form = response.status === 200 ? fillForm(html, '', '') : undefined;
    if (!form) throw new Error(`Logging out stopped at ${request.url.pathname} (HTTP ${response.status})`);
    form.fields.set('logout', 'yes');
    request = {
      url: new URL(form.action, request.url),
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.fields.toString() },
    };
  }
  throw new Error('Logging out did not leave the provider.');
}
