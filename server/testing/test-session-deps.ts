import path from 'node:path';
import { createSessionStores, type SessionStores } from '../auth/create-session-stores';
import { createTokenCipher } from '../auth/token-cipher';
import type { Logger } from '../http/logger';

export const TEST_SESSION_SECRETS = ['test-session-secret-that-is-long-enough'];

/** The BFF's `session` dependencies on SQLite files in `dir` (or on Redis at `redisUrl`). */
export async function createTestSessionDeps(dir: string, options: { redisUrl?: string; secrets?: string[]; absoluteTimeoutMs?: number; logger?: Logger } = {}) {
  const secrets = options.secrets ?? TEST_SESSION_SECRETS;
  const stores: SessionStores = await createSessionStores(
    options.redisUrl ? { kind: 'redis', url: options.redisUrl } : { kind: 'sqlite', dbPath: path.join(dir, 'sessions.sqlite') },
    createTokenCipher(secrets),
    { logger: options.logger },
  );
  return {
    secrets,
    store: stores.sessions,
    storeName: options.redisUrl ? 'Redis' : 'SQLite',
    connectionProblem: stores.connectionProblem,
    tokens: stores.tokens,
    idleTimeoutMinutes: 30,
    absoluteTimeoutMs: options.absoluteTimeoutMs ?? 12 * 3_600_000,
    close: () => stores.close(),
  };
}
