// The start-up line that says where sessions are kept: the SQLite file, or Redis at REDIS_URL with
// its password as *** — the first thing to know when sign-ins misbehave.
import { shownRedisUrl } from '../auth/redis-connection-watch';

export function describeSessionStore(session: { store: 'sqlite' | 'redis'; redisUrl: string | undefined; dbPath: string }): string {
  if (session.store === 'redis') {
    return `sessions: in Redis at ${session.redisUrl ? shownRedisUrl(session.redisUrl) : '(no REDIS_URL)'} (SESSION_STORE=redis; shared by every instance that uses it)`;
  }
  return `sessions: in the SQLite file ${session.dbPath} (SESSION_STORE=sqlite; on this machine only)`;
}
