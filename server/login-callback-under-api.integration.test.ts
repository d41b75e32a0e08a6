// The login callback may be put anywhere on PUBLIC_URL's origin (OIDC_REDIRECT_URI), under /api too.
// API calls go straight to their own chain (decision 021) unless it is there: then the callback must
// still be reached, and the API must still answer. The real development provider, catalog and BFF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

const TABLE = '/api/metadata/v0/table?key=' + encodeURIComponent('hive://gold.core/customers');

describe('a login callback under /api', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack({ callbackPath: '/api/oidc/callback' });
    bff = await stack.startBff(0);
  });
  afterAll(() => stack?.close());

  it('signs a person in through it, and the API answers them, with its session and same-origin checks', async () => {
    const browser = bff.browser();
    const start = await browser.request('/login');
    expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).toBe(`${bff.base}/api/oidc/callback`);
    expect((await browser.logIn('liv')).status).toBe(303);
    expect((await browser.request('/api/auth_user')).status).toBe(200);
    expect((await browser.request(TABLE)).status).toBe(200);
    expect((await bff.browser().request('/api/auth_user')).status).toBe(401);
    const crossSite = await browser.request('/api/search/v1/search', {
      method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ searchTerm: 'orders' }),
    });
    expect(crossSite.status).toBe(403);
  });
});
