// OIDC_ISSUER written otherwise than the provider declares its issuer (127.0.0.1 for localhost, here):
// the provider answers, yet nobody can log in. /readyz says not ready with the fix and no URL; /login
// shows a page without URLs that does not say "try again in a moment"; the log names both issuers.
// The real development provider (its issuer is http://localhost:<port>).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

const PAGE = { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } };

describe('OIDC_ISSUER that is not the issuer the provider declares', { timeout: 60_000 }, () => {
  let stack: TestStack;
  let bff: TestBff;
  let written: string;

  beforeAll(async () => {
    stack = await startTestStack();
    expect(new URL(stack.issuer).hostname).toBe('localhost');
    written = stack.issuer.replace('localhost', '127.0.0.1');
    bff = await stack.startBff(0, { issuer: written });
  });

  afterAll(async () => {
    await stack.close();
  });

  it('makes /readyz answer 503 for the provider, saying the fix without a URL', async () => {
    const response = await fetch(`${bff.base}/readyz`);
    const text = await response.text();
    expect(response.status).toBe(503);
    const body = JSON.parse(text) as { failed: string[]; checks: Record<string, { status: string; message?: string }> };
    expect(body.failed).toEqual(['provider']);
    expect(body.checks.provider).toMatchObject({
      status: 'failed',
      message: 'its discovery document names another issuer than OIDC_ISSUER: set OIDC_ISSUER to exactly the issuer it names (Nansen\'s start-up log shows both)',
    });
    expect(text).not.toMatch(/https?:|127\.0\.0\.1|localhost/);
  });

  it('answers /login with a page that names no URL and asks to tell whoever runs Nansen; the log names both issuers and the fix', async () => {
    const before = stack.logger.lines.length;
    const page = await bff.browser().request('/login', PAGE);
    expect(page.status).toBe(502);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<h1>Login is not set up correctly</h1>');
    expect(html).toContain('trying again will not help until it is');
    expect(html).toMatch(/Tell whoever runs Nansen \(reference: request [\w-]+\)\./);
    expect(html).not.toContain('Cannot reach');
    expect(html).not.toContain('Try again');
    expect(html).not.toMatch(/127\.0\.0\.1|localhost|OIDC_ISSUER/);
    const lines = stack.logger.lines.slice(before).filter((line) => line.includes('cannot start a login'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `cannot start a login — IssuerMismatchError: OIDC_ISSUER is ${written}, but the provider says its issuer is ${stack.issuer}; set OIDC_ISSUER to exactly that.`,
    );
    expect(lines[0]).not.toContain('Cannot reach');
    expect(lines[0]).not.toMatch(/\n\s+at /);
  });
});
