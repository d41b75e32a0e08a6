// The session accessor's edges against the real development IdP and a real token store: waiting for
// another instance's refresh, the refreshed tokens' lifetime, the margins in time, groups, and what
// reaches the upstream call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { NotAuthenticatedError, UpstreamTokenRejectedError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { startTestDevIdp } from '../testing/dev-idp-fixture';
import { devIdpOidcClient, signedInRequest } from '../testing/signed-in-request';
import type { SessionTokens } from './session-data';
import { createSessionAuth, type SessionAuthOptions } from './session-auth';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';

const HOUR = 3_600_000;

describe('session auth, at its edges', () => {
  let idp: DevIdp;
  let dir: string;
  let store: SqliteTokenStore;
  let logger: ReturnType<typeof createMemoryLogger>;

  beforeAll(async () => {
    idp = await startTestDevIdp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-auth-edges-'));
  });
  beforeEach(() => {
    store = new SqliteTokenStore(path.join(dir, 'sessions.sqlite'), createTokenCipher(['e'.repeat(32)]));
  });
  afterAll(async () => {
    await idp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
  });

  const oidc = () => devIdpOidcClient(idp);

  const authWith = (options: Partial<SessionAuthOptions> = {}) => {
    logger = createMemoryLogger();
    return createSessionAuth({ oidc: oidc(), tokens: store, logger, absoluteTimeoutMs: HOUR, destroySessionRecord: async () => {}, ...options });
  };

  /** A request as the session middleware leaves it, after a login as `login` stored its tokens; createdAt undefined: a session from before it was recorded. */
  const signedIn = (login: string, adjust: (t: SessionTokens) => SessionTokens = (t) => t, ...createdAt: [number | undefined] | []) =>
    signedInRequest(oidc(), store, login, createdAt.length ? { adjust, createdAt: createdAt[0] } : { adjust });

  const expiringSoon = (t: SessionTokens): SessionTokens => ({ ...t, expiresAt: Date.now() + 1000 });
  const renewed = (t: SessionTokens): SessionTokens => ({ ...t, accessToken: 'renewed-elsewhere', expiresAt: Date.now() + HOUR });

  it('waits while another instance refreshes, and uses what it stored before that instance lets go of the lock', async () => {
    const { req, tokens } = await signedIn('roald', expiringSoon);
    // Held longer than anyone waits (15 s): the answer must come from what was stored, not from the lock expiring.
    expect(await store.tryLock(`refresh:${req.sessionID}`, 60_000)).toBe(true);
    const call = authWith().withAccessToken(req, async (t) => t);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await store.write(req.sessionID, renewed(tokens), { ttlMs: HOUR });
    expect(await call).toBe('renewed-elsewhere');
    await store.unlock(`refresh:${req.sessionID}`);
  });

  it('ends the session when it ends elsewhere while another instance refreshes', async () => {
    const { req } = await signedIn('liv', expiringSoon);
    await store.tryLock(`refresh:${req.sessionID}`, 15_000);
    const call = authWith().withAccessToken(req, async (t) => t);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await store.delete(req.sessionID);
    await expect(call).rejects.toMatchObject({ code: 'session_expired', message: 'Your session has ended; log in again.' });
    await store.unlock(`refresh:${req.sessionID}`);
  });

  it('answers 503 and keeps the session when another instance holds the refresh for more than 15 seconds', async () => {
    const { req } = await signedIn('fridtjof', expiringSoon);
    await store.tryLock(`refresh:${req.sessionID}`, 60_000);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    const call = authWith().withAccessToken(req, async (t) => t).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_900);
    await vi.advanceTimersByTimeAsync(400);
    expect(await call).toMatchObject({ status: 503, code: 'refresh_busy', message: 'Your session is being renewed; try again in a moment.' });
    vi.useRealTimers();
    expect(await store.read(req.sessionID)).toBeDefined();
    await store.unlock(`refresh:${req.sessionID}`);
  });

  it('keeps refreshed tokens as long as the session may still live, at least a second', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const start = Date.now();
    const { req } = await signedIn('borge', expiringSoon, start - (HOUR - 10_000));
    await authWith().withAccessToken(req, async (t) => t);
    vi.setSystemTime(start + 9_000);
    expect(await store.read(req.sessionID)).toBeDefined();
    vi.setSystemTime(start + 11_000);
    expect(await store.read(req.sessionID)).toBeUndefined();

    const late = await signedIn('roald', expiringSoon, Date.now() - 2 * HOUR);
    await authWith().withAccessToken(late.req, async (t) => t);
    vi.setSystemTime(Date.now() + 900);
    expect(await store.read(late.req.sessionID)).toBeDefined();
    vi.setSystemTime(Date.now() + 200);
    expect(await store.read(late.req.sessionID)).toBeUndefined();

    const unknownStart = await signedIn('liv', expiringSoon, undefined);
    await authWith().withAccessToken(unknownStart.req, async (t) => t);
    vi.setSystemTime(Date.now() + HOUR - 1000);
    expect(await store.read(unknownStart.req.sessionID)).toBeDefined();
  });

  it('refreshes a minute before the access token expires, not earlier', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const { req, tokens } = await signedIn('liv', (t) => ({ ...t, expiresAt: Date.now() + 60_001 }));
    const auth = authWith();
    expect(await auth.withAccessToken(req, async (t) => t)).toBe(tokens.accessToken);
    vi.setSystemTime(Date.now() + 1);
    expect(await auth.withAccessToken(req, async (t) => t)).not.toBe(tokens.accessToken);
  });

  it('takes a refused token as a setup problem only in the two minutes after a login', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const { req, tokens } = await signedIn('roald', (t) => ({ ...t, obtainedAt: Date.now() - 2 * 60_000 + 1 }));
    const refuseFirst = async (t: string) => {
      if (t === tokens.accessToken) throw new UpstreamTokenRejectedError('metadata service');
      return t;
    };
    await expect(authWith().withAccessToken(req, refuseFirst)).rejects.toBeInstanceOf(UpstreamTokenRejectedError);
    vi.setSystemTime(Date.now() + 1);
    expect(await authWith().withAccessToken(req, refuseFirst)).not.toBe(tokens.accessToken);
  });

  it('passes on other failures of the call, the first and the retried one, keeping the session', async () => {
    const { req, tokens } = await signedIn('fridtjof', (t) => ({ ...t, obtainedAt: Date.now() - HOUR }));
    const auth = authWith();
    await expect(auth.withAccessToken(req, async () => Promise.reject(new Error('metadata down')))).rejects.toThrow('metadata down');
    const retried = auth.withAccessToken(req, async (t) => {
      if (t === tokens.accessToken) throw new UpstreamTokenRejectedError('search service');
      throw new Error('search down');
    });
    await expect(retried).rejects.toThrow('search down');
    expect(auth.requireUser(req).user_id).toBe('fridtjof.nansen@example.org');
  });

  it('gives the call the token and the signed-in user, and a token of the setup\'s choosing', async () => {
    const { req, tokens } = await signedIn('liv');
    const seen = await authWith().withAccessToken(req, async (token, caller) => ({ token, caller }));
    expect(seen).toEqual({ token: tokens.accessToken, caller: { accessToken: tokens.accessToken, user: expect.objectContaining({ user_id: 'liv.arnesen@example.org' }) } });
    const idTokenAuth = authWith({ upstreamToken: (t) => t.idToken! });
    expect(await idTokenAuth.withAccessToken(req, async (token) => token)).toBe(tokens.idToken);
  });

  it('says the session ended, and logs why, when the provider refuses the refresh', async () => {
    const { req } = await signedIn('borge', (t) => expiringSoon({ ...t, refreshToken: 'revoked-refresh-token' }));
    const auth = authWith();
    await expect(auth.withAccessToken(req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired', message: 'Your session has expired; log in again.' });
    expect(logger.lines.join('\n')).toMatch(/token refresh refused \(invalid_grant\); ending the session/);
  });

  it('says the session ended when its tokens are gone', async () => {
    const { req } = await signedIn('roald');
    await store.delete(req.sessionID);
    await expect(authWith().withAccessToken(req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired', message: 'Your session has ended; log in again.' });
  });

  it('refuses a request without a session or a user', async () => {
    const auth = authWith();
    for (const req of [{}, { session: {} }] as unknown as Request[]) {
      expect(() => auth.requireUser(req)).toThrow(NotAuthenticatedError);
      expect(() => auth.groupsOf(req)).toThrow(NotAuthenticatedError);
      await expect(auth.withAccessToken(req, async (t) => t)).rejects.toBeInstanceOf(NotAuthenticatedError);
    }
  });

  it('keeps the groups of a login in the session, and none when there are none', async () => {
    const auth = authWith();
    const withGroups = { session: { save: (cb: () => void) => cb() }, sessionID: `sid-groups-${Math.random()}` } as unknown as Request;
    const { tokens } = await signedIn('liv');
    const groups = ['admins', 'readers'];
    await auth.startSession(withGroups, { user_id: 'liv' } as never, tokens, groups);
    groups.push('changed-after');
    expect(auth.groupsOf(withGroups)).toEqual(['admins', 'readers']);
    expect(await store.read(withGroups.sessionID)).toBeDefined();
    const withoutGroups = { session: { save: (cb: () => void) => cb() }, sessionID: `sid-nogroups-${Math.random()}` } as unknown as Request;
    await auth.startSession(withoutGroups, { user_id: 'liv' } as never, tokens);
    expect(auth.groupsOf(withoutGroups)).toEqual([]);
    expect(withoutGroups.session.groups).toBeUndefined();
  });

  it('ends a session without tokens, or without a user, quietly', async () => {
    const auth = authWith();
    let regenerated = 0;
    const anonymous = { session: { regenerate: (cb: () => void) => ((regenerated += 1), cb()) }, sessionID: 'sid-anonymous' } as unknown as Request;
    expect(await auth.endSession(anonymous)).toBeUndefined();
    expect(regenerated).toBe(0);
    expect(await auth.endSession({ session: {} } as unknown as Request)).toBeUndefined();
    expect(await auth.endSession({} as unknown as Request)).toBeUndefined();
  });
});
