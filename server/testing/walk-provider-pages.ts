// The browser's part of a login or logout at a provider, for tests without a browser: follow redirects
// (keeping the provider's cookies in a jar) and submit the forms its pages show, until a redirect leaves
// for where the flow ends. What a page's form is filled with is the caller's.
import type { CookieJar } from './create-cookie-jar';

const MAX_STEPS = 20;

/** A form to submit (action relative to the page), or the reason the flow cannot go on. */
export type PageAnswer = { action: string; body: URLSearchParams } | { stop: string };

export interface Walk {
  /** Whether a redirect to this URL ends the walk (it is returned, not fetched). */
  endsAt(next: URL): boolean;
  /** What to submit on a page that is not a redirect. */
  answer(html: string, status: number, url: URL): PageAnswer;
  /** Names the walk in errors ("Logging in as "roald" at the dev IdP"). */
  name: string;
  /** When set, a redirect to any other origin (that does not end the walk) is an error. */
  origin?: string;
  /** Told every URL the browser would request or be redirected to (to check none holds a token). */
  seen?(url: URL): void;
}

export function decodeHtmlAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** From `start`: a GET, or with `startForm` a form POST (as a page's form sends a browser there). */
export async function walkProviderPages(start: URL, jar: CookieJar, walk: Walk, startForm?: URLSearchParams): Promise<URL> {
  const formPost = (body: URLSearchParams): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  let request: { url: URL; init: RequestInit } = { url: start, init: startForm ? formPost(startForm) : { method: 'GET' } };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (walk.origin && request.url.origin !== walk.origin) {
      throw new Error(`${walk.name} left ${walk.origin} for ${request.url.origin}${request.url.pathname} before it finished.`);
    }
    walk.seen?.(request.url);
    const headers = new Headers(request.init.headers);
    const cookie = jar.headerFor(request.url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(request.url, { ...request.init, headers, redirect: 'manual' });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, request.url);
      walk.seen?.(next);
      if (walk.endsAt(next)) return next;
      request = { url: next, init: { method: 'GET' } };
      continue;
    }
    const answer = walk.answer(await response.text(), response.status, request.url);
    if ('stop' in answer) throw new Error(`${walk.name} failed: ${answer.stop}`);
    request = { url: new URL(answer.action, request.url), init: formPost(answer.body) };
  }
  throw new Error(`${walk.name} did not finish within ${MAX_STEPS} steps.`);
}
