// The session store and the token store the config asks for: SQLite files in DATA_DIR (one machine,
// the default) or Redis (several instances sharing sessions). Opening them deletes the sessions kept
// under their id rather than its hash, as before decision 050: their people log in again once.
import type { Logger } from '../http/logger';
import { compareSecretFingerprints, secretFingerprints } from './secret-mismatch-warning';
import { SqliteSessionStore } from './sqlite-session-store';
import { SqliteTokenStore } from './sqlite-token-store';
import type { TokenCipher } from './token-cipher';
import type { SessionStores } from './token-store';

export type { SessionStores };

export type SessionStoreSettings = { kind: 'sqlite'; dbPath: string } | { kind: 'redis'; url: string };

/**
 * `logger` hears of the Redis connection being lost and back (redis-connection-watch.ts). With Redis and
 * `secrets` (SESSION_SECRETS), their fingerprints are compared with those the last instance started on it
 * stored, and replace them: `secretWarning` says when they differ.
 */
export async function createSessionStores(
  settings: SessionStoreSettings,
  cipher: TokenCipher,
  options: { logger?: Logger; secrets?: readonly string[] } = {},
): Promise<SessionStores> {
  if (settings.kind === 'redis') {
    const { createRedisSessionStores } = await import('./redis-session-stores');
    const stores = await createRedisSessionStores(settings.url, cipher, options);
    try {
      stores.droppedAtOpen = await stores.dropSessionsKeptUnderTheirIds();
    } catch (err) {
      // A Redis user not allowed to SCAN, say. Not a reason to stop: no id is ever looked up, and what
      // was kept under one expires with its TTL. Start-up says so.
      stores.dropFailure = err instanceof Error ? err.message : String(err);
    }
    if (options.secrets?.length) {
      const ours = secretFingerprints(options.secrets);
      try {
        stores.secretWarning = compareSecretFingerprints(ours, await stores.exchangeSecretFingerprints(JSON.stringify(ours)));
      } catch (err) {
        // A Redis user not allowed this key, say: the cookie warnings still name SESSION_SECRETS.
        stores.secretWarning = `could not compare SESSION_SECRETS with the other instances' in Redis: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    return stores;
  }
  const sessions = new SqliteSessionStore(settings.dbPath);
  const tokens = new SqliteTokenStore(settings.dbPath, cipher);
  const droppedAtOpen = sessions.dropSessionsKeptUnderTheirIds();
  tokens.dropSessionsKeptUnderTheirIds();
  return {
    sessions,
    tokens,
    droppedAtOpen,
    async close() {
      await tokens.close();
      sessions.close();
    },
  };
}
