import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createErrorMiddleware } from './error-middleware';
import { createMemoryLogger } from './logger';
import { sameOriginGuard } from './same-origin-guard';

const PUBLIC_ORIGIN = 'https://catalog.example.com';

function createGuardedApp() {
  const app = express();
  app.use(sameOriginGuard(PUBLIC_ORIGIN));
  app.all('/api/bookmark', (_req, res) => {
    res.json({ done: true });
  });
  app.use(createErrorMiddleware(createMemoryLogger()));
  return app;
}

function expectRefused(response: request.Response) {
  expect(response.status).toBe(403);
  expect(response.body).toEqual({
    error: { name: 'NotAllowedError', message: 'Cross-site requests are not allowed.', code: 'cross_site_request' },
  });
}

describe('the same-origin guard', () => {
  it('lets a POST from our own origin through', async () => {
    const response = await request(createGuardedApp()).post('/api/bookmark').set('Origin', PUBLIC_ORIGIN);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ done: true });
  });

  it('refuses a POST whose Origin is another site, however close to ours', async () => {
    for (const origin of ['https://evil.example', 'http://catalog.example.com', 'https://catalog.example.com.evil.example', 'https://catalog.example.com:8443', 'null']) {
      expectRefused(await request(createGuardedApp()).post('/api/bookmark').set('Origin', origin));
    }
  });

  it('refuses a POST without Origin that the browser marks as cross-site or same-site', async () => {
    // same-site is a sibling subdomain (say uploads.example.com): still not our origin.
    for (const fetchSite of ['cross-site', 'same-site']) {
      expectRefused(await request(createGuardedApp()).post('/api/bookmark').set('Sec-Fetch-Site', fetchSite));
    }
  });

  it('lets a POST without Origin through when the browser marks it same-origin or user-initiated', async () => {
    for (const fetchSite of ['same-origin', 'none']) {
      const response = await request(createGuardedApp()).post('/api/bookmark').set('Sec-Fetch-Site', fetchSite);
      expect(response.status).toBe(200);
    }
  });

  it('lets a POST with neither header through (not a browser, or one that sends neither; SameSite cookies still apply)', async () => {
    expect((await request(createGuardedApp()).post('/api/bookmark')).status).toBe(200);
  });

  it('judges by Origin when a request carries both headers', async () => {
    expectRefused(await request(createGuardedApp()).post('/api/bookmark').set('Origin', 'https://evil.example').set('Sec-Fetch-Site', 'same-origin'));
  });

  it('guards every state-changing method', async () => {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      expectRefused(await request(createGuardedApp())[method]('/api/bookmark').set('Origin', 'https://evil.example'));
      expectRefused(await request(createGuardedApp())[method]('/api/bookmark').set('Sec-Fetch-Site', 'cross-site'));
    }
  });

  it('lets safe methods through from anywhere', async () => {
    for (const method of ['get', 'head', 'options'] as const) {
      const response = await request(createGuardedApp())[method]('/api/bookmark').set('Origin', 'https://evil.example').set('Sec-Fetch-Site', 'cross-site');
      expect(response.status).toBe(200);
    }
  });

  it('says, once a minute, naming both origins and PUBLIC_URL, when the browser calls the refused request same-origin (PUBLIC_URL is wrong)', async () => {
    const logger = createMemoryLogger();
    let now = 1_000_000;
    const app = express();
    app.use(sameOriginGuard(PUBLIC_ORIGIN, { logger, now: () => now }));
    app.all('/api/bookmark', (_req, res) => void res.json({ done: true }));
    app.use(createErrorMiddleware(createMemoryLogger()));
    const sameOriginFrom = (origin: string) => request(app).post('/api/bookmark').set('Origin', origin).set('Sec-Fetch-Site', 'same-origin');
    expectRefused(await sameOriginFrom('http://catalog.internal:3000'));
    expectRefused(await sameOriginFrom('http://catalog.internal:3000'));
    const warnings = () => logger.lines.filter((l) => l.includes(' warn '));
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(
      "refused a POST the browser sent from the same origin, http://catalog.internal:3000, which is not PUBLIC_URL's origin (https://catalog.example.com): if people reach Nansen at that address, set PUBLIC_URL to it",
    );
    // A cross-site request is an attack, not a setting: nothing is said.
    now += 60_000;
    expectRefused(await request(app).post('/api/bookmark').set('Origin', 'https://evil.example').set('Sec-Fetch-Site', 'cross-site'));
    expect(warnings()).toHaveLength(1);
    expectRefused(await sameOriginFrom('http://a b'));
    expect(warnings()).toHaveLength(2);
    expect(warnings()[1]).toContain('(an origin not shown: not a plain scheme://host:port)');
  });
});

