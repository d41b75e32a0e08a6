// The session store and the token store the config asks for: SQLite files in DATA_DIR (one machine,
// the default) or Redis (several instances sharing sessions).
import type { Logger } from '../http/logger';
import { SqliteSessionStore } from './sqlite-session-store';
import { SqliteTokenStore } from './sqlite-token-store';
import type { TokenCipher } from './token-cipher';
import type { SessionStores } from './token-store';

export type { SessionStores };

export type SessionStoreSettings = { kind: 'sqlite'; dbPath: string } | { kind: 'redis'; url: string };

/** `logger` hears of the Redis connection being lost and back (redis-connection-watch.ts). */
export async function createSessionStores(settings: SessionStoreSettings, cipher: TokenCipher, options: { logger?: Logger } = {}): Promise<SessionStores> {
  if (settings.kind === 'redis') {
    const { createRedisSessionStores } = await import('./redis-session-stores');
    return createRedisSessionStores(settings.url, cipher, options);
  }
  const sessions = new SqliteSessionStore(settings.dbPath);
  const tokens = new SqliteTokenStore(settings.dbPath, cipher);
  return {
    sessions,
    tokens,
    async close() {
      await tokens.close();
      sessions.close();
    },
  };
}
