import { describe, expect, it } from 'vitest';
import { createRequestMetrics } from './metrics';

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
});
