// The session accessor's refresh when other requests and instances race it, with the real development
// IdP and a real token store that lets a test act at the moment of a lock or a write: the tokens ended
// or renewed elsewhere between the first read and the lock, a write that loses to another instance,
// the lock given back, one lock per refresh in this process, and a refresh later than the first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { NotAuthenticatedError, UpstreamTokenRejectedError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { startTestDevIdp } from '../testing/dev-idp-fixture';
import { devIdpOidcClient, signedInRequest } from '../testing/signed-in-request';
import type { SessionTokens } from './session-data';
import { createSessionAuth } from './session-auth';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';
import type { TokenStore } from './token-store';

const HOUR = 3_600_000;

/** The real store; `before` runs just before a method does its work (once per call). */
function storeWithHooks(store: TokenStore, before: { tryLock?: () => Promise<void>; write?: (options: { expectVersion?: number }) => Promise<boolean | undefined> }) {
  const calls = { tryLock: 0 };
  const hooked: TokenStore = {
    read: (id) => store.read(id),
    async write(id, tokens, options) {
      const answer = await before.write?.(options);
      return answer ?? store.write(id, tokens, options);
    },
    delete: (id) => store.delete(id),
    findSessions: (by) => store.findSessions(by),
    async tryLock(name, ttlMs) {
      calls.tryLock += 1;
      await before.tryLock?.();
      return store.tryLock(name, ttlMs);
    },
    unlock: (name) => store.unlock(name),
    rememberOnce: (key, ttlMs) => store.rememberOnce(key, ttlMs),
    close: () => store.close(),
  };
  return { hooked, calls };
}

describe('session auth, when a refresh is raced', () => {
  let idp: DevIdp;
  let dir: string;
  let store: SqliteTokenStore;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    idp = await startTestDevIdp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-auth-races-'));
  });
  beforeEach(() => {
    store = new SqliteTokenStore(path.join(dir, 'sessions.sqlite'), createTokenCipher(['r'.repeat(32)]));
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(async () => {
    await idp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const oidc = () => devIdpOidcClient(idp);

  const authWith = (tokens: TokenStore = store) => createSessionAuth({ oidc: oidc(), tokens, logger, absoluteTimeoutMs: HOUR, destroySessionRecord: async () => {} });

  const signedIn = (login: string, adjust: (t: SessionTokens) => SessionTokens) => signedInRequest(oidc(), store, login, { adjust });

  const expiringSoon = (t: SessionTokens): SessionTokens => ({ ...t, expiresAt: Date.now() + 1000 });
  const renewedElsewhere = (t: SessionTokens): SessionTokens => ({ ...t, accessToken: 'renewed-elsewhere', expiresAt: Date.now() + HOUR });

  it('ends the session when its tokens were deleted (a logout) just before it took the lock', async () => {
    const { req } = await signedIn('liv', expiringSoon);
    const { hooked } = storeWithHooks(store, { tryLock: () => store.delete(req.sessionID) });
    await expect(authWith(hooked).withAccessToken(req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired', message: 'Your session has ended; log in again.' });
  });

  it('uses the tokens another instance renewed just before it took the lock, without refreshing again', async () => {
    const { req, tokens } = await signedIn('roald', expiringSoon);
    const { hooked } = storeWithHooks(store, { tryLock: async () => void (await store.write(req.sessionID, renewedElsewhere(tokens), { ttlMs: HOUR })) });
    expect(await authWith(hooked).withAccessToken(req, async (t) => t)).toBe('renewed-elsewhere');
  });

  it('uses what another instance wrote when its own write loses, and ends the session when that was a logout', async () => {
    const { req, tokens } = await signedIn('fridtjof', expiringSoon);
    const racing = storeWithHooks(store, {
      write: async ({ expectVersion }) => (expectVersion === undefined ? undefined : (await store.write(req.sessionID, renewedElsewhere(tokens), { ttlMs: HOUR }), false)),
    });
    expect(await authWith(racing.hooked).withAccessToken(req, async (t) => t)).toBe('renewed-elsewhere');

    const other = await signedIn('borge', expiringSoon);
    const loggedOut = storeWithHooks(store, { write: async ({ expectVersion }) => (expectVersion === undefined ? undefined : (await store.delete(other.req.sessionID), false)) });
    await expect(authWith(loggedOut.hooked).withAccessToken(other.req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired', message: 'Your session has ended; log in again.' });
  });

  it('gives the lock back after a refresh, and after a refused one', async () => {
    const { req } = await signedIn('liv', expiringSoon);
    await authWith().withAccessToken(req, async (t) => t);
    expect(await store.tryLock(`refresh:${req.sessionID}`, 1000)).toBe(true);
    const refused = await signedIn('roald', (t) => expiringSoon({ ...t, refreshToken: 'not-a-refresh-token' }));
    await expect(authWith().withAccessToken(refused.req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired' });
    expect(await store.tryLock(`refresh:${refused.req.sessionID}`, 1000)).toBe(true);
  });

  it('takes the cross-instance lock once for concurrent requests of one session, and refreshes again later', async () => {
    const { req } = await signedIn('fridtjof', expiringSoon);
    const { hooked, calls } = storeWithHooks(store, {});
    const auth = authWith(hooked);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => auth.withAccessToken(req, async (t) => t)));
    expect(new Set([a, b, c]).size).toBe(1);
    expect(calls.tryLock).toBe(1);

    const stored = (await store.read(req.sessionID))!;
    await store.write(req.sessionID, expiringSoon(stored.tokens), { ttlMs: HOUR, expectVersion: stored.version });
    const later = await auth.withAccessToken(req, async (t) => t);
    expect(later).not.toBe(a);
    expect(calls.tryLock).toBe(2);
  });

  it('never calls a service for a request whose session has no user, even when its id has tokens', async () => {
    const { req } = await signedIn('liv', (t) => t);
    delete (req.session as { user?: unknown }).user;
    let called = false;
    const error = await authWith()
      .withAccessToken(req, async (t) => ((called = true), t))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAuthenticatedError);
    expect(error).toMatchObject({ code: 'not_authenticated' });
    expect(called).toBe(false);
  });

  it('renews a refused token that a refresh obtained a moment ago (only a fresh login\'s points at the setup)', async () => {
    const { req, tokens } = await signedIn('liv', (t) => ({ ...t, obtainedBy: 'refresh', obtainedAt: Date.now() }));
    const seen: string[] = [];
    const result = await authWith().withAccessToken(req, async (t) => {
      seen.push(t);
      if (t === tokens.accessToken) throw new UpstreamTokenRejectedError('metadata service');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toHaveLength(2);
  });

  it('calls once, without renewing, when the call fails for another reason than the token', async () => {
    const { req, tokens } = await signedIn('borge', (t) => ({ ...t, obtainedAt: Date.now() - HOUR }));
    const seen: string[] = [];
    await expect(authWith().withAccessToken(req, async (t) => (seen.push(t), Promise.reject(new Error('metadata down'))))).rejects.toThrow('metadata down');
    expect(seen).toEqual([tokens.accessToken]);
    expect((await store.read(req.sessionID))?.tokens.accessToken).toBe(tokens.accessToken);
  });

  it('says why the session ended, and logs it, when the renewed token is refused too', async () => {
    const { req } = await signedIn('roald', (t) => ({ ...t, obtainedAt: Date.now() - HOUR }));
    await expect(authWith().withAccessToken(req, async () => Promise.reject(new UpstreamTokenRejectedError('metadata service')))).rejects.toMatchObject({
      code: 'session_expired',
      message: 'The catalog no longer accepts your session; log in again.',
    });
    expect(logger.lines.join('\n')).toContain('a service refused the renewed access token too; ending the session');
  });
});
