import { describe, expect, it } from 'vitest';
import { describeSessionStore } from './describe-session-store';

describe('describeSessionStore', () => {
  it('names Redis and REDIS_URL with its password hidden and without its query', () => {
    const line = describeSessionStore({ store: 'redis', redisUrl: 'rediss://nansen:hunter2@redis.internal:6380/1?timeout=3', dbPath: '/data/sessions.sqlite' });
    expect(line).toBe('sessions: in Redis at rediss://nansen:***@redis.internal:6380/1 (SESSION_STORE=redis; shared by every instance that uses it)');
    expect(line).not.toContain('hunter2');
  });

  it('names the SQLite file', () => {
    expect(describeSessionStore({ store: 'sqlite', redisUrl: undefined, dbPath: '/data/sessions.sqlite' }))
      .toBe('sessions: in the SQLite file /data/sessions.sqlite (SESSION_STORE=sqlite; on this machine only)');
  });
});
