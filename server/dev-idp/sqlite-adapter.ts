// oidc-provider's storage adapter on one SQLite file, so the development IdP's grants, sessions,
// refresh tokens, interactions and the rest survive a restart. One table keyed by (model, id); the
// payload is oidc-provider's object as JSON. The file holds live refresh tokens (an opaque token's
// value is its id), so it is created owner-only.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Adapter, AdapterPayload } from 'oidc-provider';

export interface SqliteAdapterStore {
  /** oidc-provider's `adapter` option: the adapter for one model ("Session", "RefreshToken" …). */
  createAdapter(model: string): Adapter;
  /** Deletes expired rows; returns how many. Also runs on open and every `sweepIntervalMs`. */
  sweepExpired(): number;
  close(): void;
}

export interface SqliteAdapterStoreOptions {
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
  /** Default 10 minutes. */
  sweepIntervalMs?: number;
}

interface Row {
  payload: string;
  consumed_at: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS oidc_model (
  model TEXT NOT NULL,
  id TEXT NOT NULL,
  payload TEXT NOT NULL,
  grant_id TEXT,
  uid TEXT,
  user_code TEXT,
  expires_at INTEGER,
  consumed_at INTEGER,
  PRIMARY KEY (model, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS oidc_model_grant_id ON oidc_model (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_model_uid ON oidc_model (uid) WHERE uid IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_model_user_code ON oidc_model (user_code) WHERE user_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_model_expires_at ON oidc_model (expires_at) WHERE expires_at IS NOT NULL;
`;

/** Creates the file owner-only before SQLite opens it (its -wal and -shm files copy that mode). */
function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function openSqliteAdapterStore(file: string, options: SqliteAdapterStoreOptions = {}): SqliteAdapterStore {
  const now = options.now ?? Date.now;
  createPrivateFile(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    throw error;
  }

  const live = '(expires_at IS NULL OR expires_at > @now)';
  const statements = {
    upsert: db.prepare(`INSERT INTO oidc_model (model, id, payload, grant_id, uid, user_code, expires_at, consumed_at)
      VALUES (@model, @id, @payload, @grantId, @uid, @userCode, @expiresAt, NULL)
      ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
        user_code = excluded.user_code, expires_at = excluded.expires_at, consumed_at = NULL`),
    find: db.prepare<{ model: string; id: string; now: number }, Row>(
      `SELECT payload, consumed_at FROM oidc_model WHERE model = @model AND id = @id AND ${live}`,
    ),
    findByUid: db.prepare<{ model: string; uid: string; now: number }, Row>(
      `SELECT payload, consumed_at FROM oidc_model WHERE uid = @uid AND model = @model AND ${live}`,
    ),
    findByUserCode: db.prepare<{ model: string; userCode: string; now: number }, Row>(
      `SELECT payload, consumed_at FROM oidc_model WHERE user_code = @userCode AND model = @model AND ${live}`,
    ),
    consume: db.prepare('UPDATE oidc_model SET consumed_at = @consumedAt WHERE model = @model AND id = @id'),
    destroy: db.prepare('DELETE FROM oidc_model WHERE model = @model AND id = @id'),
    revokeByGrantId: db.prepare('DELETE FROM oidc_model WHERE grant_id = @grantId AND model = @model'),
    sweep: db.prepare('DELETE FROM oidc_model WHERE expires_at <= @now'),
  };

  function toPayload(row: Row | undefined): AdapterPayload | undefined {
    if (!row) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    // oidc-provider asks that a consumed model be found with a truthy `consumed` (it revokes the
    // whole grant when a consumed refresh token comes back).
    return row.consumed_at === null ? payload : { ...payload, consumed: row.consumed_at };
  }

  function createAdapter(model: string): Adapter {
    return {
      async upsert(id, payload, expiresIn) {
        statements.upsert.run({
          model,
          id,
          payload: JSON.stringify(payload),
          grantId: optionalString(payload.grantId),
          uid: optionalString(payload.uid),
          userCode: optionalString(payload.userCode),
          expiresAt: typeof expiresIn === 'number' ? now() + expiresIn * 1000 : null,
        });
      },
      async find(id) {
        return toPayload(statements.find.get({ model, id, now: now() }));
      },
      async findByUid(uid) {
        return toPayload(statements.findByUid.get({ model, uid, now: now() }));
      },
      async findByUserCode(userCode) {
        return toPayload(statements.findByUserCode.get({ model, userCode, now: now() }));
      },
      async consume(id) {
        statements.consume.run({ model, id, consumedAt: Math.floor(now() / 1000) });
      },
      async destroy(id) {
        statements.destroy.run({ model, id });
      },
      // oidc-provider calls this on each token model of a grant (AccessToken, RefreshToken,
      // AuthorizationCode …) and destroys the Grant itself, so each call removes its own model's rows.
      async revokeByGrantId(grantId) {
        statements.revokeByGrantId.run({ model, grantId });
      },
    };
  }

  const sweepExpired = () => statements.sweep.run({ now: now() }).changes;
  sweepExpired();
  const sweeper = setInterval(() => {
    try {
      sweepExpired();
    } catch (error) {
      console.error('[dev-idp] sweeping expired rows failed:', error);
    }
  }, options.sweepIntervalMs ?? 10 * 60 * 1000);
  sweeper.unref();

  return {
    createAdapter,
    sweepExpired,
    close() {
      clearInterval(sweeper);
      db.close();
    },
  };
}
