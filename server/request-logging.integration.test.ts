// Structured logs on the real BFF: one JSON line per request with its id, the id on every line the
// request causes and in the X-Request-Id header, and never a token, cookie or Authorization header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

type Line = Record<string, unknown>;

describe('request ids and JSON logs', () => {
  let stack: TestStack;
  let bff: TestBff;
  const parsed = (): Line[] => stack.logger.lines.map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    stack = await startTestStack({ logFormat: 'json' });
    bff = await stack.startBff(0);
  });

  afterAll(async () => {
    await stack.close();
  });

  it('answers every request with a new X-Request-Id and writes one JSON line for it with the route pattern, not the URL', async () => {
    const browser = bff.browser();
    await browser.logIn('roald');
    const before = stack.logger.lines.length;
    const response = await browser.request('/api/metadata/v0/table?key=hive%3A%2F%2Fgold.sales%2Forders&index=0&source=search');
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = parsed().slice(before).filter((l) => l.request_id === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/api/metadata/v0/table', path: '/api/metadata/v0/table', status: expect.any(Number), ms: expect.any(Number) });
    expect(lines[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const second = await browser.request('/api/auth_user');
    expect(second.headers.get('x-request-id')).not.toBe(id);
  });

  it('ignores an X-Request-Id from a peer it does not trust as a proxy', async () => {
    const response = await fetch(`${bff.base}/api/auth_user`, { headers: { 'x-request-id': 'chosen-by-the-client' } });
    expect(response.headers.get('x-request-id')).not.toBe('chosen-by-the-client');
    expect(stack.logger.lines.join('\n')).not.toContain('chosen-by-the-client');
  });

  it('puts the request id on the lines a failing request causes, such as the upstream warning', async () => {
    const browser = bff.browser();
    await browser.logIn('liv');
    await stack.stopCatalog();
    try {
      const before = stack.logger.lines.length;
      const response = await browser.request('/api/metadata/v0/table?key=hive%3A%2F%2Fgold.sales%2Forders&index=0&source=search');
      expect(response.status).toBeGreaterThanOrEqual(500);
      const id = response.headers.get('x-request-id');
      const lines = parsed().slice(before).filter((l) => l.request_id === id);
      expect(lines.map((l) => l.level)).toContain('warn');
      // A stopped service is expected now and then: one line, without a stack trace.
      const warning = lines.find((l) => l.level === 'warn');
      expect(warning?.msg).toMatch(/^metadata service GET .* failed: connection failed \(ECONNREFUSED\)$/);
      expect(warning).not.toHaveProperty('stack');
      expect(lines.at(-1)).toMatchObject({ msg: 'request', route: '/api/metadata/v0/table', status: response.status });
    } finally {
      await stack.startCatalog();
    }
  });

  it('never writes the session cookie, the authorization code, or an Authorization header', async () => {
    const browser = bff.browser();
    const start = await browser.request('/login?returnTo=%2F');
    const { completeDevIdpLogin } = await import('./testing/dev-idp-login');
    const callback = await completeDevIdpLogin(start.headers.get('location')!, 'fridtjof');
    const code = new URL(callback).searchParams.get('code')!;
    expect(code.length).toBeGreaterThan(10);
    await browser.request(callback);
    const cookie = browser.sessionCookie.split('=')[1]!;
    expect(cookie.length).toBeGreaterThan(10);
    await browser.request('/api/auth_user', { headers: { authorization: 'Bearer sent-by-a-confused-client-123', 'x-api-key': 'k-456' } });
    await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: bff.base },
      body: JSON.stringify({ searchTerm: 'term-xyz-789', resources: ['table'] }),
    });

    const all = stack.logger.lines.join('\n');
    expect(all).toContain('"path":"/auth"');
    // The session id alone too, without its signature (decision 050: the server knows only its hash).
    const sessionId = decodeURIComponent(cookie).replace(/^s:/, '').split('.')[0]!;
    expect(sessionId.length).toBe(43);
    for (const secret of [code, cookie, decodeURIComponent(cookie), sessionId, 'sent-by-a-confused-client-123', 'k-456', 'term-xyz-789']) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toMatch(/cookie|authorization/i);
  });
});
