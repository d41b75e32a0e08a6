import { Agent } from 'undici';
import { createCookieJar, type CookieJar } from './create-cookie-jar';

/** A connection per request, as a test restarts servers on the same port between requests. */
const noKeepAlive = new Agent({ pipelining: 0 });
import { completeDevIdpLogin } from './dev-idp-login';
import { encodePageUser, PAGE_USER_HEADER } from '../../contract/page-user';

/** Walks an authorization URL at some provider to the callback URL (with code and state) it ends at. */
export type CompleteLogin = (authorizationUrl: string, login: string) => Promise<string>;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser-like client for the BFF: keeps its cookies (session, pending logins), never follows redirects.
 * Like a page of the SPA, it names its user in the X-Nansen-User header on every write to /api: the user
 * signed in when it first writes after a login (server/auth/page-user-guard.ts). Its reads name no one,
 * as a script's do (the SPA names its user on reads too): they are answered for the session's user.
 */
export class BffBrowser {
  /** The user id its writes name; undefined until learnt from /api/auth_user. */
  private pageUser: string | undefined;

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

  /** `namePageUser: false` sends a write without the X-Nansen-User header, as a script that does not know it would. */
  async request(pathOrUrl: string, init: RequestInit = {}, { namePageUser = true } = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.base);
    const headers = new Headers(init.headers);
    const write = url.pathname.startsWith('/api/') && !READ_METHODS.has((init.method ?? 'GET').toUpperCase());
    if (write && namePageUser && !headers.has(PAGE_USER_HEADER)) {
      const user = await this.learnPageUser();
      if (user !== undefined) headers.set(PAGE_USER_HEADER, encodePageUser(user));
    }
    const cookie = this.jar.headerFor(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual', dispatcher: noKeepAlive } as RequestInit);
    this.jar.store(res);
    return res;
  }

  /** The user its writes name: the session's when first asked (none while signed out). */
  private async learnPageUser(): Promise<string | undefined> {
    if (this.pageUser === undefined) {
      const me = await this.request('/api/auth_user');
      if (me.ok) this.pageUser = ((await me.json()) as { user: { user_id: string } }).user.user_id;
    }
    return this.pageUser;
  }

  /** Log in as `login` through the provider; answers the BFF's response to the callback. */
  async logIn(login: string, returnTo = '/') {
    this.pageUser = undefined;
    const start = await this.request(`/login?returnTo=${encodeURIComponent(returnTo)}`);
    if (start.status !== 303) throw new Error(`/login answered ${start.status}, not a redirect to the provider`);
    const callback = await this.completeLogin(start.headers.get('location')!, login);
    return this.request(callback);
  }
}
