// Two BFF instances sharing their sessions through a real redis-server, against the real development
// provider and catalog: a session made on one works on the other, a refresh on one is seen by the other
// (and two at once make one refresh), a logout on one ends it on both, and so does the provider's
// back-channel logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BffBrowser } from './testing/bff-browser';
import { createCookieJar } from './testing/create-cookie-jar';
import { completeDevIdpLogin, logOutAtDevIdp } from './testing/dev-idp-login';
import { startRedis, type RedisServer } from './testing/start-redis';
import { startTestStack, type TestBff, type TestSessionDeps, type TestStack } from './testing/start-test-stack';
import { createTestSessionDeps } from './testing/test-session-deps';
import { sessionStoreKey } from './auth/session-store-key';

const TABLE = '/api/metadata/v0/table?key=' + encodeURIComponent('hive://gold.core/customers');

describe('sessions shared by two instances through Redis', () => {
  let redis: RedisServer;
  let stack: TestStack;
  let shared: [TestSessionDeps, TestSessionDeps];
  let a: TestBff;
  let b: TestBff;

  beforeAll(async () => {
    redis = await startRedis();
    stack = await startTestStack({ bffSlots: 2 });
    // Each instance opens its own connection to the same Redis, as two processes would.
    shared = [await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url }), await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url })];
    a = await stack.startBff(0, { sessions: shared[0] });
    b = await stack.startBff(1, { sessions: shared[1] });
  });
  afterAll(async () => {
    await stack?.close();
    for (const deps of shared ?? []) await deps.close();
    await redis?.stop();
  });

  // What the stores know the session by: the hash of the id in its cookie (decision 050).
  const sessionIdOf = (browser: BffBrowser) => sessionStoreKey(decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);

  async function signedInOnA(login: string) {
    const browser = a.browser();
    expect((await browser.logIn(login)).status).toBe(303);
    return browser;
  }

  /** Make the stored access token due for a refresh. */
  async function expireAccessToken(browser: BffBrowser) {
    const sid = sessionIdOf(browser);
    const stored = (await a.sessions.tokens.read(sid))!;
    await a.sessions.tokens.write(sid, { ...stored.tokens, expiresAt: Date.now() }, { ttlMs: 3_600_000 });
    return (await a.sessions.tokens.read(sid))!;
  }

  it('serves a session made on one instance on the other', async () => {
    const onA = await signedInOnA('liv');
    const onB = onA.on(b.base);
    const me = await onB.request('/api/auth_user');
    expect(me.status).toBe(200);
    expect((await me.json()).user.user_id).toBe('liv.arnesen@example.org');
    expect((await onB.request(TABLE)).status).toBe(200);
  });

  it('lets the other instance use the tokens one instance refreshed', async () => {
    const onA = await signedInOnA('roald');
    const due = await expireAccessToken(onA);
    expect((await onA.request(TABLE)).status).toBe(200);
    const refreshed = (await b.sessions.tokens.read(sessionIdOf(onA)))!;
    expect(refreshed.version).toBe(due.version + 1);
    expect(refreshed.tokens.obtainedBy).toBe('refresh');
    expect((await onA.on(b.base).request(TABLE)).status).toBe(200);
    expect((await b.sessions.tokens.read(sessionIdOf(onA)))!.version).toBe(refreshed.version);
  });

  it('makes one refresh when both instances need one at the same moment', async () => {
    const onA = await signedInOnA('fridtjof');
    const due = await expireAccessToken(onA);
    const onB = onA.on(b.base);
    const answers = await Promise.all([onA.request(TABLE), onB.request(TABLE), onA.request(TABLE), onB.request(TABLE)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // One refresh: the provider rotates refresh tokens, so a second one with the same token would have ended the session.
    const after = (await a.sessions.tokens.read(sessionIdOf(onA)))!;
    expect(after.version).toBe(due.version + 1);
    expect((await onB.request('/api/auth_user')).status).toBe(200);
  });

  it('ends the session on both instances when one logs out', async () => {
    const onA = await signedInOnA('borge');
    const onB = onA.on(b.base);
    expect((await onB.request('/api/auth_user')).status).toBe(200);
    const cookies = onA.jar.headerFor(new URL(a.base))!;
    expect((await onB.request('/logout', { method: 'POST', headers: { origin: b.base } })).status).toBe(303);
    // The old cookie, replayed on the other instance, opens nothing.
    const replay = await fetch(`${a.base}/api/auth_user`, { headers: { cookie: cookies } });
    expect(replay.status).toBe(401);
  });

  it('ends the session on both instances when the provider sends a back-channel logout', async () => {
    const browser = a.browser();
    const idpJar = createCookieJar();
    const start = await browser.request('/login');
    await browser.request(await completeDevIdpLogin(start.headers.get('location')!, 'liv', idpJar));
    const onB = browser.on(b.base);
    expect((await onB.request('/api/auth_user')).status).toBe(200);
    await logOutAtDevIdp(stack.issuer, 'nansen-bff', idpJar);
    expect((await onB.request('/api/auth_user')).status).toBe(401);
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });
});
