// Decision 050, against both real stores (a SQLite file, a real redis-server on a free port): the
// stores keep a session only under the SHA-256 of its id, for the record, the tokens, the back-channel
// index and the refresh lock; a key found in a store, signed as a cookie, opens nothing; the provider's
// back-channel logout still finds and ends our sessions; and what was kept under an id before the
// upgrade is deleted when the stores open, while sessions made since carry on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import type session from 'express-session';
import { createClient } from 'redis';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../http/logger';
import { startRedis, type RedisServer } from '../testing/start-redis';
import { createSessionStores, type SessionStoreSettings, type SessionStores } from './create-session-stores';
import type { OidcClient } from './oidc-client';
import type { SessionTokens } from './session-data';
import { createSessionAuth } from './session-auth';
import { createCookieSigner, createSessionMiddleware, readCookie } from './session-middleware';
import { sessionStoreKey } from './session-store-key';
import { createTokenCipher } from './token-cipher';

const SECRET = 'k'.repeat(32);
const ISSUER = 'https://idp.example';
const cipher = createTokenCipher([SECRET]);

const tokensOf = (who: string, providerSessionId: string): SessionTokens => ({
  accessToken: `access-of-${who}`,
  refreshToken: `refresh-of-${who}`,
  expiresAt: Date.now() + 3_600_000,
  obtainedAt: Date.now(),
  obtainedBy: 'login',
  subject: who,
  issuer: ISSUER,
  providerSessionId,
});

const call = <T>(fn: (cb: (err: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

/** The BFF's session parts on these stores: the middleware, the login's startSession, logout, back-channel logout. */
function appOn(stores: SessionStores, logger = createMemoryLogger()) {
  const auth = createSessionAuth({
    // Never called: no token here gets near its expiry, so nothing is refreshed.
    oidc: {} as OidcClient,
    tokens: stores.tokens,
    logger,
    absoluteTimeoutMs: 3_600_000,
    destroySessionRecord: (key) => call<void>((cb) => stores.sessions.destroy(key, cb)).then(() => undefined),
  });
  const app = express();
  app.use(createSessionMiddleware({ secrets: [SECRET], store: stores.sessions, secureCookie: false, idleTimeoutMinutes: 30, absoluteTimeoutMs: 3_600_000, endSession: (req) => auth.endSession(req) }));
  app.get('/login/:who/:sid', async (req, res) => {
    await call<void>((cb) => req.session.regenerate(cb));
    await auth.startSession(req, { user_id: req.params.who } as never, tokensOf(req.params.who, req.params.sid));
    res.end();
  });
  app.get('/me', (req, res) => res.json({ user: req.session.user?.user_id ?? null }));
  app.get('/refresh-lock', async (req, res) => res.json({ taken: await stores.tokens.tryLock(`refresh:${req.sessionID}`, 60_000) }));
  app.post('/logout', async (req, res) => {
    await auth.endSession(req);
    res.end();
  });
  // What login-routes.ts does with a verified logout token: the provider's sid, to our sessions' keys.
  app.post('/backchannel/:sid', async (req, res) => {
    const sessions = await stores.tokens.findSessions({ issuer: ISSUER, providerSessionId: req.params.sid });
    await auth.endSessionsById(sessions);
    res.json({ ended: sessions.length });
  });
  return app;
}

const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
const idInCookie = (cookie: string) => readCookie(cookie, 'nansen.sid')!.slice(2).split('.')[0]!;
const cookieFor = (id: string) => `nansen.sid=${encodeURIComponent(createCookieSigner([SECRET]).sign(id))}`;

interface Backend {
  settings: SessionStoreSettings;
  /** Every key the backend keeps, and every value, as text. */
  dump(): Promise<{ keys: string[]; text: string }>;
  /** Stores as Nansen kept them before decision 050: under the id, with the back-channel index and a refresh lock. */
  keepUnderId(stores: SessionStores, id: string, who: string, providerSessionId: string): Promise<void>;
  cleanup(): Promise<void>;
}

async function keepUnderId(stores: SessionStores, id: string, who: string, providerSessionId: string): Promise<void> {
  const record = { cookie: { originalMaxAge: 1_800_000, expires: new Date(Date.now() + 1_800_000) }, user: { user_id: who }, createdAt: Date.now() };
  await call((cb) => stores.sessions.set(id, record as unknown as session.SessionData, cb));
  await stores.tokens.write(id, tokensOf(who, providerSessionId), { ttlMs: 3_600_000 });
  expect(await stores.tokens.tryLock(`refresh:${id}`, 60_000)).toBe(true);
}

const backends: Record<string, () => Promise<Backend>> = {
  sqlite: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-session-keys-'));
    const dbPath = path.join(dir, 'sessions.sqlite');
    return {
      settings: { kind: 'sqlite', dbPath },
      async dump() {
        const db = new Database(dbPath, { readonly: true });
        try {
          const rows = [
            ...db.prepare('SELECT sid AS key, data AS value FROM sessions').all(),
            ...db.prepare('SELECT sid AS key, sealed || coalesce(subject_key, \'\') || coalesce(provider_session_key, \'\') AS value FROM session_tokens').all(),
            ...db.prepare('SELECT name AS key, \'\' AS value FROM session_locks').all(),
          ] as { key: string; value: string }[];
          // And the bytes of the file and its log, where no id may ever have been written.
          const bytes = ['', '-wal'].map((suffix) => (fs.existsSync(dbPath + suffix) ? fs.readFileSync(dbPath + suffix).toString('latin1') : '')).join('');
          return { keys: rows.map((r) => r.key), text: `${rows.map((r) => `${r.key} ${r.value}`).join('\n')}\n${bytes}` };
        } finally {
          db.close();
        }
      },
      keepUnderId,
      async cleanup() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  redis: async () => {
    const server: RedisServer = await startRedis();
    return {
      settings: { kind: 'redis', url: server.url },
      async dump() {
        const client = createClient({ url: server.url });
        await client.connect();
        try {
          const keys = (await client.keys('*')).sort();
          let text = '';
          for (const key of keys) {
            const type = await client.type(key);
            const value = type === 'hash' ? JSON.stringify(await client.hGetAll(key)) : type === 'set' ? (await client.sMembers(key)).join(',') : type === 'string' ? await client.get(key) : '';
            text += `${key} ${value}\n`;
          }
          return { keys, text };
        } finally {
          await client.quit();
        }
      },
      keepUnderId,
      cleanup: () => server.stop(),
    };
  },
};

describe.each(Object.keys(backends))('session store keys on %s', (name) => {
  let backend: Backend | undefined;
  const open: SessionStores[] = [];
  const start = async () => {
    backend ??= await backends[name]!();
    const stores = await createSessionStores(backend.settings, cipher);
    open.push(stores);
    return stores;
  };
  afterEach(async () => {
    for (const stores of open.splice(0)) await stores.close();
    await backend?.cleanup();
    backend = undefined;
  });

  it('keep a session only under the SHA-256 of its id: the id is nowhere in the store, and the key signed as a cookie opens nothing', async () => {
    const stores = await start();
    const logger = createMemoryLogger();
    const app = appOn(stores, logger);
    const cookie = cookieOf(await request(app).get('/login/liv/idp-1'));
    const id = idInCookie(cookie);
    const key = sessionStoreKey(id);
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBe('liv');
    expect((await request(app).get('/refresh-lock').set('Cookie', cookie)).body.taken).toBe(true);

    const { keys, text } = await backend!.dump();
    expect(text).not.toContain(id);
    // The record, the tokens and the refresh lock are under the key.
    for (const stored of [key, `refresh:${key}`]) expect(keys.some((k) => k.endsWith(stored)), stored).toBe(true);
    if (name === 'redis') expect(keys).toEqual(expect.arrayContaining([`nansen:session:${key}`, `nansen:tokens:${key}`, `nansen:lock:refresh:${key}`]));
    for (const stored of keys) expect(stored).not.toContain(id);

    // Whoever read the store, even knowing the cookie's signing secret, presents the key as an id: it is not a session.
    expect((await request(app).get('/me').set('Cookie', cookieFor(key))).body.user).toBeNull();
    expect((await request(app).get('/me').set('Cookie', cookieFor(`${key}`.toUpperCase()))).body.user).toBeNull();
    // The session itself carries on, and no log line names its id.
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBe('liv');
    await request(app).post('/logout').set('Cookie', cookie);
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBeNull();
    expect(logger.lines.join('\n')).not.toContain(id);
  });

  it('still let the provider\'s back-channel logout end our sessions: its sid leads to their keys', async () => {
    const stores = await start();
    const app = appOn(stores);
    const first = cookieOf(await request(app).get('/login/liv/idp-a'));
    const second = cookieOf(await request(app).get('/login/liv/idp-b'));
    expect(await stores.tokens.findSessions({ issuer: ISSUER, providerSessionId: 'idp-a' })).toEqual([sessionStoreKey(idInCookie(first))]);
    expect((await stores.tokens.findSessions({ issuer: ISSUER, subject: 'liv' })).sort()).toEqual([first, second].map((c) => sessionStoreKey(idInCookie(c))).sort());

    expect((await request(app).post('/backchannel/idp-a')).body.ended).toBe(1);
    expect((await request(app).get('/me').set('Cookie', first)).body.user).toBeNull();
    expect((await request(app).get('/me').set('Cookie', second)).body.user).toBe('liv');
    expect(await stores.tokens.read(sessionStoreKey(idInCookie(first)))).toBeUndefined();
    expect(await call((cb) => stores.sessions.get(sessionStoreKey(idInCookie(first)), cb))).toBeFalsy();
  });

  it('drop, when they open, what was kept under a session\'s id before the upgrade, and keep the sessions made since', async () => {
    const before = await start();
    const oldId = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    await backend!.keepUnderId(before, oldId, 'roald', 'idp-old');
    // Shared back-channel indexes: one old member and one new one.
    const app = appOn(before);
    const since = cookieOf(await request(app).get('/login/roald/idp-old'));
    expect((await backend!.dump()).text).toContain(oldId);
    await before.close();
    open.splice(0);

    const after = await start();
    expect(after.droppedAtOpen).toBe(1);
    const { keys, text } = await backend!.dump();
    for (const key of keys) expect(key).not.toContain(oldId);
    if (name === 'redis') expect(text).not.toContain(oldId);
    expect(await after.tokens.read(oldId)).toBeUndefined();
    expect(await after.tokens.tryLock(`refresh:${oldId}`, 60_000)).toBe(true);
    // The old cookie opens nothing (it would not have anyway: its hash was never stored); the new one carries on.
    const again = appOn(after);
    expect((await request(again).get('/me').set('Cookie', cookieFor(oldId))).body.user).toBeNull();
    expect((await request(again).get('/me').set('Cookie', since)).body.user).toBe('roald');
    expect(await after.tokens.findSessions({ issuer: ISSUER, providerSessionId: 'idp-old' })).toEqual([sessionStoreKey(idInCookie(since))]);
    // Nothing more to drop at the next start.
    await after.close();
    open.splice(0);
    expect((await start()).droppedAtOpen).toBe(0);
  });
});
