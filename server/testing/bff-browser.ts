import { Agent } from 'undici';
import { createCookieJar, type CookieJar } from './create-cookie-jar';

/** A connection per request, as a test restarts servers on the same port between requests. */
const noKeepAlive = new Agent({ pipelining: 0 });
import { completeDevIdpLogin } from './dev-idp-login';

/** Walks an authorization URL at some provider to the callback URL (with code and state) it ends at. */
export type CompleteLogin = (authorizationUrl: string, login: string) => Promise<string>;

/** A browser-like client for the BFF: keeps its cookies (session, pending logins), never follows redirects. */
export class BffBrowser {
  constructor(
    readonly base: string,
    private readonly completeLogin: CompleteLogin = completeDevIdpLogin,
    private readonly sessionCookieName = 'nansen.sid',
    readonly jar: CookieJar = createCookieJar(),
  ) {}

  /** The same browser (its cookies) talking to another instance of the BFF behind the same name. */
  on(base: string): BffBrowser {
    return new BffBrowser(base, this.completeLogin, this.sessionCookieName, this.jar);
  }

  /** `name=value` of the session cookie, or '' when there is none. */
  get sessionCookie(): string {
    const header = this.jar.headerFor(new URL(this.base)) ?? '';
    return header.split('; ').find((c) => c.startsWith(`${this.sessionCookieName}=`)) ?? '';
  }

  async request(pathOrUrl: string, init: RequestInit = {}) {
    const url = new URL(pathOrUrl, this.base);
    const headers = new Headers(init.headers);
    const cookie = this.jar.headerFor(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual', dispatcher: noKeepAlive } as RequestInit);
    this.jar.store(res);
    return res;
  }

  /** Log in as `login` through the provider; answers the BFF's response to the callback. */
  async logIn(login: string, returnTo = '/') {
    const start = await this.request(`/login?returnTo=${encodeURIComponent(returnTo)}`);
    if (start.status !== 303) throw new Error(`/login answered ${start.status}, not a redirect to the provider`);
    const callback = await this.completeLogin(start.headers.get('location')!, login);
    return this.request(callback);
  }
}
