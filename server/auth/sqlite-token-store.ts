// The token store on SQLite: in the sessions file, beside the sessions table. Several Nansen processes
// on one machine may share the file (WAL); the lock and compare-and-set are single statements, so they
// hold across processes. Rows and refresh locks are keyed by the session's store key (the SHA-256 of
// its id, session-store-key.ts, decision 050); those keyed by an id, written before that, go at
// start-up (dropSessionsKeptUnderTheirIds, called by create-session-stores.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SessionTokens } from './session-data';
import { notAStoreKeySql } from './session-store-key';
import type { TokenCipher } from './token-cipher';
import { lookupKey, OpenedTokens, toTokenRecord, type StoredTokens, type TokenStore } from './token-store';

export class SqliteTokenStore implements TokenStore {
  private readonly db: Database.Database;
  private readonly sweeper: NodeJS.Timeout;
  private readonly sql;
  private readonly opened: OpenedTokens;

  constructor(dbPath: string, private readonly cipher: TokenCipher, sweepIntervalMs = 10 * 60 * 1000) {
    this.opened = new OpenedTokens(cipher);
    fs.mkdirSync(path.dirname(dbPath), { recursive: true, mode: 0o700 });
    this.db = new Database(dbPath);
    fs.chmodSync(dbPath, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS session_tokens (
        sid TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        sealed TEXT NOT NULL,
        subject_key TEXT,
        provider_session_key TEXT,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS session_tokens_subject ON session_tokens (subject_key);
      CREATE INDEX IF NOT EXISTS session_tokens_provider_session ON session_tokens (provider_session_key);
      CREATE TABLE IF NOT EXISTS session_locks (name TEXT PRIMARY KEY, until INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS seen_once (key TEXT PRIMARY KEY, until INTEGER NOT NULL) STRICT;
    `);
    this.sql = {
      read: this.db.prepare<[string, number], { version: number; sealed: string }>(
        'SELECT version, sealed FROM session_tokens WHERE sid = ? AND expires_at > ?',
      ),
      upsert: this.db.prepare(
        `INSERT INTO session_tokens (sid, version, sealed, subject_key, provider_session_key, expires_at) VALUES (?, 1, ?, ?, ?, ?)
         ON CONFLICT (sid) DO UPDATE SET version = version + 1, sealed = excluded.sealed, subject_key = excluded.subject_key,
           provider_session_key = excluded.provider_session_key, expires_at = excluded.expires_at`,
      ),
      compareAndSet: this.db.prepare(
        `UPDATE session_tokens SET version = version + 1, sealed = ?, subject_key = ?, provider_session_key = ?, expires_at = ?
         WHERE sid = ? AND version = ? AND expires_at > ?`,
      ),
      delete: this.db.prepare('DELETE FROM session_tokens WHERE sid = ?'),
      bySubject: this.db.prepare<[string, number], { sid: string }>('SELECT sid FROM session_tokens WHERE subject_key = ? AND expires_at > ?'),
      byProviderSession: this.db.prepare<[string, number], { sid: string }>(
        'SELECT sid FROM session_tokens WHERE provider_session_key = ? AND expires_at > ?',
      ),
      lock: this.db.prepare(
        'INSERT INTO session_locks (name, until) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET until = excluded.until WHERE session_locks.until <= ?',
      ),
      unlock: this.db.prepare('DELETE FROM session_locks WHERE name = ?'),
      once: this.db.prepare(
        'INSERT INTO seen_once (key, until) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE seen_once.until <= ?',
      ),
      sweepTokens: this.db.prepare('DELETE FROM session_tokens WHERE expires_at <= ?'),
      sweepLocks: this.db.prepare('DELETE FROM session_locks WHERE until <= ?'),
      sweepOnce: this.db.prepare('DELETE FROM seen_once WHERE until <= ?'),
    };
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  async read(sessionId: string): Promise<StoredTokens | undefined> {
    const row = this.sql.read.get(sessionId, Date.now());
    if (!row) return undefined;
    const tokens = this.opened.open(sessionId, row.sealed);
    return tokens ? { version: row.version, tokens } : undefined;
  }

  async write(sessionId: string, tokens: SessionTokens, options: { ttlMs: number; expectVersion?: number }): Promise<boolean> {
    const record = toTokenRecord(this.cipher, tokens);
    const now = Date.now();
    const expiresAt = now + options.ttlMs;
    if (options.expectVersion === undefined) {
      this.sql.upsert.run(sessionId, record.sealed, record.subjectKey, record.providerSessionKey, expiresAt);
      return true;
    }
    const result = this.sql.compareAndSet.run(
      record.sealed, record.subjectKey, record.providerSessionKey, expiresAt, sessionId, options.expectVersion, now,
    );
    return result.changes === 1;
  }

  async delete(sessionId: string): Promise<void> {
    this.sql.delete.run(sessionId);
    this.opened.forget(sessionId);
  }

  async findSessions(by: { issuer: string; providerSessionId?: string; subject?: string }): Promise<string[]> {
    const now = Date.now();
    const sessionKey = lookupKey(by.issuer, by.providerSessionId);
    const rows = sessionKey
      ? this.sql.byProviderSession.all(sessionKey, now)
      : this.sql.bySubject.all(lookupKey(by.issuer, by.subject) ?? '', now);
    return rows.map((r) => r.sid);
  }

  async tryLock(name: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.sql.lock.run(name, now + ttlMs, now).changes === 1;
  }

  async unlock(name: string): Promise<void> {
    this.sql.unlock.run(name);
  }

  async rememberOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.sql.once.run(key, now + ttlMs, now).changes === 1;
  }

  /**
   * Deletes the tokens and refresh locks kept under a session's id rather than its store key (before
   * decision 050); the back-channel lookup keys are columns of the same rows. Returns how many tokens.
   */
  dropSessionsKeptUnderTheirIds(): number {
    const dropped = this.db.prepare(`DELETE FROM session_tokens WHERE ${notAStoreKeySql('sid')}`).run().changes;
    this.db.prepare(`DELETE FROM session_locks WHERE name LIKE 'refresh:%' AND ${notAStoreKeySql('substr(name, 9)')}`).run();
    return dropped;
  }

  sweep(now = Date.now()): void {
    this.sql.sweepTokens.run(now);
    this.sql.sweepLocks.run(now);
    this.sql.sweepOnce.run(now);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.db.close();
  }
}
