import { describe, expect, it } from 'vitest';
import { createSessionStores } from '../auth/create-session-stores';
import { createTokenCipher } from '../auth/token-cipher';
import { getFreePort } from '../testing/free-port';
import { redisStartUpError } from './redis-start-up-error';
import { StartUpError } from './start-up-error';

describe('redisStartUpError', () => {
  it('turns the session store\'s failure to reach Redis into one line naming REDIS_URL without its password, and the fix', async () => {
    const url = `redis://nansen:hunter2@127.0.0.1:${await getFreePort()}/0?password=hunter3`;
    const failure = await createSessionStores({ kind: 'redis', url }, createTokenCipher(['s'.repeat(32)])).catch((err: unknown) => err);
    const err = redisStartUpError(failure, url);
    expect(err).toBeInstanceOf(StartUpError);
    const host = new URL(url).host;
    expect(err.message).toMatch(
      new RegExp(`^Cannot connect to Redis at REDIS_URL \\(redis://nansen:\\*\\*\\*@${host}/0\\): .*ECONNREFUSED.*\\. Check REDIS_URL \\(host, port, password; rediss:// for TLS\\) and that Redis is running and reachable from this machine, or set SESSION_STORE=sqlite to keep sessions on this machine\\.$`),
    );
    expect(err.message).not.toMatch(/hunter|\n/);
  });

  it('hides the password wherever the reason quotes it', () => {
    const err = redisStartUpError(new Error('Cannot connect to Redis at REDIS_URL (redis:6379): WRONGPASS for p%40ss and p@ss. Check REDIS_URL and that Redis is running.'), 'redis://:p%40ss@redis:6379');
    expect(err.message).toBe(
      'Cannot connect to Redis at REDIS_URL (redis://:***@redis:6379): WRONGPASS for *** and ***. Check REDIS_URL (host, port, password; rediss:// for TLS) and that Redis is running and reachable from this machine, or set SESSION_STORE=sqlite to keep sessions on this machine.',
    );
  });
});
