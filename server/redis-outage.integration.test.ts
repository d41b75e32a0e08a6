// Redis stopped under a signed-in person (SESSION_STORE=redis): what the browser is answered, how
// soon, and what the log says. The real development provider, catalog and redis-server (with a
// password, which no line may show).
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../contract/bff-api';
import { KNOWN_DOWN_AFTER_MS } from './auth/redis-connection-watch';
import { completeDevIdpLogin } from './testing/dev-idp-login';
import { startRedis, type RedisServer } from './testing/start-redis';
import { startTestStack, type TestSessionDeps, type TestStack } from './testing/start-test-stack';
import { createTestSessionDeps } from './testing/test-session-deps';

const PASSWORD = 'hunter2-redis';
const PAGE = { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } };

describe('Redis stopped under a signed-in person', { timeout: 60_000 }, () => {
  let redis: RedisServer | undefined;
  let stack: TestStack | undefined;
  let deps: TestSessionDeps | undefined;

  afterEach(async () => {
    await stack?.close();
    await deps?.close();
    await redis?.stop();
  });

  async function signedInWhileRedisIsDown() {
    redis = await startRedis({ password: PASSWORD, persist: true });
    stack = await startTestStack();
    deps = await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url, logger: stack.logger });
    const bff = await stack.startBff(0, { sessions: deps });
    const liv = bff.browser();
    expect((await liv.logIn('liv')).status).toBe(303);
    await redis.pause();
    // Past the moment the connection is known to be down (the first requests may wait for it until then).
    await new Promise((resolve) => setTimeout(resolve, KNOWN_DOWN_AFTER_MS + 500));
    return { bff, liv };
  }

  it('answers a page request at once with a 503 page in words and Retry-After, not the API\'s JSON', async () => {
    const { liv } = await signedInWhileRedisIsDown();
    const started = performance.now();
    const page = await liv.request('/search?term=orders', PAGE);
    const waited = performance.now() - started;
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('retry-after')).toBe('5');
    const html = await page.text();
    expect(html).toContain('<h1>Nansen cannot tell who you are just now</h1>');
    expect(html).toContain('the session store (Redis) is unavailable');
    expect(html).toContain('<a class="button" href="/search?term=orders">Try again</a>');
    expect(html).not.toContain('session_store_unavailable');
    // It waited 5 s (the Redis client's command timeout) for every page before; well under that now.
    expect(waited).toBeLessThan(4000); // the old wait was at least 5,000 ms; room for a loaded machine
  });

  it('keeps the JSON error, with Retry-After, for /api', async () => {
    const { liv } = await signedInWhileRedisIsDown();
    const answer = await liv.request('/api/auth_user', PAGE);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(v.parse(ApiErrorBodySchema, await answer.json()).error).toEqual({
      name: 'UpstreamError', message: 'The session store is unavailable, so Nansen cannot tell who you are; try again in a moment.', code: 'session_store_unavailable',
    });
  });

  it('answers /favicon.ico and the web app\'s files without a session', async () => {
    const { liv } = await signedInWhileRedisIsDown();
    const icon = await liv.request('/favicon.ico', { headers: { accept: 'image/avif,image/webp,image/*,*/*;q=0.8' } });
    expect(icon.status).toBe(404);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await liv.request('/assets/app-missing.js')).status).toBe(404);
  });

  it('logs the loss once, each refused request as "session store (Redis) unavailable", and the return once; never the password', async () => {
    const { liv } = await signedInWhileRedisIsDown();
    expect((await liv.request('/search?term=orders', PAGE)).status).toBe(503);
    expect((await liv.request('/api/auth_user')).status).toBe(503);
    await redis!.resume();
    let back = 0;
    for (let tries = 0; tries < 50 && back !== 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      back = (await liv.request('/api/auth_user')).status;
    }
    expect(back).toBe(200);

    const lines = stack!.logger.lines;
    const lost = lines.filter((line) => line.includes('session store: lost the connection to Redis'));
    // Several reconnection attempts failed meanwhile: still one line.
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(new RegExp(` warn session store: lost the connection to Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:\\d+ \\(.+\\); reconnecting\\.`));
    const refused = lines.filter((line) => / → 503/.test(line));
    expect(refused[0]).toMatch(/GET \/search → 503 — session store \(Redis\) unavailable: AbortError: The command was aborted$/);
    expect(refused[1]).toMatch(/GET \/api\/auth_user → 503 — session store \(Redis\) unavailable: AbortError: /);
    for (const line of refused) expect(line).toMatch(/ → 503 — session store \(Redis\) unavailable: \w+Error: /);
    const again = lines.filter((line) => line.includes('session store: connected to Redis'));
    expect(again).toEqual([expect.stringMatching(/ info session store: connected to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ again, after \d+ s without it$/)]);
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });
});

// Logging out while Redis is down (decision 054): this browser is logged out all the same.
describe('Log out while Redis is stopped', { timeout: 60_000 }, () => {
  let redis: RedisServer | undefined;
  let stack: TestStack | undefined;
  let deps: TestSessionDeps | undefined;

  afterEach(async () => {
    await stack?.close();
    await deps?.close();
    await redis?.stop();
  });

  async function signedInWhileRedisIsDown(logoutIdTokenHint: 'none' | 'form_post') {
    redis = await startRedis({ password: PASSWORD, persist: true });
    stack = await startTestStack();
    deps = await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url, logger: stack.logger });
    const bff = await stack.startBff(0, { sessions: deps, logoutIdTokenHint });
    const liv = bff.browser();
    expect((await liv.logIn('liv')).status).toBe(303);
    expect(liv.sessionCookie).not.toBe('');
    await redis.pause();
    await new Promise((resolve) => setTimeout(resolve, KNOWN_DOWN_AFTER_MS + 500));
    return { bff, liv };
  }

  async function stillSignedInOnceRedisIsBack(liv: { request: (path: string) => Promise<Response> }) {
    await redis!.resume();
    let status = 503;
    for (let tries = 0; tries < 50 && status === 503; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await liv.request('/api/auth_user')).status;
    }
    return status;
  }

  it('clears the session cookie and goes on to the provider\'s logout (OIDC_LOGOUT_ID_TOKEN_HINT=none); signed out once Redis is back', async () => {
    const { bff, liv } = await signedInWhileRedisIsDown('none');
    const out = await liv.request('/logout', { method: 'POST', headers: { ...PAGE.headers, origin: bff.base } });
    expect(out.status).toBe(303);
    const location = new URL(out.headers.get('location')!);
    expect(location.href.startsWith(stack!.issuer)).toBe(true);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${bff.base}/logged-out`);
    expect(location.searchParams.has('id_token_hint')).toBe(false);
    expect(out.headers.get('set-cookie')).toMatch(/^nansen\.sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax/);
    expect(liv.sessionCookie).toBe('');
    const said = stack!.logger.lines.filter((line) => line.includes('logout while the session store (Redis) is unavailable'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/ warn \[[\w-]+\] logout while the session store \(Redis\) is unavailable: cleared the session cookie; the stored session and its tokens stay until they expire .* cause="AbortError: The command was aborted"$/);
    expect(stack!.logger.lines.join('\n')).not.toContain(PASSWORD);
    expect(await stillSignedInOnceRedisIsBack(liv)).toBe(401);
  });

  it('says plainly that the provider session could not be ended when its logout needs the ID token (form_post)', async () => {
    const { bff, liv } = await signedInWhileRedisIsDown('form_post');
    const out = await liv.request('/logout', { method: 'POST', headers: { ...PAGE.headers, origin: bff.base } });
    expect(out.status).toBe(200);
    expect(out.headers.get('cache-control')).toBe('no-store');
    expect(out.headers.get('set-cookie')).toMatch(/^nansen\.sid=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const html = await out.text();
    expect(html).toContain('<h1>You are logged out of Nansen in this browser</h1>');
    expect(html).toContain('It could not log you out of Test IdP too');
    expect(html).toContain('deleted when it expires');
    expect(html).toMatch(/<form method="post" action="\/logout"[^>]*>[\s\S]*Try to log out of Test IdP/);
    expect(html).not.toContain('eyJ');
    // Its button, pressed while Redis is still down: no session left to end, on to the provider's logout without the ID token.
    const again = await liv.request('/logout', { method: 'POST', headers: { ...PAGE.headers, origin: bff.base } });
    expect(again.status).toBe(303);
    expect(new URL(again.headers.get('location')!).searchParams.has('id_token_hint')).toBe(false);
    expect(await stillSignedInOnceRedisIsBack(liv)).toBe(401);
  });

  it('keeps the same-origin guard: a cross-site POST /logout clears nothing', async () => {
    const { liv } = await signedInWhileRedisIsDown('none');
    const cookie = liv.sessionCookie;
    const out = await liv.request('/logout', { method: 'POST', headers: { ...PAGE.headers, origin: 'https://evil.example' } });
    expect(out.status).toBe(403);
    expect(out.headers.get('set-cookie')).toBeNull();
    expect(liv.sessionCookie).toBe(cookie);
    expect(await stillSignedInOnceRedisIsBack(liv)).toBe(200);
  });
});

// A login finished at the provider while Redis is down: the callback's own store calls (the one-time
// state, the new session) failed with the Redis client's error, answered as a 500 with the API's JSON
// as the page and a stack in the log.
describe('A login finished while Redis is stopped', { timeout: 60_000 }, () => {
  let redis: RedisServer | undefined;
  let stack: TestStack | undefined;
  let deps: TestSessionDeps | undefined;

  afterEach(async () => {
    await stack?.close();
    await deps?.close();
    await redis?.stop();
  });

  it('answers the callback with the outage page (503, Retry-After), a new login as "Try again", no code, one log line without a stack', async () => {
    redis = await startRedis({ password: PASSWORD, persist: true });
    stack = await startTestStack();
    deps = await createTestSessionDeps(stack.dataDir, { redisUrl: redis.url, logger: stack.logger });
    const bff = await stack.startBff(0, { sessions: deps });
    const liv = bff.browser();
    const start = await liv.request('/login?returnTo=%2Fsearch%3Fterm%3Dorders', PAGE);
    expect(start.status).toBe(303);
    const callback = new URL(await completeDevIdpLogin(start.headers.get('location')!, 'liv'));
    const code = callback.searchParams.get('code')!;
    await redis.pause();
    await new Promise((resolve) => setTimeout(resolve, KNOWN_DOWN_AFTER_MS + 500));

    const before = stack.logger.lines.length;
    const page = await liv.request(callback.href, PAGE);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<h1>Nansen cannot tell who you are just now</h1>');
    expect(html).toContain('<a class="button" href="/login?returnTo=%2Fsearch%3Fterm%3Dorders">Try again</a>');
    expect(html).not.toContain(code);
    expect(html).not.toContain('InternalError');
    expect(liv.sessionCookie).toBe('');
    const lines = stack.logger.lines.slice(before);
    expect(lines.filter((line) => / → 5\d\d/.test(line))).toEqual([expect.stringMatching(/ error \[[\w-]+\] GET \/auth → 503 — session store \(Redis\) unavailable: AbortError: The command was aborted$/)]);
    const log = lines.join('\n');
    expect(log).not.toMatch(/\n\s+at /);
    expect(log).not.toContain(code);
    expect(log).not.toContain(PASSWORD);

    // Starting a login again needs no session store (no session yet), and the logout page neither.
    const again = await liv.request('/login?returnTo=%2Fsearch%3Fterm%3Dorders', PAGE);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')!.startsWith(stack.issuer)).toBe(true);
    expect((await liv.request('/logout', PAGE)).status).toBe(200);
  });
});
