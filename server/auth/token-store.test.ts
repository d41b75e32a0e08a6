// The token store's contract, run against both stores: SQLite files and a real redis-server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../testing/start-redis';
import { createRedisSessionStores } from './redis-session-stores';
import type { SessionTokens } from './session-data';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';
import { fromSealed, lookupKey, toTokenRecord, type TokenStore } from './token-store';

const SECRET = 's'.repeat(32);
const OLD_SECRET = 'o'.repeat(32);

function tokens(overrides: Partial<SessionTokens> = {}): SessionTokens {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-secret-1',
    idToken: 'id-1',
    expiresAt: Date.now() + 600_000,
    obtainedAt: Date.now(),
    obtainedBy: 'login',
    subject: 'roald',
    issuer: 'https://idp.example',
    providerSessionId: 'idp-session-1',
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Backend {
  open(secrets: string[]): Promise<TokenStore>;
  /** Everything the backend keeps, as text (to check nothing readable is stored). */
  dump(): Promise<string>;
  cleanup(): Promise<void>;
}

const backends: Record<string, () => Promise<Backend>> = {
  sqlite: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-tokens-'));
    const file = path.join(dir, 'sessions.sqlite');
    const opened: TokenStore[] = [];
    return {
      async open(secrets) {
        const store = new SqliteTokenStore(file, createTokenCipher(secrets));
        opened.push(store);
        return store;
      },
      async dump() {
        return ['', '-wal'].map((suffix) => (fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix).toString('latin1') : '')).join('');
      },
      async cleanup() {
        for (const store of opened) await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  redis: async () => {
    const server: RedisServer = await startRedis();
    const opened: { close(): Promise<void> }[] = [];
    return {
      async open(secrets) {
        const stores = await createRedisSessionStores(server.url, createTokenCipher(secrets));
        opened.push(stores);
        return stores.tokens;
      },
      async dump() {
        const client = createClient({ url: server.url });
        await client.connect();
        let text = '';
        for (const key of await client.keys('*')) {
          const type = await client.type(key);
          text += `${key} ${type === 'hash' ? JSON.stringify(await client.hGetAll(key)) : type === 'set' ? (await client.sMembers(key)).join(',') : type === 'string' ? await client.get(key) : ''}\n`;
        }
        await client.quit();
        return text;
      },
      async cleanup() {
        for (const stores of opened) await stores.close();
        await server.stop();
      },
    };
  },
};

describe.each(Object.keys(backends))('token store on %s', (name) => {
  let backend: Backend;
  let store: TokenStore;

  // The backend (a redis-server, a folder) once; the store itself in each test, so the code that builds it
  // is covered by the tests that use it.
  beforeAll(async () => {
    backend = await backends[name]!();
  });
  beforeEach(async () => {
    store = await backend.open([SECRET]);
  });
  afterAll(() => backend?.cleanup());

  it('keeps a session\'s tokens under its id, with a version that grows with each write', async () => {
    expect(await store.read('s-none')).toBeUndefined();
    await store.write('s1', tokens(), { ttlMs: 60_000 });
    const first = await store.read('s1');
    expect(first?.tokens).toEqual(tokens({ obtainedAt: first!.tokens.obtainedAt, expiresAt: first!.tokens.expiresAt }));
    await store.write('s1', tokens({ accessToken: 'access-2' }), { ttlMs: 60_000 });
    const second = await store.read('s1');
    expect(second?.version).toBe(first!.version + 1);
    expect(second?.tokens.accessToken).toBe('access-2');
  });

  it('refuses a write that expects an older version (a late write never brings back used tokens)', async () => {
    await store.write('s2', tokens(), { ttlMs: 60_000 });
    const { version } = (await store.read('s2'))!;
    expect(await store.write('s2', tokens({ refreshToken: 'refresh-2' }), { ttlMs: 60_000, expectVersion: version })).toBe(true);
    expect(await store.write('s2', tokens({ refreshToken: 'refresh-1-again' }), { ttlMs: 60_000, expectVersion: version })).toBe(false);
    expect((await store.read('s2'))?.tokens.refreshToken).toBe('refresh-2');
    expect(await store.write('s-missing', tokens(), { ttlMs: 60_000, expectVersion: 1 })).toBe(false);
    expect(await store.read('s-missing')).toBeUndefined();
  });

  it('forgets tokens after their time to live, and on delete', async () => {
    await store.write('s3', tokens(), { ttlMs: 1000 });
    await store.write('s4', tokens(), { ttlMs: 60_000 });
    await store.write('s-long', tokens({ subject: 'ttl-subject', providerSessionId: undefined }), { ttlMs: 60_000 });
    await store.write('s-short', tokens({ subject: 'ttl-subject', providerSessionId: undefined }), { ttlMs: 1000 });
    await store.delete('s4');
    expect(await store.read('s4')).toBeUndefined();
    await sleep(1200);
    expect(await store.read('s3')).toBeUndefined();
    expect(await store.read('s-long')).toBeDefined();
    // A subject's sessions stay findable as long as the longest-lived of them.
    expect(await store.findSessions({ issuer: 'https://idp.example', subject: 'ttl-subject' })).toEqual(['s-long']);
  });

  it('reports that a write without an expected version was made', async () => {
    expect(await store.write('s7', tokens(), { ttlMs: 60_000 })).toBe(true);
    expect(await store.write('s7', tokens(), { ttlMs: 60_000 })).toBe(true);
  });

  it('finds no session for a logout that names neither a provider session nor a subject', async () => {
    await store.write('anonymous', tokens({ subject: undefined, providerSessionId: undefined }), { ttlMs: 60_000 });
    expect(await store.findSessions({ issuer: 'https://idp.example' })).toEqual([]);
  });

  it('stores tokens sealed: neither the tokens nor the subject are readable at rest', async () => {
    await store.write('s5', tokens({ refreshToken: 'refresh-plaintext-canary', subject: 'subject-canary' }), { ttlMs: 60_000 });
    const raw = await backend.dump();
    expect(raw).not.toContain('refresh-plaintext-canary');
    expect(raw).not.toContain('subject-canary');
    expect(raw).not.toContain('access-1');
  });

  it('opens tokens sealed with an older secret after a rotation, and not without it', async () => {
    const before = await backend.open([OLD_SECRET]);
    await before.write('s6', tokens({ accessToken: 'sealed-with-old' }), { ttlMs: 60_000 });
    expect((await (await backend.open([SECRET, OLD_SECRET])).read('s6'))?.tokens.accessToken).toBe('sealed-with-old');
    expect(await (await backend.open([SECRET])).read('s6')).toBeUndefined();
  });

  it('finds the sessions of a provider session (sid) or, without one, of a subject', async () => {
    const issuer = 'https://idp.example';
    await store.write('a1', tokens({ subject: 'liv', providerSessionId: 'idp-a' }), { ttlMs: 60_000 });
    await store.write('a2', tokens({ subject: 'liv', providerSessionId: 'idp-b' }), { ttlMs: 60_000 });
    await store.write('a3', tokens({ subject: 'liv', providerSessionId: 'idp-a', issuer: 'https://other.example' }), { ttlMs: 60_000 });
    expect(await store.findSessions({ issuer, providerSessionId: 'idp-a' })).toEqual(['a1']);
    expect((await store.findSessions({ issuer, subject: 'liv' })).sort()).toEqual(['a1', 'a2']);
    await store.delete('a2');
    expect(await store.findSessions({ issuer, subject: 'liv' })).toEqual(['a1']);
    expect(await store.findSessions({ issuer, subject: 'nobody' })).toEqual([]);
  });

  it('gives a lock to one holder at a time, until it is released or expires', async () => {
    expect(await store.tryLock('refresh:x', 60_000)).toBe(true);
    const other = await backend.open([SECRET]);
    expect(await other.tryLock('refresh:x', 60_000)).toBe(false);
    await store.unlock('refresh:x');
    expect(await other.tryLock('refresh:x', 1000)).toBe(true);
    expect(await store.tryLock('refresh:x', 60_000)).toBe(false);
    await sleep(1200);
    expect(await store.tryLock('refresh:x', 60_000)).toBe(true);
    await store.unlock('refresh:x');
  });

  it('lets an instance unlock only a lock it holds, harmlessly otherwise', async () => {
    const other = await backend.open([SECRET]);
    await other.unlock('refresh:never-taken');
    expect(await store.tryLock('refresh:never-taken', 60_000)).toBe(true);
    await store.unlock('refresh:never-taken');
  });

  it('remembers a key once (a replayed logout token is refused) until its time is up', async () => {
    expect(await store.rememberOnce('jti-1', 1000)).toBe(true);
    expect(await store.rememberOnce('jti-1', 1000)).toBe(false);
    expect(await store.rememberOnce('jti-long', 60_000)).toBe(true);
    await sleep(1200);
    expect(await store.rememberOnce('jti-1', 1000)).toBe(true);
    expect(await store.rememberOnce('jti-long', 60_000)).toBe(false);
  });
});

describe('fromSealed', () => {
  it('gives no tokens for a record that no current secret opens, or that is not tokens', () => {
    const sealed = toTokenRecord(createTokenCipher([OLD_SECRET]), tokens()).sealed;
    expect(fromSealed(createTokenCipher([SECRET]), sealed)).toBeUndefined();
    expect(fromSealed(createTokenCipher([SECRET]), createTokenCipher([SECRET]).seal('{not json', 'session-tokens'))).toBeUndefined();
  });
});

describe('records kept by an earlier release', () => {
  it('still open, and their sessions are still found, after an upgrade', () => {
    const cipher = createTokenCipher(['earlier-release-secret-0123456789abcdef']);
    const sealed =
      'v1.HVl4eWNh.hnaWqW8NfOZvrW_n.4bjmkPQxiux-uvacW6F_NreMzPGpfj_hjG2KQLOzt6ICZwjKfSXUO_64C4U6jb4aCCWuKMscSku4PVQWZztgaaidh1xqmuKl9vRA-w2f890wi0BsO8bLPUmWzaoQ23XJaQm86-kUioDnQE62bVhHARbrqW02rJT3M4ha3TeU-GvnGXF1UdLW';
    expect(fromSealed(cipher, sealed)).toEqual({ accessToken: 'at', expiresAt: 1, obtainedAt: 0, obtainedBy: 'login', subject: 'roald', issuer: 'https://idp.example' });
    expect(lookupKey('https://idp.example', 'roald')).toBe('ltH5GIh-q69Jia_7Fniy_wIRcSLaK4mdlI7ntuf67SU');
    expect(lookupKey(undefined, 'roald')).toBe('5cQCU7wxyZpik3ZnaaWODBWyZdJaoLcdss3ZBiZMDLY');
    expect(lookupKey('https://idp.example', undefined)).toBeNull();
  });
});
