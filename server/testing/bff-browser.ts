import { completeDevIdpLogin } from './dev-idp-login';

/** Walks an authorization URL at some provider to the callback URL (with code and state) it ends at. */
export type CompleteLogin = (authorizationUrl: string, login: string) => Promise<string>;

/** A browser-like client for the BFF: keeps its session cookie, never follows redirects. */
export class BffBrowser {
  private cookie = '';
  constructor(
    readonly base: string,
    private readonly completeLogin: CompleteLogin = completeDevIdpLogin,
    private readonly cookieName = 'nansen.sid',
  ) {}

  get sessionCookie() {
    return this.cookie;
  }

  async request(pathOrUrl: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(new URL(pathOrUrl, this.base), { ...init, headers, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${this.cookieName}=`));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
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
