// An express-session store on a SQLite file (better-sqlite3). Sessions survive restarts; expired
// rows are swept periodically. The file is created with owner-only permissions because sessions
// hold tokens. Rows are keyed by the session's store key, the SHA-256 of its id (session-store-key.ts,
// decision 050, made by the session middleware); rows keyed by an id, written before that, go at
// start-up (dropSessionsKeptUnderTheirIds, called by create-session-stores.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import session from 'express-session';
import { notAStoreKeySql } from './session-store-key';

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

export class SqliteSessionStore extends session.Store {
  private readonly db: Database.Database;
  private readonly sweeper: NodeJS.Timeout;
  private readonly statements;

  constructor(dbPath: string, sweepIntervalMs = 10 * 60 * 1000) {
    super();
    fs.mkdirSync(path.dirname(dbPath), { recursive: true, mode: 0o700 });
    this.db = new Database(dbPath);
    fs.chmodSync(dbPath, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      sid TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT`);
    this.db.exec('CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at)');
    this.statements = {
      get: this.db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?'),
      set: this.db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at'),
      touch: this.db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?'),
      destroy: this.db.prepare('DELETE FROM sessions WHERE sid = ?'),
      sweep: this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      count: this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE expires_at > ?'),
    };
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  private expiry(sess: session.SessionData): number {
    const cookieExpiry = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : NaN;
    return Number.isFinite(cookieExpiry) ? cookieExpiry : Date.now() + (sess.cookie?.originalMaxAge ?? DEFAULT_TTL_MS);
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.statements.get.get(sid, Date.now());
      callback(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (err) {
      callback(err);
    }
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.statements.set.run(sid, JSON.stringify(sess), this.expiry(sess));
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    try {
      this.statements.touch.run(this.expiry(sess), sid);
    } finally {
      callback?.();
    }
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    try {
      this.statements.destroy.run(sid);
      callback?.();
    } catch (err) {
      callback?.(err);
    }
  }

  override length(callback: (err: unknown, length?: number) => void): void {
    try {
      callback(null, this.statements.count.get(Date.now())?.n ?? 0);
    } catch (err) {
      callback(err);
    }
  }

  /**
   * Deletes the sessions kept under their id rather than its store key (before decision 050): whoever
   * could read this file could present those ids as cookies. Returns how many; their people log in again.
   */
  dropSessionsKeptUnderTheirIds(): number {
    return this.db.prepare(`DELETE FROM sessions WHERE ${notAStoreKeySql('sid')}`).run().changes;
  }

  /** Deletes expired sessions; returns how many. */
  sweep(now = Date.now()): number {
    return this.statements.sweep.run(now).changes;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.db.close();
  }
}
