import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteAdapterStore, type SqliteAdapterStore } from './sqlite-adapter';

const T0 = Date.UTC(2030, 0, 1);

let dir: string;
let file: string;
let clock: number;
let store: SqliteAdapterStore;

function openStore() {
  return openSqliteAdapterStore(file, { now: () => clock });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dev-idp-adapter-'));
  file = path.join(dir, 'nested', 'store.sqlite');
  clock = T0;
  store = openStore();
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const refreshToken = (grantId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'RefreshToken',
  jti: 'unused',
  iat: T0 / 1000,
  exp: T0 / 1000 + 3600,
  accountId: 'fridtjof',
  clientId: 'nansen-test',
  grantId,
  scope: 'openid profile',
  ...extra,
});

describe('the SQLite adapter for oidc-provider', () => {
  it('finds what was upserted, per model: the same id in another model is another row', async () => {
    const tokens = store.createAdapter('RefreshToken');
    const codes = store.createAdapter('AuthorizationCode');
    await tokens.upsert('abc', refreshToken('g1', { claims: { id_token: { email: null } }, amr: ['pwd'] }), 3600);
    await codes.upsert('abc', { kind: 'AuthorizationCode', grantId: 'g1' }, 60);

    expect(await tokens.find('abc')).toEqual(refreshToken('g1', { claims: { id_token: { email: null } }, amr: ['pwd'] }));
    expect(await codes.find('abc')).toEqual({ kind: 'AuthorizationCode', grantId: 'g1' });
    expect(await tokens.find('missing')).toBeUndefined();
  });

  it('an upsert replaces the payload, its indexes and its expiry', async () => {
    const sessions = store.createAdapter('Session');
    await sessions.upsert('s1', { kind: 'Session', uid: 'u1', accountId: 'liv' }, 60);
    await sessions.upsert('s1', { kind: 'Session', uid: 'u2', accountId: 'roald' }, 3600);

    expect(await sessions.find('s1')).toEqual({ kind: 'Session', uid: 'u2', accountId: 'roald' });
    expect(await sessions.findByUid('u1')).toBeUndefined();
    clock += 120_000;
    expect(await sessions.findByUid('u2')).toMatchObject({ accountId: 'roald' });
  });

  it('finds nothing once expiresIn seconds have passed, and keeps a payload without expiresIn', async () => {
    const tokens = store.createAdapter('AccessToken');
    const grants = store.createAdapter('Grant');
    await tokens.upsert('short', { kind: 'AccessToken' }, 10);
    await grants.upsert('forever', { kind: 'Grant' });

    clock += 9_999;
    expect(await tokens.find('short')).toBeDefined();
    clock += 1;
    expect(await tokens.find('short')).toBeUndefined();
    clock += 10 * 365 * 24 * 3600 * 1000;
    expect(await grants.find('forever')).toEqual({ kind: 'Grant' });
  });

  it('sweeps expired rows out of the file and leaves the live ones', async () => {
    const tokens = store.createAdapter('RefreshToken');
    await tokens.upsert('old', refreshToken('g1'), 10);
    await tokens.upsert('new', refreshToken('g2'), 3600);
    clock += 60_000;

    expect(store.sweepExpired()).toBe(1);
    expect(store.sweepExpired()).toBe(0);
    expect(await tokens.find('new')).toBeDefined();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id FROM oidc_model').all()).toEqual([{ id: 'new' }]);
    db.close();
  });

  it('a consumed model is still found, with a truthy consumed (epoch seconds), until it is upserted again', async () => {
    const tokens = store.createAdapter('RefreshToken');
    await tokens.upsert('rt', refreshToken('g1'), 3600);
    clock += 5_000;
    await tokens.consume('rt');

    expect(await tokens.find('rt')).toEqual({ ...refreshToken('g1'), consumed: T0 / 1000 + 5 });
    await tokens.upsert('rt', refreshToken('g1'), 3600);
    expect(await tokens.find('rt')).not.toHaveProperty('consumed');
  });

  it('destroys one model instance', async () => {
    const tokens = store.createAdapter('RefreshToken');
    await tokens.upsert('a', refreshToken('g1'), 3600);
    await tokens.upsert('b', refreshToken('g1'), 3600);
    await tokens.destroy('a');
    await tokens.destroy('never-there');

    expect(await tokens.find('a')).toBeUndefined();
    expect(await tokens.find('b')).toBeDefined();
  });

  it("revokes by grant id: that grant's rows of this model go, other grants and other models stay", async () => {
    const refreshTokens = store.createAdapter('RefreshToken');
    const codes = store.createAdapter('AuthorizationCode');
    await refreshTokens.upsert('rt1', refreshToken('g1'), 3600);
    await refreshTokens.upsert('rt2', refreshToken('g1'), 3600);
    await refreshTokens.upsert('rt3', refreshToken('g2'), 3600);
    await codes.upsert('code1', { kind: 'AuthorizationCode', grantId: 'g1' }, 60);

    await refreshTokens.revokeByGrantId('g1');

    expect(await refreshTokens.find('rt1')).toBeUndefined();
    expect(await refreshTokens.find('rt2')).toBeUndefined();
    expect(await refreshTokens.find('rt3')).toBeDefined();
    // oidc-provider revokes a grant model by model (AccessToken, RefreshToken, AuthorizationCode …).
    expect(await codes.find('code1')).toBeDefined();
    await codes.revokeByGrantId('g1');
    expect(await codes.find('code1')).toBeUndefined();
  });

  it('finds a session by its uid, only in its own model and only while it lives', async () => {
    const sessions = store.createAdapter('Session');
    await sessions.upsert('jti-1', { kind: 'Session', uid: 'uid-1', accountId: 'liv' }, 60);

    expect(await sessions.findByUid('uid-1')).toEqual({ kind: 'Session', uid: 'uid-1', accountId: 'liv' });
    expect(await sessions.findByUid('uid-2')).toBeUndefined();
    expect(await store.createAdapter('Interaction').findByUid('uid-1')).toBeUndefined();
    clock += 60_000;
    expect(await sessions.findByUid('uid-1')).toBeUndefined();
  });

  it('finds a device code by its user code', async () => {
    const deviceCodes = store.createAdapter('DeviceCode');
    await deviceCodes.upsert('dc', { kind: 'DeviceCode', userCode: 'ABCD-EFGH' }, 600);

    expect(await deviceCodes.findByUserCode('ABCD-EFGH')).toEqual({ kind: 'DeviceCode', userCode: 'ABCD-EFGH' });
    expect(await deviceCodes.findByUserCode('ZZZZ-ZZZZ')).toBeUndefined();
  });

  it('keeps everything, consumed marks included, when the file is closed and opened again', async () => {
    await store.createAdapter('RefreshToken').upsert('rt', refreshToken('g1'), 3600);
    await store.createAdapter('RefreshToken').consume('rt');
    await store.createAdapter('Session').upsert('s', { kind: 'Session', uid: 'u' }, 3600);
    store.close();

    store = openStore();
    expect(await store.createAdapter('RefreshToken').find('rt')).toMatchObject({ grantId: 'g1', consumed: T0 / 1000 });
    expect(await store.createAdapter('Session').findByUid('u')).toEqual({ kind: 'Session', uid: 'u' });
  });

  it('creates an owner-only file in WAL mode', () => {
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
