// GET /readyz on the real BFF with a real provider, catalog and session stores (SQLite, then Redis).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSessionDeps } from './testing/test-session-deps';
import { startRedis, type RedisServer } from './testing/start-redis';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

interface Readiness {
  status: string;
  failed?: string[];
  message?: string;
  checks: Record<string, { status: string; ms: number; message?: string }>;
}

async function readyz(base: string): Promise<{ status: number; body: Readiness; text: string; cacheControl: string | null }> {
  const response = await fetch(`${base}/readyz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Readiness, text, cacheControl: response.headers.get('cache-control') };
}

/**
 * /readyz shares one run of its checks among requests less than a second apart (readiness.ts), so
 * after a change it is asked until it answers `status` — within about a second; 10 s at most.
 */
async function readyzOnce(base: string, status: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await readyz(base);
    if (answer.status === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('GET /readyz', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack();
    bff = await stack.startBff(0);
  });

  afterAll(async () => {
    await stack.close();
  });

  it('answers 200 with every check ok when the provider, the catalog and the session store answer', async () => {
    const { status, body, cacheControl } = await readyz(bff.base);
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(['metadata', 'provider', 'search', 'sessions']);
    for (const check of Object.values(body.checks)) expect(check).toMatchObject({ status: 'ok', ms: expect.any(Number) });
    expect(cacheControl).toBe('no-store');
  });

  it('answers 503 naming the metadata and search services while the catalog is down, with no URL, and 200 again once it is back', async () => {
    await stack.stopCatalog();
    try {
      const down = await readyzOnce(bff.base, 503);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('not_ready');
      expect(down.body.failed).toEqual(['metadata', 'search']);
      expect(down.body.message).toBe('Not ready: metadata, search failed.');
      expect(down.body.checks.metadata).toMatchObject({ status: 'failed', message: 'cannot connect (ECONNREFUSED)' });
      expect(down.body.checks.provider?.status).toBe('ok');
      expect(down.body.checks.sessions?.status).toBe('ok');
      expect(down.text).not.toMatch(/https?:|127\.0\.0\.1|localhost/);
      // /healthcheck says only that the process is up, as before.
      const health = await fetch(`${bff.base}/healthcheck`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      await stack.startCatalog();
    }
    expect((await readyzOnce(bff.base, 200)).status).toBe(200);
  });
});

describe('GET /readyz with the Redis session store', () => {
  let stack: TestStack;
  let redis: RedisServer;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack();
    redis = await startRedis();
    bff = await stack.startBff(0, { sessions: await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url }) });
  });

  afterAll(async () => {
    await bff.sessions.close();
    await stack.close();
    await redis.stop();
  });

  it('checks Redis with a round trip, and answers 503 naming the session store when Redis is gone', async () => {
    expect((await readyz(bff.base)).body.checks.sessions?.status).toBe('ok');
    await redis.stop();
    const down = await readyzOnce(bff.base, 503);
    expect(down.status).toBe(503);
    expect(down.body.failed).toEqual(['sessions']);
    expect(down.text).not.toContain(redis.url);
    // What failed, in words (not "failed"): a refused reconnection, as docs/operations.md says.
    const deadline = Date.now() + 5000;
    let said = down.body.checks.sessions?.message;
    while (said !== 'cannot connect (ECONNREFUSED)' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      said = (await readyz(bff.base)).body.checks.sessions?.message;
    }
    expect(said).toBe('cannot connect (ECONNREFUSED)');
  });
});
