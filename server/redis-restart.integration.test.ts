// Redis restarted under two BFF instances that share their sessions through it (issue 14 §4). With
// Redis persisting its data (append-only file), sessions survive the restart on both instances; without,
// each person is asked to log in again (401 not_authenticated, then a login that works) — on neither
// instance a crash or a 500. The real development provider, catalog and redis-server.
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../contract/bff-api';
import type { BffBrowser } from './testing/bff-browser';
import { startRedis, type RedisServer } from './testing/start-redis';
import { startTestStack, type TestBff, type TestSessionDeps, type TestStack } from './testing/start-test-stack';
import { createTestSessionDeps } from './testing/test-session-deps';

const TABLE = '/api/metadata/v0/table?key=' + encodeURIComponent('hive://gold.core/customers');

describe('Redis restarted under two BFF instances', () => {
  let redis: RedisServer | undefined;
  let stack: TestStack | undefined;
  let shared: TestSessionDeps[] = [];

  afterEach(async () => {
    await stack?.close();
    for (const deps of shared) await deps.close();
    await redis?.stop();
    shared = [];
  });

  async function twoInstances(persist: boolean): Promise<[TestBff, TestBff]> {
    redis = await startRedis({ persist });
    stack = await startTestStack({ bffSlots: 2 });
    shared = [await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url }), await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url })];
    return [await stack.startBff(0, { sessions: shared[0] }), await stack.startBff(1, { sessions: shared[1] })];
  }

  async function signedIn(bff: TestBff, login: string): Promise<BffBrowser> {
    const browser = bff.browser();
    expect((await browser.logIn(login)).status).toBe(303);
    return browser;
  }

  it('keeps the sessions on both instances when Redis persists them', async () => {
    const [a, b] = await twoInstances(true);
    const liv = await signedIn(a, 'liv');
    expect((await liv.on(b.base).request(TABLE)).status).toBe(200);

    await redis!.restart();

    const onA = await liv.request('/api/auth_user');
    expect(onA.status).toBe(200);
    expect((await onA.json()).user.user_id).toBe('liv.arnesen@example.org');
    expect((await liv.request(TABLE)).status).toBe(200);
    expect((await liv.on(b.base).request(TABLE)).status).toBe(200);
    expect(stack!.logger.lines.filter((line) => / → 5\d\d/.test(line))).toEqual([]);
  });

  it('asks everyone to log in again, without a 500, when Redis lost the sessions, and the new login works on both instances', async () => {
    const [a, b] = await twoInstances(false);
    const roald = await signedIn(a, 'roald');
    expect((await roald.on(b.base).request('/api/auth_user')).status).toBe(200);

    await redis!.restart();

    for (const browser of [roald, roald.on(b.base)]) {
      const answer = await browser.request(TABLE);
      expect(answer.status).toBe(401);
      expect(v.parse(ApiErrorBodySchema, await answer.json()).error.code).toBe('not_authenticated');
    }
    const again = await signedIn(a, 'roald');
    expect((await again.request(TABLE)).status).toBe(200);
    expect((await again.on(b.base).request(TABLE)).status).toBe(200);
    expect(stack!.logger.lines.filter((line) => / → 5\d\d/.test(line))).toEqual([]);
  });
});

describe('Redis away under a BFF instance', () => {
  it('answers 503 session_store_unavailable, not 500, while Redis is down, logging the cause; and serves the session again once it is back', async () => {
    const redis = await startRedis({ persist: true });
    const stack = await startTestStack();
    const deps = await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url });
    try {
      const bff = await stack.startBff(0, { sessions: deps });
      const liv = bff.browser();
      expect((await liv.logIn('liv')).status).toBe(303);

      await redis.pause();
      const away = await liv.request('/api/auth_user');
      expect(away.status).toBe(503);
      expect(v.parse(ApiErrorBodySchema, await away.json()).error).toEqual({
        name: 'UpstreamError', message: 'The session store is unavailable, so Nansen cannot tell who you are; try again in a moment.', code: 'session_store_unavailable',
      });
      expect(stack.logger.lines.some((line) => /→ 503 — session store \(Redis\) unavailable: \w+Error: /.test(line))).toBe(true);
      expect(stack.logger.lines.filter((line) => / → 500/.test(line))).toEqual([]);

      await redis.resume();
      // Known to be down by now, requests fail at once until the client has reconnected (within a second).
      let status = 0;
      for (let tries = 0; tries < 25 && status !== 200; tries += 1) {
        status = (await liv.request('/api/auth_user')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    } finally {
      await stack.close();
      await deps.close();
      await redis.stop();
    }
  });
});
