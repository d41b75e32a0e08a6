// The Redis stores' own behaviour beyond the token store's contract (token-store.test.ts): starting
// against a Redis that is not there, keys kept under Nansen's prefix, losing Redis while running.
import type session from 'express-session';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../testing/free-port';
import { type RedisServer, startRedis } from '../testing/start-redis';
import { createRedisSessionStores } from './redis-session-stores';
import { createTokenCipher } from './token-cipher';

const SECRET = 'r'.repeat(32);

describe('the Redis session stores', () => {
  let server: RedisServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('refuse to start, saying what to check, when nothing answers at REDIS_URL', async () => {
    const url = `redis://127.0.0.1:${await getFreePort()}`;
    const started = Date.now();
    await expect(createRedisSessionStores(url, createTokenCipher([SECRET]))).rejects.toThrow(
      new RegExp(`^Cannot connect to Redis at REDIS_URL \\(${new URL(url).host}\\): .*\\. Check REDIS_URL and that Redis is running\\.$`),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keep every key under the nansen: prefix, so one Redis can serve other applications too', async () => {
    server = await startRedis();
    const stores = await createRedisSessionStores(server.url, createTokenCipher([SECRET]));
    try {
      await new Promise<void>((resolve, reject) =>
        stores.sessions.set('sid-1', { cookie: { originalMaxAge: 60_000 } } as session.SessionData, (err) => (err ? reject(err) : resolve())),
      );
      await stores.tokens.write('sid-1', { accessToken: 'a', expiresAt: 0, obtainedAt: 0, obtainedBy: 'login', subject: 'liv', issuer: 'https://idp.example', providerSessionId: 'p' }, { ttlMs: 60_000 });
      await stores.tokens.tryLock('refresh:sid-1', 60_000);
      await stores.tokens.rememberOnce('logout-jti:x', 60_000);
      const client = createClient({ url: server.url });
      await client.connect();
      const keys = (await client.keys('*')).sort();
      await client.quit();
      expect(keys).toHaveLength(6);
      for (const key of keys) expect(key).toMatch(/^nansen:(session|tokens|tokens-by-subject|tokens-by-provider-session|lock|seen):/);
    } finally {
      await stores.close();
    }
  });

  it('give each lock an owner: another instance cannot release it', async () => {
    server = await startRedis();
    const [one, two] = [await createRedisSessionStores(server.url, createTokenCipher([SECRET])), await createRedisSessionStores(server.url, createTokenCipher([SECRET]))];
    try {
      expect(await one.tokens.tryLock('refresh:s', 60_000)).toBe(true);
      await two.tokens.unlock('refresh:s');
      expect(await two.tokens.tryLock('refresh:s', 60_000)).toBe(false);
      await one.tokens.unlock('refresh:s');
      expect(await two.tokens.tryLock('refresh:s', 60_000)).toBe(true);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('let commands under way finish when closed', async () => {
    server = await startRedis();
    const stores = await createRedisSessionStores(server.url, createTokenCipher([SECRET]));
    const underWay = stores.tokens.rememberOnce('logout-jti:during-close', 60_000);
    await stores.close();
    expect(await underWay).toBe(true);
  });

  it('come back by themselves, within a second or two, when Redis returns after being away', async () => {
    server = await startRedis();
    const stores = await createRedisSessionStores(server.url, createTokenCipher([SECRET]));
    try {
      await server.pause();
      // Long enough for the client to notice and retry a few times (200 ms more per attempt).
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.resume();
      const back = Date.now();
      expect(await stores.tokens.rememberOnce('logout-jti:after-outage', 60_000)).toBe(true);
      // A fixed 5 s between attempts would leave every request waiting that long after a short outage.
      expect(Date.now() - back).toBeLessThan(3000);
    } finally {
      await stores.close();
    }
  });

  it('close the connection when closed', async () => {
    server = await startRedis();
    const stores = await createRedisSessionStores(server.url, createTokenCipher([SECRET]));
    await stores.close();
    await expect(stores.tokens.read('sid')).rejects.toThrow();
  });

  it('keep running when Redis goes away (its connection errors are handled, not thrown)', async () => {
    server = await startRedis();
    const stores = await createRedisSessionStores(server.url, createTokenCipher([SECRET]));
    await server.stop();
    server = undefined;
    // The client reports the lost connection as 'error' events while it tries to reconnect.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stores.close();
  });
});
