import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMetricsRoute, createRequestMetrics, PROXY_HEADERS, type RequestMetrics } from './metrics';

const LE = ['0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10'];

/** The histogram lines of one series, given the count in each bucket (cumulative, in LE order). */
function histogram(labels: string, buckets: number[], count: number, sum: string): string[] {
  return [
    ...LE.map((le, i) => `nansen_http_request_duration_seconds_bucket{${labels},le="${le}"} ${buckets[i]}`),
    `nansen_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${count}`,
    `nansen_http_request_duration_seconds_sum{${labels}} ${sum}`,
    `nansen_http_request_duration_seconds_count{${labels}} ${count}`,
  ];
}

/** The rendered text with the process figures (which change between calls) replaced by their names. */
function withProcessFiguresNamed(text: string): string {
  return text
    .replace(/^nansen_process_resident_memory_bytes [1-9]\d*$/m, 'nansen_process_resident_memory_bytes <rss>')
    .replace(/^nansen_process_heap_used_bytes [1-9]\d*$/m, 'nansen_process_heap_used_bytes <heap>')
    .replace(/^nansen_process_start_time_seconds \d+(\.\d+)?$/m, 'nansen_process_start_time_seconds <start>');
}

const PROCESS_LINES = [
  '# HELP nansen_process_resident_memory_bytes Resident memory of the BFF process.',
  '# TYPE nansen_process_resident_memory_bytes gauge',
  'nansen_process_resident_memory_bytes <rss>',
  '# HELP nansen_process_heap_used_bytes V8 heap in use.',
  '# TYPE nansen_process_heap_used_bytes gauge',
  'nansen_process_heap_used_bytes <heap>',
  '# HELP nansen_process_start_time_seconds When the metrics began, in seconds since the epoch.',
  '# TYPE nansen_process_start_time_seconds gauge',
  'nansen_process_start_time_seconds <start>',
];

describe('request metrics', () => {
  it('renders a counter and a cumulative histogram per method, route and status class', () => {
    const metrics = createRequestMetrics();
    metrics.record('GET', '/api/x', 200, 3);
    metrics.record('GET', '/api/x', 204, 40);
    metrics.record('GET', '/api/x', 503, 1);
    const text = metrics.render();
    expect(text).toContain('nansen_http_requests_total{method="GET",route="/api/x",status="2xx"} 2');
    expect(text).toContain('nansen_http_requests_total{method="GET",route="/api/x",status="5xx"} 1');
    expect(text).toContain('nansen_http_request_duration_seconds_bucket{method="GET",route="/api/x",status="2xx",le="0.001"} 0');
    expect(text).toContain('nansen_http_request_duration_seconds_bucket{method="GET",route="/api/x",status="2xx",le="0.005"} 1');
    expect(text).toContain('nansen_http_request_duration_seconds_bucket{method="GET",route="/api/x",status="2xx",le="0.05"} 2');
    expect(text).toContain('nansen_http_request_duration_seconds_bucket{method="GET",route="/api/x",status="2xx",le="+Inf"} 2');
    expect(text).toContain('nansen_http_request_duration_seconds_sum{method="GET",route="/api/x",status="2xx"} 0.043');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('escapes quotes, backslashes and newlines in label values', () => {
    const metrics = createRequestMetrics();
    metrics.record('GET', '/a"b\\c\nd', 200, 1);
    expect(metrics.render()).toContain('route="/a\\"b\\\\c\\nd"');
  });

  it('renders the whole exposition exactly, series sorted by route, method and status class', () => {
    const metrics = createRequestMetrics();
    // Recorded in an order that is neither the sorted one nor its reverse.
    metrics.record('POST', '/api/b', 201, 10); // exactly on the 0.01 boundary: counted in le="0.01"
    metrics.record('GET', '/api/a', 200, 1); // exactly on the 0.001 boundary: counted in le="0.001"
    metrics.record('GET', '/api/b', 404, 2500); // exactly on the 2.5 boundary
    metrics.record('GET', '/api/a', 200, 20_000); // beyond the last bucket: only in +Inf
    const a = 'method="GET",route="/api/a",status="2xx"';
    const b4 = 'method="GET",route="/api/b",status="4xx"';
    const b2 = 'method="POST",route="/api/b",status="2xx"';
    expect(withProcessFiguresNamed(metrics.render())).toBe(
      [
        '# HELP nansen_http_requests_total Requests answered by the BFF, by method, route pattern and status class.',
        '# TYPE nansen_http_requests_total counter',
        `nansen_http_requests_total{${a}} 2`,
        `nansen_http_requests_total{${b4}} 1`,
        `nansen_http_requests_total{${b2}} 1`,
        '# HELP nansen_http_request_duration_seconds Time from a request arriving to its answer being sent, by method, route pattern and status class.',
        '# TYPE nansen_http_request_duration_seconds histogram',
        ...histogram(a, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2, '20.001'),
        ...histogram(b4, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], 1, '2.5'),
        ...histogram(b2, [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1, '0.01'),
        ...PROCESS_LINES,
        '',
      ].join('\n'),
    );
  });

  it('renders the headers and process figures when nothing has been recorded yet', () => {
    const before = Date.now() / 1000;
    const metrics = createRequestMetrics();
    const after = Date.now() / 1000;
    const text = metrics.render();
    expect(withProcessFiguresNamed(text)).toBe(
      [
        '# HELP nansen_http_requests_total Requests answered by the BFF, by method, route pattern and status class.',
        '# TYPE nansen_http_requests_total counter',
        '# HELP nansen_http_request_duration_seconds Time from a request arriving to its answer being sent, by method, route pattern and status class.',
        '# TYPE nansen_http_request_duration_seconds histogram',
        ...PROCESS_LINES,
        '',
      ].join('\n'),
    );
    const started = Number(/^nansen_process_start_time_seconds (\S+)$/m.exec(text)![1]);
    expect(started).toBeGreaterThanOrEqual(before);
    expect(started).toBeLessThanOrEqual(after);
  });
});

/** A real Express app with the route at /metrics and, behind it, a stand-in for the SPA's pages. */
function appWith(metrics: RequestMetrics, enabled: boolean) {
  const app = express();
  app.get('/metrics', createMetricsRoute(metrics, { enabled }));
  app.use((_req, res) => {
    res.status(200).type('html').send('<p>the SPA</p>');
  });
  return app;
}

describe('GET /metrics', () => {
  it('answers a direct request with the exposition as Prometheus text, not to be cached', async () => {
    const metrics = createRequestMetrics();
    metrics.record('GET', '/api/x', 200, 3);
    const res = await request(appWith(metrics, true)).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(withProcessFiguresNamed(res.text)).toBe(withProcessFiguresNamed(metrics.render()));
    expect(res.text).toContain('nansen_http_requests_total{method="GET",route="/api/x",status="2xx"} 1\n');
  });

  it('is like any other URL (the SPA) when metrics are off', async () => {
    const res = await request(appWith(createRequestMetrics(), false)).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toBe('<p>the SPA</p>');
  });

  // One header each, so that a check of only one of them (or of both together) fails here.
  async function expectPassedOnThroughProxy(header: string, value: string) {
    const res = await request(appWith(createRequestMetrics(), true)).get('/metrics').set(header, value);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toBe('<p>the SPA</p>');
  }

  // A proxy may add only some of these (nginx with just X-Real-IP and X-Forwarded-Proto adds no X-Forwarded-For).
  const proxyHeaders: [string, string][] = [
    ['X-Forwarded-For', '203.0.113.7'],
    ['Forwarded', 'for=203.0.113.7'],
    ['X-Forwarded-Proto', 'https'],
    ['X-Forwarded-Host', 'catalog.example.com'],
    ['X-Forwarded-Port', '443'],
    ['X-Forwarded-Server', 'lb-1'],
    ['X-Forwarded-Prefix', '/catalog'],
    ['X-Original-Forwarded-For', '203.0.113.7'],
    ['X-Real-IP', '203.0.113.9'],
    ['X-Client-IP', '203.0.113.9'],
    ['X-Cluster-Client-IP', '203.0.113.9'],
    ['True-Client-IP', '203.0.113.9'],
    ['CF-Connecting-IP', '203.0.113.9'],
    ['Fastly-Client-IP', '203.0.113.9'],
    ['Via', '1.1 lb-1'],
  ];
  it.each(proxyHeaders)('refuses a request that came through a proxy saying only %s, passing it on to the SPA', async (header, value) => {
    await expectPassedOnThroughProxy(header, value);
  });

  it('refuses a request with an empty proxy header too (it was added by something in between)', async () => {
    await expectPassedOnThroughProxy('X-Real-IP', '');
  });

  it('checks every header it names (the list and the tests agree)', () => {
    expect([...PROXY_HEADERS].sort()).toEqual(proxyHeaders.map(([header]) => header.toLowerCase()).sort());
  });

  it('answers a direct request that carries other headers (a scraper\'s own)', async () => {
    const res = await request(appWith(createRequestMetrics(), true)).get('/metrics').set('User-Agent', 'Prometheus/2.53.0').set('Accept', 'text/plain').set('X-Prometheus-Scrape-Timeout-Seconds', '10');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
