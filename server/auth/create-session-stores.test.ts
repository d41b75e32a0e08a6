// Which stores the config picks: SQLite files by default, Redis when REDIS_URL is set (a real
// redis-server on a free port, as the Redis stores' own tests use).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RedisStore } from 'connect-redis';
import type session from 'express-session';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../testing/start-redis';
import { createSessionStores } from './create-session-stores';
import { RedisTokenStore } from './redis-session-stores';
import type { SessionTokens } from './session-data';
import { sessionStoreKey } from './session-store-key';
import { SqliteSessionStore } from './sqlite-session-store';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';
import { lookupKey } from './token-store';

const cipher = createTokenCipher(['c'.repeat(32)]);
const TOKENS: SessionTokens = { accessToken: 'a', expiresAt: 0, obtainedAt: 0, obtainedBy: 'login', subject: 'liv', issuer: 'https://idp.example' };
const SESSION = { cookie: { originalMaxAge: 60_000 }, user: { user_id: 'liv' } } as unknown as session.SessionData;
// What the session middleware keeps a session under (session-store-key.ts): what opening the stores keeps.
const KEY = sessionStoreKey('sid-1');

const call = <T>(fn: (cb: (err: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

describe('createSessionStores', () => {
  let dir: string | undefined;
  let server: RedisServer | undefined;
  afterEach(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await server?.stop();
    dir = undefined;
    server = undefined;
  });

  it('keeps sessions and tokens in the one SQLite file of the config, and closes both', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-stores-'));
    const dbPath = path.join(dir, 'data', 'sessions.sqlite');
    const stores = await createSessionStores({ kind: 'sqlite', dbPath }, cipher);
    expect(stores.sessions).toBeInstanceOf(SqliteSessionStore);
    expect(stores.tokens).toBeInstanceOf(SqliteTokenStore);
    await call((cb) => stores.sessions.set(KEY, SESSION, cb));
    await stores.tokens.write(KEY, TOKENS, { ttlMs: 60_000 });
    await stores.close();
    await expect(call((cb) => stores.sessions.get(KEY, cb))).rejects.toThrow(/not open/);
    await expect(stores.tokens.read(KEY)).rejects.toThrow(/not open/);

    // Both are in that file: stores opened on it again find them.
    const again = await createSessionStores({ kind: 'sqlite', dbPath }, cipher);
    try {
      expect(await call((cb) => again.sessions.get(KEY, cb))).toMatchObject({ user: { user_id: 'liv' } });
      expect((await again.tokens.read(KEY))?.tokens).toEqual(TOKENS);
    } finally {
      await again.close();
    }
  });

  it('keeps sessions and tokens in Redis when the config names one, and closes the connection', async () => {
    server = await startRedis();
    const stores = await createSessionStores({ kind: 'redis', url: server.url }, cipher);
    expect(stores.sessions).toBeInstanceOf(RedisStore);
    expect(stores.tokens).toBeInstanceOf(RedisTokenStore);
    await call((cb) => stores.sessions.set('sid-1', SESSION, cb));
    await stores.tokens.write('sid-1', TOKENS, { ttlMs: 60_000 });
    await stores.close();
    await expect(stores.tokens.read('sid-1')).rejects.toThrow();

    const client = createClient({ url: server.url });
    await client.connect();
    try {
      const subjectIndex = `nansen:tokens-by-subject:${lookupKey(TOKENS.issuer, TOKENS.subject)}`;
      expect((await client.keys('*')).sort()).toEqual(['nansen:session:sid-1', 'nansen:tokens:sid-1', subjectIndex].sort());
    } finally {
      await client.quit();
    }
  });

  it('opens Redis all the same when it may not delete what an earlier version kept under ids (no SCAN for its user), and says why', async () => {
    server = await startRedis();
    const admin = createClient({ url: server.url });
    await admin.connect();
    try {
      await admin.sendCommand(['ACL', 'SETUSER', 'nansen', 'on', '>pw', '~*', '&*', '+@all', '-scan']);
      await admin.set('nansen:session:kept-under-an-id', JSON.stringify(SESSION));
      const url = new URL(server.url);
      url.username = 'nansen';
      url.password = 'pw';
      const stores = await createSessionStores({ kind: 'redis', url: url.toString() }, cipher);
      try {
        expect(stores.dropFailure).toMatch(/NOPERM/);
        expect(stores.droppedAtOpen).toBeUndefined();
        await call((cb) => stores.sessions.set(KEY, SESSION, cb));
        expect(await call((cb) => stores.sessions.get(KEY, cb))).toMatchObject({ user: { user_id: 'liv' } });
      } finally {
        await stores.close();
      }
      expect(await admin.exists('nansen:session:kept-under-an-id')).toBe(1);
    } finally {
      await admin.quit();
    }
  });

  it('with Redis, warns at start-up when the last instance started on it had other SESSION_SECRETS, storing only fingerprints', async () => {
    server = await startRedis();
    const [one, other] = ['1'.repeat(32), '2'.repeat(32)];
    const open = async (secrets: string[]) => {
      const stores = await createSessionStores({ kind: 'redis', url: server!.url }, createTokenCipher(secrets), { secrets });
      await stores.close();
      return stores.secretWarning;
    };
    expect(await open([one])).toBeUndefined(); // the first instance: nothing to compare with
    expect(await open([one])).toBeUndefined(); // the same secrets
    expect(await open([other])).toMatch(/^SESSION_SECRETS differs from that of the last instance started on this Redis: .*Give every instance the same SESSION_SECRETS/);
    // A rotation to `one`: while an instance runs the old list alone, it cannot read what the new list signs …
    expect(await open([one, other])).toMatch(/during a rotation this passes once every instance runs the new list/);
    expect(await open([one, other])).toBeUndefined();
    // … and the old secret can leave the list once every instance signs with the new one.
    expect(await open([one])).toBeUndefined();
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      const stored = (await client.get('nansen:session-secret-fingerprints'))!;
      expect(JSON.parse(stored)).toEqual({ signs: expect.any(String), accepts: [expect.any(String)] });
      expect(stored).not.toContain(one);
      expect(stored).not.toContain('1111');
    } finally {
      await client.quit();
    }
  });
});
