// Sessions from login to logout against the real development provider (persistent, restartable), the
// real catalog and the BFF over HTTP: pending logins cost the store nothing, sessions survive a restart of
// the provider (and its first refresh), a refused token is renewed once, secrets rotate, timeouts hold,
// logout revokes, and the provider's back-channel logout ends sessions — forged logout tokens do not.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOidcClient, RefreshRefusedError } from './auth/oidc-client';
import { BACKCHANNEL_LOGOUT_PATH } from './auth/login-routes';
import { DEV_IDP_FILES, getDevIdpDir, readOrCreateDevIdpClientSecret } from './dev-idp/dev-idp-files';
import type { BffBrowser } from './testing/bff-browser';
import { createCookieJar } from './testing/create-cookie-jar';
import { completeDevIdpLogin, logOutAtDevIdp } from './testing/dev-idp-login';
import { followNansenLogout, providerStillSignedIn } from './testing/follow-nansen-logout';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';
import { createTestSessionDeps } from './testing/test-session-deps';
import { sessionStoreKey } from './auth/session-store-key';

const TABLE = '/api/metadata/v0/table?key=' + encodeURIComponent('hive://gold.core/customers');

describe('sessions from login to logout', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack({ bffSlots: 3 });
    bff = await stack.startBff(0);
  });
  afterAll(() => stack?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  // What the stores know the session by: the hash of the id in its cookie (decision 050).
  const sessionIdOf = (browser: BffBrowser) => sessionStoreKey(decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);
  const sessionRows = () => {
    const db = new Database(path.join(fs.readdirSync(stack.dataDir).map((d) => path.join(stack.dataDir, d)).find((d) => d.includes('bff-0-'))!, 'sessions.sqlite'), { readonly: true });
    const n = db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
    db.close();
    return n;
  };

  async function signedIn(login = 'liv', on: TestBff = bff) {
    const browser = on.browser();
    const back = await browser.logIn(login);
    expect(back.status).toBe(303);
    return browser;
  }

  it('stores nothing for visitors who only start a login, however many, and a started login still completes', async () => {
    const before = sessionRows();
    for (let i = 0; i < 300; i += 1) expect((await bff.browser().request('/login?returnTo=/x')).status).toBe(303);
    expect(sessionRows()).toBe(before);
    // Several logins started in one browser (tabs): the last one completes.
    const browser = bff.browser();
    await browser.request('/login');
    const back = await browser.logIn('liv', '/search');
    expect(back.headers.get('location')).toBe('/search');
    expect((await browser.request('/api/auth_user')).status).toBe(200);
  });

  it('refuses the callback of a login started more than 10 minutes ago', async () => {
    const browser = bff.browser();
    const start = await browser.request('/login?returnTo=/search');
    const callback = await completeDevIdpLogin(start.headers.get('location')!, 'liv');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    const res = await browser.request(callback);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<h1>Please log in again</h1>');
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });

  it('keeps a session across a restart of the development provider, including the first refresh after it', async () => {
    const browser = await signedIn('roald');
    expect((await browser.request(TABLE)).status).toBe(200);
    await stack.restartIdp();
    // Let the access token run out: the next call refreshes at the restarted provider.
    const sid = sessionIdOf(browser);
    const stored = (await bff.sessions.tokens.read(sid))!;
    await bff.sessions.tokens.write(sid, { ...stored.tokens, expiresAt: Date.now() }, { ttlMs: 3_600_000 });
    expect((await browser.request(TABLE)).status).toBe(200);
    expect((await bff.sessions.tokens.read(sid))!.tokens.obtainedBy).toBe('refresh');
    // And logging out sends the browser on to the restarted provider.
    const out = await browser.request('/logout', { method: 'POST', headers: { origin: bff.base } });
    expect(out.status).toBe(303);
    expect(new URL(out.headers.get('location')!).origin).toBe(new URL(stack.issuer).origin);
  });

  it('renews a token the catalog refuses and answers the call', async () => {
    const browser = await signedIn('fridtjof');
    const sid = sessionIdOf(browser);
    const stored = (await bff.sessions.tokens.read(sid))!;
    // A token the catalog will refuse, as after a key rotation at the provider; not fresh from a login.
    await bff.sessions.tokens.write(sid, { ...stored.tokens, accessToken: 'refused-by-the-catalog', obtainedBy: 'refresh' }, { ttlMs: 3_600_000 });
    const res = await browser.request(TABLE);
    expect(res.status).toBe(200);
    expect((await bff.sessions.tokens.read(sid))!.tokens.accessToken).not.toBe('refused-by-the-catalog');
  });

  it('says what to check, and keeps the session, when a token fresh from the login is refused', async () => {
    const browser = await signedIn('borge');
    const sid = sessionIdOf(browser);
    const stored = (await bff.sessions.tokens.read(sid))!;
    await bff.sessions.tokens.write(sid, { ...stored.tokens, accessToken: 'refused-by-the-catalog' }, { ttlMs: 3_600_000 });
    const res = await browser.request(TABLE);
    expect(res.status).toBe(502);
    expect((await res.json()).error).toMatchObject({ code: 'upstream_rejected_token', message: expect.stringMatching(/CATALOG_TOKEN_AUDIENCE/) });
    expect((await browser.request('/api/auth_user')).status).toBe(200);
  });

  it('revokes the refresh token at logout', async () => {
    const browser = await signedIn('liv');
    const stored = (await bff.sessions.tokens.read(sessionIdOf(browser)))!;
    const out = await browser.request('/logout', { method: 'POST', headers: { origin: bff.base } });
    expect(out.status).toBe(303);
    expect(await bff.sessions.tokens.read(sessionIdOf(browser))).toBeUndefined();
    const oidc = createOidcClient({
      issuer: stack.issuer,
      clientId: 'nansen-bff',
      clientSecret: readOrCreateDevIdpClientSecret(stack.dataDir),
      redirectUri: `${bff.base}/auth`,
      postLogoutRedirectUri: `${bff.base}/logged-out`,
      scopes: 'openid',
      idTokenSigningAlg: 'RS256',
    });
    await expect(oidc.refresh(stored.tokens)).rejects.toBeInstanceOf(RefreshRefusedError);
  });

  it('ends a session after the absolute timeout however active it is', async () => {
    const sessions = await createTestSessionDeps(fs.mkdtempSync(path.join(stack.dataDir, 'absolute-')), { absoluteTimeoutMs: 60 * 60_000 });
    const short = await stack.startBff(1, { sessions });
    const browser = await signedIn('roald', short);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    // Active every 20 minutes (well within the idle timeout) for 55 minutes: still signed in.
    for (const step of [20, 20, 15]) {
      vi.setSystemTime(Date.now() + step * 60_000);
      expect((await browser.request(TABLE)).status).toBe(200);
    }
    vi.setSystemTime(Date.now() + 10 * 60_000);
    // The session itself ends (not only its tokens): even a call that needs no token is refused.
    expect((await browser.request('/api/auth_user')).status).toBe(401);
    expect((await browser.request(TABLE)).status).toBe(401);
    await short.close();
    await sessions.close();
  });

  it('keeps sessions open after the secret rotates (SESSION_SECRETS, newest first), and ends them when the old secret is dropped', async () => {
    const dir = fs.mkdtempSync(path.join(stack.dataDir, 'rotation-'));
    const OLD = 'old-secret-old-secret-old-secret-0';
    const NEW = 'new-secret-new-secret-new-secret-1';
    const before = await createTestSessionDeps(dir, { secrets: [OLD] });
    const first = await stack.startBff(1, { sessions: before });
    const kept = await signedIn('liv', first);
    const dropped = await signedIn('roald', first);
    await first.close();
    await before.close();

    // Both sessions were made under OLD. After the rotation, one of them goes on using Nansen …
    const rotated = await createTestSessionDeps(dir, { secrets: [NEW, OLD] });
    const second = await stack.startBff(1, { sessions: rotated });
    expect((await kept.request('/api/auth_user')).status).toBe(200);
    expect((await kept.request(TABLE)).status).toBe(200);
    await second.close();
    await rotated.close();

    // … the other one next comes back after OLD was dropped from the list: it is signed out.
    const onlyNew = await createTestSessionDeps(dir, { secrets: [NEW] });
    const third = await stack.startBff(1, { sessions: onlyNew });
    expect((await dropped.request('/api/auth_user')).status).toBe(401);
    await third.close();
    await onlyNew.close();
  });

  /** Log in through the BFF and keep the provider's cookies, to log out at the provider later. */
  async function signedInWithProviderSession() {
    const browser = bff.browser();
    const idpJar = createCookieJar();
    const start = await browser.request('/login');
    await browser.request(await completeDevIdpLogin(start.headers.get('location')!, 'liv', idpJar));
    expect((await browser.request('/api/auth_user')).status).toBe(200);
    return { browser, idpJar };
  }

  /** Whether the provider would sign this browser in again without its login form. */
  const providerKnowsThem = async (idpJar: ReturnType<typeof createCookieJar>) =>
    providerStillSignedIn((await bff.browser().request('/login')).headers.get('location')!, idpJar);

  describe('logging out at the provider (decision 049)', () => {
    const TOKEN_IN_URL = /id_token_hint|eyJ/;

    it('ends the provider\'s session with client_id and the sid as logout_hint: the ID token is in no URL, no Location', async () => {
      const { browser, idpJar } = await signedInWithProviderSession();
      expect(await providerKnowsThem(idpJar)).toBe(true);
      const out = await browser.request('/logout', { method: 'POST', headers: { origin: bff.base } });
      expect(out.status).toBe(303);
      const toProvider = new URL(out.headers.get('location')!);
      expect(toProvider.searchParams.get('client_id')).toBe('nansen-bff');
      expect(toProvider.searchParams.get('logout_hint')).toBeTruthy();
      const followed = await followNansenLogout(out, bff.base, idpJar);
      expect(followed.postedForm).toBe(false);
      expect(followed.landed.href).toBe(`${bff.base}/logged-out`);
      expect(followed.urls.filter((url) => TOKEN_IN_URL.test(url.href))).toEqual([]);
      expect((await browser.request('/api/auth_user')).status).toBe(401);
      // The provider's session ended: logging in again asks for the password.
      expect(await providerKnowsThem(idpJar)).toBe(false);
    });
    // form_post (Okta's) is followed through a provider that takes it in provider-presets.integration.test.ts:
    // the development provider, like oidc-provider by default, takes logout requests by GET only.
  });

  describe('back-channel logout', () => {

    async function signLogoutToken(claims: Record<string, unknown>, options: { key?: 'provider' | 'stranger' } = {}) {
      const jwks = JSON.parse(fs.readFileSync(path.join(getDevIdpDir(stack.dataDir), DEV_IDP_FILES.signingKeys), 'utf8')) as { keys: JWK[] };
      const jwk = jwks.keys[0]!;
      const key =
        options.key === 'stranger'
          ? (await import('jose')).generateKeyPair('RS256').then((pair) => pair.privateKey)
          : importJWK(jwk, 'RS256');
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: stack.issuer,
        aud: 'nansen-bff',
        iat: now,
        jti: `jti-${Math.random()}`,
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'logout+jwt' })
        .sign(await key);
    }

    const post = (token: string) =>
      fetch(`${bff.base}${BACKCHANNEL_LOGOUT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ logout_token: token }) });

    it('ends the session when the person logs out at the provider', async () => {
      const { browser, idpJar } = await signedInWithProviderSession();
      await logOutAtDevIdp(stack.issuer, 'nansen-bff', idpJar);
      expect((await browser.request('/api/auth_user')).status).toBe(401);
      expect(stack.logger.lines.join('\n')).toContain('back-channel logout: ended 1 session(s)');
    });

    it('ends every session of a subject when the token names no sid, and refuses a replay of it', async () => {
      const first = await signedIn('fridtjof');
      const second = await signedIn('fridtjof');
      const token = await signLogoutToken({ sub: 'fridtjof' });
      expect((await post(token)).status).toBe(200);
      expect((await first.request('/api/auth_user')).status).toBe(401);
      expect((await second.request('/api/auth_user')).status).toBe(401);
      expect((await post(token)).status).toBe(400);
    });

    it.each<[string, Record<string, unknown>, { key?: 'provider' | 'stranger' }]>([
      ['signed by a key the provider does not publish', { sub: 'borge' }, { key: 'stranger' }],
      ['for another client', { sub: 'borge', aud: 'someone-else' }, {}],
      ['from another issuer', { sub: 'borge', iss: 'https://evil.example' }, {}],
      ['with a nonce', { sub: 'borge', nonce: 'n' }, {}],
      ['without the logout event', { sub: 'borge', events: {} }, {}],
      ['naming neither sid nor sub', { sub: undefined }, {}],
      ['issued too long ago', { sub: 'borge', iat: Math.floor(Date.now() / 1000) - 3600 }, {}],
      ['without a jti', { sub: 'borge', jti: undefined }, {}],
    ])('refuses a logout token %s and the session stays', async (_what, claims, options) => {
      const browser = await signedIn('borge');
      const res = await post(await signLogoutToken(claims, options));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
      expect((await browser.request('/api/auth_user')).status).toBe(200);
    });
  });

  it('never writes a token to the log', () => {
    expect(stack.logger.lines.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});
