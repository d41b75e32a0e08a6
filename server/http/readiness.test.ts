import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SqliteSessionStore } from '../auth/sqlite-session-store';
import { getFreePort } from '../testing/free-port';
import { createUpstreamHttp } from '../upstream/upstream-http';
import { createMemoryLogger } from './logger';
import { createReadinessRoute, ISSUER_MISMATCH, NOT_A_DISCOVERY_DOCUMENT, providerCheck, ReadinessFailure, runReadinessChecks, sameIssuer, sessionStoreCheck, upstreamCheck, type ReadinessCheck } from './readiness';

interface Seen { url: string; accept: string | undefined }

/**
 * A real HTTP server on a free port: answers each path with the status set in `statuses` (200 by default)
 * and the body set in `bodies` (by default a discovery document naming `issuer` as its issuer when set,
 * else `{}`), and records what it was asked.
 */
async function startServer() {
  const seen: Seen[] = [];
  const statuses: Record<string, number> = {};
  const bodies: Record<string, string> = {};
  const declared: { issuer?: string } = {};
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url!, accept: req.headers.accept });
    const status = statuses[req.url!] ?? 200;
    const body = bodies[req.url!] ?? JSON.stringify(declared.issuer === undefined ? {} : { issuer: declared.issuer });
    res.writeHead(status, { 'content-type': 'application/json' }).end(status === 204 ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, statuses, bodies, declared, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A check that fails with `err` (whatever it is, Error or not). */
const failingWith = (name: string, err: unknown): ReadinessCheck => ({ name, check: () => Promise.reject(err) });

/** A check that answers after `ms`. */
const answeringAfter = (name: string, ms: number): ReadinessCheck => ({ name, check: () => new Promise((resolve) => setTimeout(resolve, ms)) });

describe('readiness checks', () => {
  it('names a provider nothing listens on as a refused connection, without its URL', async () => {
    const port = await getFreePort();
    const states = await runReadinessChecks([providerCheck(`http://127.0.0.1:${port}/realms/x`)]);
    expect(states.provider).toMatchObject({ status: 'failed', message: 'cannot connect (ECONNREFUSED)' });
  });

  it('fails a check that does not answer in time, saying how long it waited', async () => {
    const before = performance.now();
    const states = await runReadinessChecks([{ name: 'slow', check: () => new Promise(() => {}) }], 50);
    const elapsed = performance.now() - before;
    expect(states.slow).toMatchObject({ status: 'failed', message: 'no answer within 50 ms' });
    expect(states.slow!.ms).toBeGreaterThanOrEqual(45);
    // The time the check took, never more than the whole run.
    expect(states.slow!.ms).toBeLessThanOrEqual(Math.ceil(elapsed));
  });

  it('says how long a check that answered took, never more than the whole run', async () => {
    const before = performance.now();
    const states = await runReadinessChecks([answeringAfter('quick', 20)]);
    const elapsed = performance.now() - before;
    expect(states.quick!.status).toBe('ok');
    expect(states.quick!.ms).toBeGreaterThanOrEqual(15);
    expect(states.quick!.ms).toBeLessThanOrEqual(Math.ceil(elapsed));
  });

  it('never repeats an error text, which may hold a URL with credentials', async () => {
    const states = await runReadinessChecks([
      failingWith('store', new Error('connect to redis://admin:s3cret@cache:6379 failed')),
      { name: 'fine', check: () => Promise.resolve() },
    ]);
    expect(states.store).toMatchObject({ status: 'failed', message: 'failed' });
    expect(JSON.stringify(states)).not.toContain('s3cret');
    expect(states.fine).toMatchObject({ status: 'ok' });
  });

  it('names an error code only when it is a bare upper-case code, on the error or its cause', async () => {
    const withCode = (code: unknown) => Object.assign(new Error('x'), { code });
    const states = await runReadinessChecks([
      failingWith('own', withCode('ECONNRESET')),
      failingWith('cause', new Error('fetch failed', { cause: withCode('ENOTFOUND') })),
      failingWith('lower', withCode('secret-text')),
      failingWith('tail', withCode('user:pw@HOST')),
      failingWith('head', withCode('HOST user:pw')),
      failingWith('number', withCode(401)),
      // Not a string, though it reads as one: only string codes are named.
      failingWith('object', withCode({ toString: () => 'ECONNREFUSED' })),
    ]);
    expect(states.own!.message).toBe('cannot connect (ECONNRESET)');
    expect(states.cause!.message).toBe('cannot connect (ENOTFOUND)');
    for (const name of ['lower', 'tail', 'head', 'number', 'object']) expect(states[name]!.message, name).toBe('failed');
  });

  it('fails a check that rejects with nothing, or with null, as a plain failure', async () => {
    const states = await runReadinessChecks([failingWith('nothing', undefined), failingWith('null', null)]);
    expect(states.nothing).toMatchObject({ status: 'failed', message: 'failed' });
    expect(states.null).toMatchObject({ status: 'failed', message: 'failed' });
  });

  it('repeats an "answered HTTP <status>" message exactly, and nothing that only contains one', async () => {
    const states = await runReadinessChecks([
      failingWith('exact', new Error('answered HTTP 502')),
      failingWith('prefixed', new Error('https://user:pw@host answered HTTP 502')),
      failingWith('suffixed', new Error('answered HTTP 502 from https://user:pw@host')),
    ]);
    expect(states.exact!.message).toBe('answered HTTP 502');
    expect(states.prefixed!.message).toBe('failed');
    expect(states.suffixed!.message).toBe('failed');
  });

  describe('with a fake clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('leaves no timer behind once a check answers before its time limit', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const states = await runReadinessChecks([{ name: 'fine', check: () => Promise.resolve() }], 60_000);
      expect(states.fine!.status).toBe('ok');
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});

describe('the provider check', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  afterEach(() => {
    server.declared.issuer = undefined;
    for (const key of Object.keys(server.bodies)) delete server.bodies[key];
  });

  it('asks for the discovery document as JSON under the issuer, whatever slashes end the issuer', async () => {
    for (const issuer of [`${server.base}/realms/x`, `${server.base}/realms/x/`, `${server.base}/realms/x//`]) {
      server.seen.length = 0;
      server.declared.issuer = issuer;
      const states = await runReadinessChecks([providerCheck(issuer)]);
      expect(states.provider, issuer).toMatchObject({ status: 'ok' });
      expect(server.seen, issuer).toEqual([{ url: '/realms/x/.well-known/openid-configuration', accept: 'application/json' }]);
    }
  });

  it('fails naming the HTTP status when the provider answers an error, an empty answer or a redirect (a login does not follow one)', async () => {
    server.statuses['/failing/.well-known/openid-configuration'] = 503;
    server.statuses['/empty/.well-known/openid-configuration'] = 204;
    server.statuses['/moved/.well-known/openid-configuration'] = 302;
    const failing = await runReadinessChecks([providerCheck(`${server.base}/failing`)]);
    const empty = await runReadinessChecks([providerCheck(`${server.base}/empty`)]);
    const moved = await runReadinessChecks([providerCheck(`${server.base}/moved`)]);
    expect(failing.provider).toMatchObject({ status: 'failed', message: 'answered HTTP 503' });
    expect(empty.provider).toMatchObject({ status: 'failed', message: 'answered HTTP 204' });
    expect(moved.provider).toMatchObject({ status: 'failed', message: 'answered HTTP 302' });
  });

  it('fails a 200 that is no JSON object (a web page at that address), saying so without a URL', async () => {
    for (const body of ['<!doctype html><title>Welcome</title>', '', '[]', 'null', '"issuer"']) {
      server.bodies['/site/.well-known/openid-configuration'] = body;
      const states = await runReadinessChecks([providerCheck(`${server.base}/site`)]);
      expect(states.provider, body).toMatchObject({ status: 'failed', message: NOT_A_DISCOVERY_DOCUMENT });
    }
    expect(NOT_A_DISCOVERY_DOCUMENT).not.toMatch(/https?:/);
  });

  it('fails a discovery document naming another issuer than OIDC_ISSUER, even by a slash or by localhost, with the fix and no URL', async () => {
    const issuer = `${server.base}/realms/main`;
    for (const other of [`${issuer}/`, issuer.replace('127.0.0.1', 'localhost'), `${server.base}/auth/realms/main`, undefined, 42]) {
      server.bodies['/realms/main/.well-known/openid-configuration'] = JSON.stringify({ issuer: other, authorization_endpoint: `${issuer}/auth` });
      const states = await runReadinessChecks([providerCheck(issuer)]);
      expect(states.provider, String(other)).toMatchObject({ status: 'failed', message: ISSUER_MISMATCH });
      expect(JSON.stringify(states), String(other)).not.toContain('127.0.0.1');
      expect(JSON.stringify(states), String(other)).not.toContain('localhost');
    }
    expect(ISSUER_MISMATCH).toContain('set OIDC_ISSUER to exactly the issuer it names');
  });

  it('takes an origin with or without its final slash as one issuer, as the login does, unless the embedded catalog wants it exact', async () => {
    // Auth0 declares https://tenant.auth0.com/; openid-client logs in with OIDC_ISSUER written without the slash.
    server.bodies['/.well-known/openid-configuration'] = JSON.stringify({ issuer: `${server.base}/` });
    expect((await runReadinessChecks([providerCheck(server.base)])).provider).toMatchObject({ status: 'ok' });
    // The embedded catalog compares the tokens' iss with OIDC_ISSUER as strings: its logins would fail.
    expect((await runReadinessChecks([providerCheck(server.base, { exact: true })])).provider).toMatchObject({ status: 'failed', message: ISSUER_MISMATCH });
  });

  it('does not compare the issuer of Azure AD B2C, as openid-client does not', () => {
    expect(sameIssuer('https://tenant.b2clogin.com/0d9e-id/v2.0/', 'https://tenant.b2clogin.com/tenant.onmicrosoft.com/B2C_1_signin/v2.0/')).toBe(true);
    expect(sameIssuer('https://idp.example.com/a', 'https://idp.example.com/b')).toBe(false);
    expect(sameIssuer(42, 'https://idp.example.com')).toBe(false);
  });

  it('keeps the issuer the provider declared for the start-up log, out of the message', async () => {
    const issuer = `${server.base}/realms/main`;
    server.bodies['/realms/main/.well-known/openid-configuration'] = JSON.stringify({ issuer: 'http://localhost:7231' });
    const failure = await providerCheck(issuer).check(1000).then(() => undefined, (err: unknown) => err);
    expect(failure).toBeInstanceOf(ReadinessFailure);
    expect(failure).toMatchObject({ message: ISSUER_MISMATCH, logDetail: 'http://localhost:7231' });
  });
});

describe('the upstream check', () => {
  it('asks the upstream service its health with the time limit and fails naming the status it answered', async () => {
    const server = await startServer();
    const client = createUpstreamHttp({ name: 'metadata service', baseUrl: `${server.base}/metadata`, timeoutMs: 1000, logger: createMemoryLogger() });
    try {
      server.statuses['/metadata/healthcheck'] = 500;
      const check = upstreamCheck('metadata', client);
      expect(check.name).toBe('metadata');
      const states = await runReadinessChecks([check]);
      expect(states.metadata).toMatchObject({ status: 'failed', message: 'answered HTTP 500' });
      expect(server.seen.map((s) => s.url)).toEqual(['/metadata/healthcheck']);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe('the session store check', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes when the store answers a read and fails when it cannot', async () => {
    const store = new SqliteSessionStore(path.join(dir, 'sessions.db'));
    const check = sessionStoreCheck(store);
    expect(check.name).toBe('sessions');
    expect((await runReadinessChecks([check], 1000)).sessions).toMatchObject({ status: 'ok' });
    store.close();
    // What failed, never just "failed": the error's class, not its words (which may name a host).
    expect((await runReadinessChecks([check], 1000)).sessions).toMatchObject({ status: 'failed', message: expect.stringMatching(/^the session store could not be read \(\w+\)$/) });
  });

  it('says at once what is wrong while the store\'s connection is known to be lost, without a read that would wait', async () => {
    let reads = 0;
    const store = { get: () => void reads++ } as unknown as SqliteSessionStore;
    let problem: string | undefined = 'cannot connect (ECONNREFUSED)';
    const check = sessionStoreCheck(store, () => problem);
    expect((await runReadinessChecks([check], 1000)).sessions).toMatchObject({ status: 'failed', message: 'cannot connect (ECONNREFUSED)' });
    expect(reads).toBe(0);
    problem = undefined;
    const store2 = { get: (_id: string, cb: (err: unknown) => void) => cb(Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:6379'), { code: 'ECONNREFUSED' })) } as unknown as SqliteSessionStore;
    expect((await runReadinessChecks([sessionStoreCheck(store2, () => problem)], 1000)).sessions).toMatchObject({ status: 'failed', message: 'cannot connect (ECONNREFUSED)' });
  });
});

describe('the /readyz route', () => {
  /** Serves the route on a real HTTP server; `ask` returns the status, Cache-Control and body. */
  async function serve(route: express.RequestHandler) {
    const app = express();
    app.get('/readyz', route);
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ask = async () => {
      const response = await fetch(`${base}/readyz`);
      return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as unknown };
    };
    return { ask, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('answers 200 "ready" with every check, never cached, when all pass', async () => {
    const { ask, close } = await serve(createReadinessRoute([answeringAfter('provider', 0), answeringAfter('sessions', 0)]));
    try {
      const answer = await ask();
      expect(answer.status).toBe(200);
      expect(answer.cacheControl).toBe('no-store');
      expect(answer.body).toEqual({
        status: 'ready',
        checks: { provider: { status: 'ok', ms: expect.any(Number) }, sessions: { status: 'ok', ms: expect.any(Number) } },
      });
    } finally {
      await close();
    }
  });

  it('answers 503 "not_ready" naming every check that failed, never cached', async () => {
    const route = createReadinessRoute([failingWith('metadata', new Error('x')), answeringAfter('provider', 0), failingWith('search', new Error('answered HTTP 500'))]);
    const { ask, close } = await serve(route);
    try {
      const answer = await ask();
      expect(answer.status).toBe(503);
      expect(answer.cacheControl).toBe('no-store');
      expect(answer.body).toEqual({
        status: 'not_ready',
        failed: ['metadata', 'search'],
        message: 'Not ready: metadata, search failed.',
        checks: {
          metadata: { status: 'failed', ms: expect.any(Number), message: 'failed' },
          provider: { status: 'ok', ms: expect.any(Number) },
          search: { status: 'failed', ms: expect.any(Number), message: 'answered HTTP 500' },
        },
      });
    } finally {
      await close();
    }
  });

  it('shares one run of the checks among requests less than a second apart, and runs them again after', async () => {
    let runs = 0;
    // A clock that, like Date.now(), does not start at zero.
    let t = 1_700_000_000_000;
    const route = createReadinessRoute([{ name: 'provider', check: async () => void (runs += 1) }], 1000, () => t);
    const { ask, close } = await serve(route);
    try {
      expect((await Promise.all([ask(), ask(), ask()])).map((a) => a.status)).toEqual([200, 200, 200]);
      t += 999;
      await ask();
      expect(runs).toBe(1);
      t += 1;
      await ask();
      expect(runs).toBe(2);
    } finally {
      await close();
    }
  });
});
