// The SQLite token store beyond the contract both stores share (token-store.test.ts): what it sweeps out
// of the file, and when, and that a closed store is closed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionTokens } from './session-data';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';

const TOKENS: SessionTokens = { accessToken: 'a', expiresAt: 0, obtainedAt: 0, obtainedBy: 'login', subject: 'liv', issuer: 'https://idp.example' };

describe('SqliteTokenStore', () => {
  let dir: string;
  let dbPath: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-token-store-'));
    dbPath = path.join(dir, 'sessions.sqlite');
  });
  afterEach(() => {
    vi.useRealTimers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Rows in each table of the file, expired or not. */
  function rows(): Record<string, number> {
    const file = new Database(dbPath, { readonly: true });
    try {
      const count = (table: string) => (file.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { session_tokens: count('session_tokens'), session_locks: count('session_locks'), seen_once: count('seen_once') };
    } finally {
      file.close();
    }
  }

  it('sweeps expired tokens, locks and remembered keys out of the file every 10 minutes', async () => {
    // The sweeper's timer as the store sets it (fake timers would spin forever on a mistaken sub-millisecond interval).
    const timers = vi.spyOn(globalThis, 'setInterval');
    const store = new SqliteTokenStore(dbPath, createTokenCipher(['t'.repeat(32)]));
    const calls = [...timers.mock.calls];
    timers.mockRestore();
    try {
      expect(calls.map(([, every]) => every)).toEqual([10 * 60 * 1000]);
      const sweep = calls[0]![0] as () => void;
      await store.write('short', TOKENS, { ttlMs: 1000 });
      await store.write('long', TOKENS, { ttlMs: 3_600_000 });
      await store.tryLock('refresh:short', 1000);
      await store.rememberOnce('logout-jti:x', 1000);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
      expect(rows()).toEqual({ session_tokens: 2, session_locks: 1, seen_once: 1 });
      sweep();
      expect(rows()).toEqual({ session_tokens: 1, session_locks: 0, seen_once: 0 });
    } finally {
      await store.close();
    }
  });

  it('sweeps when asked, as of the time given', async () => {
    const store = new SqliteTokenStore(dbPath, createTokenCipher(['t'.repeat(32)]));
    try {
      await store.write('s', TOKENS, { ttlMs: 60_000 });
      await store.tryLock('refresh:s', 60_000);
      await store.rememberOnce('logout-jti:x', 60_000);
      store.sweep(Date.now() + 59_000);
      expect(rows()).toEqual({ session_tokens: 1, session_locks: 1, seen_once: 1 });
      store.sweep(Date.now() + 61_000);
      expect(rows()).toEqual({ session_tokens: 0, session_locks: 0, seen_once: 0 });
    } finally {
      await store.close();
    }
  });

  it('is closed once closed', async () => {
    const store = new SqliteTokenStore(dbPath, createTokenCipher(['t'.repeat(32)]));
    await store.close();
    await expect(store.read('s')).rejects.toThrow(/not open/);
    await expect(store.write('s', TOKENS, { ttlMs: 1000 })).rejects.toThrow(/not open/);
  });
});
