// GET /metrics on the real BFF: off unless METRICS_ENABLED, never through a proxy, and labelled by
// route pattern so a thousand table keys make one series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';

describe('GET /metrics', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack({ metricsEnabled: true });
    bff = await stack.startBff(0);
  });

  afterAll(async () => {
    await stack.close();
  });

  it('counts requests and their latencies per route pattern, whatever keys were asked for', async () => {
    const browser = bff.browser();
    await browser.logIn('roald');
    for (const key of ['hive://gold.sales/orders', 'hive://gold.sales/customers', 'hive://no.such/table']) {
      await browser.request(`/api/metadata/v0/table?key=${encodeURIComponent(key)}&index=0&source=search`);
    }
    const response = await fetch(`${bff.base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const tableCounts = text.split('\n').filter((l) => l.startsWith('nansen_http_requests_total{method="GET",route="/api/metadata/v0/table"'));
    const total = tableCounts.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    expect(total).toBe(3);
    expect(text).not.toContain('gold.sales');
    expect(text).toMatch(/^nansen_http_request_duration_seconds_bucket\{method="GET",route="\/api\/metadata\/v0\/table",status="2xx",le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^nansen_http_request_duration_seconds_count\{method="GET",route="\/login",status="3xx"\} 1$/m);
    expect(text).toContain('# TYPE nansen_http_request_duration_seconds histogram');
    expect(text).toMatch(/^nansen_process_resident_memory_bytes \d+$/m);
  });

  it('is not served to a request that came through a proxy', async () => {
    // The last: a proxy that adds no X-Forwarded-For (nginx with only X-Forwarded-Proto and X-Real-IP).
    for (const headers of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { via: '1.1 lb' }, { 'x-forwarded-proto': 'https', 'x-real-ip': '203.0.113.9' }] as Record<string, string>[]) {
      const response = await fetch(`${bff.base}/metrics`, { headers, redirect: 'manual' });
      // As for any URL the BFF does not serve: a page of the SPA, so a login first.
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/login?returnTo=%2Fmetrics');
      expect(await response.text()).not.toContain('nansen_http');
    }
  });
});

describe('GET /metrics by default', () => {
  let stack: TestStack;
  let bff: TestBff;

  beforeAll(async () => {
    stack = await startTestStack();
    bff = await stack.startBff(0);
  });

  afterAll(async () => {
    await stack.close();
  });

  it('is not served unless METRICS_ENABLED=true', async () => {
    const response = await fetch(`${bff.base}/metrics`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?returnTo=%2Fmetrics');
    expect(await response.text()).not.toContain('nansen_http');
  });
});
