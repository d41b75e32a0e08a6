import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type session from 'express-session';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteSessionStore } from './sqlite-session-store';

const call = <T>(fn: (cb: (err: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

function sessionData(expiresInMs: number, extra: Record<string, unknown> = {}): session.SessionData {
  return { cookie: { originalMaxAge: expiresInMs, expires: new Date(Date.now() + expiresInMs) }, ...extra } as unknown as session.SessionData;
}

describe('SqliteSessionStore', () => {
  let dir: string;
  let dbPath: string;
  let store: SqliteSessionStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-sessions-'));
    dbPath = path.join(dir, 'sub', 'sessions.sqlite');
    store = new SqliteSessionStore(dbPath);
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a session across a restart of the store', async () => {
    await call((cb) => store.set('abc', sessionData(60_000, { user: { user_id: 'u1' } }), cb));
    store.close();
    store = new SqliteSessionStore(dbPath);
    const loaded = await call<session.SessionData | null>((cb) => store.get('abc', cb));
    expect(loaded).toMatchObject({ user: { user_id: 'u1' } });
  });

  it('creates the database file readable by its owner only', () => {
    expect(fs.statSync(dbPath).mode & 0o077).toBe(0);
  });

  it('does not return an expired session, and sweeps it', async () => {
    await call((cb) => store.set('old', sessionData(-1000), cb));
    await call((cb) => store.set('new', sessionData(60_000), cb));
    expect(await call((cb) => store.get('old', cb))).toBeNull();
    expect(store.sweep()).toBe(1);
    expect(await call<number>((cb) => store.length(cb))).toBe(1);
  });

  it('extends the expiry on touch and forgets a destroyed session', async () => {
    const data = sessionData(10);
    await call((cb) => store.set('s', data, cb));
    await call((cb) => store.touch('s', sessionData(60_000), () => cb(null)));
    await new Promise((r) => setTimeout(r, 20));
    expect(await call((cb) => store.get('s', cb))).not.toBeNull();
    await call((cb) => store.destroy('s', cb));
    expect(await call((cb) => store.get('s', cb))).toBeNull();
  });

  it('keeps a session whose cookie has no expiry for its max age, or else for 8 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    try {
      await call((cb) => store.set('max-age', { cookie: { originalMaxAge: 60_000 } } as unknown as session.SessionData, cb));
      await call((cb) => store.set('no-max-age', { cookie: {} } as unknown as session.SessionData, cb));
      vi.setSystemTime(1_000_000 + 59_999);
      expect(await call((cb) => store.get('max-age', cb))).not.toBeNull();
      vi.setSystemTime(1_000_000 + 60_000);
      expect(await call((cb) => store.get('max-age', cb))).toBeNull();
      vi.setSystemTime(1_000_000 + 8 * 3_600_000 - 1);
      expect(await call((cb) => store.get('no-max-age', cb))).not.toBeNull();
      vi.setSystemTime(1_000_000 + 8 * 3_600_000);
      expect(await call((cb) => store.get('no-max-age', cb))).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a session without a cookie for 8 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    try {
      await call((cb) => store.set('no-cookie', { user: { user_id: 'u1' } } as unknown as session.SessionData, cb));
      await call((cb) => store.touch('no-cookie', {} as session.SessionData, () => cb(null)));
      vi.setSystemTime(1_000_000 + 8 * 3_600_000 - 1);
      expect(await call((cb) => store.get('no-cookie', cb))).toEqual({ user: { user_id: 'u1' } });
      vi.setSystemTime(1_000_000 + 8 * 3_600_000);
      expect(await call((cb) => store.get('no-cookie', cb))).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sweeps expired sessions out of the file every 10 minutes, by an index on their expiry', async () => {
    store.close();
    // The sweeper's timer as the store sets it (fake timers would spin forever on a mistaken sub-millisecond interval).
    const timers = vi.spyOn(globalThis, 'setInterval');
    store = new SqliteSessionStore(dbPath);
    const calls = [...timers.mock.calls];
    timers.mockRestore();
    expect(calls.map(([, every]) => every)).toEqual([10 * 60 * 1000]);
    const sweep = calls[0]![0] as () => void;
    const file = new Database(dbPath, { readonly: true });
    const rows = () => (file.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    try {
      await call((cb) => store.set('old', sessionData(-1000), cb));
      await call((cb) => store.set('new', sessionData(60_000), cb));
      expect(rows()).toBe(2);
      sweep();
      expect(rows()).toBe(1);
      const plan = file.prepare('EXPLAIN QUERY PLAN DELETE FROM sessions WHERE expires_at <= ?').all(0) as { detail: string }[];
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING (COVERING )?INDEX sessions_expires_at/);
    } finally {
      file.close();
    }
  });

  it('takes writes without a callback', async () => {
    store.set('quiet', sessionData(60_000));
    store.touch('quiet', sessionData(120_000));
    expect(await call((cb) => store.get('quiet', cb))).not.toBeNull();
    store.destroy('quiet');
    expect(await call((cb) => store.get('quiet', cb))).toBeNull();
  });

  it('hands every failure to the callback once closed', async () => {
    store.close();
    await expect(call((cb) => store.get('s', cb))).rejects.toThrow(/not open/);
    await expect(call((cb) => store.set('s', sessionData(1000), cb))).rejects.toThrow(/not open/);
    await expect(call((cb) => store.destroy('s', cb))).rejects.toThrow(/not open/);
    await expect(call<number>((cb) => store.length(cb))).rejects.toThrow(/not open/);
    expect(() => store.set('s', sessionData(1000))).not.toThrow();
    expect(() => store.destroy('s')).not.toThrow();
    store = new SqliteSessionStore(dbPath);
  });
});

