// Request counts and latencies per route in Prometheus' text format (version 0.0.4), at GET /metrics.
// Labels are the method, the route pattern (request-context.ts routeLabel) and the status class
// (2xx…5xx), so their number is bounded by the routes, not by the URLs people ask for.
// Who may read it: route statistics tell an outsider what is used and how much, so /metrics is off
// (the URL is then like any other: a page of the SPA) unless METRICS_ENABLED=true, and even then
// it answers only requests that did not come through a proxy (none of the headers proxies add,
// PROXY_HEADERS below): Prometheus scrapes each instance directly and sends none of them, while a
// request through the load balancer is refused. A loopback-only rule would not do: behind a proxy on
// the same host every caller arrives from 127.0.0.1.
import type { Request, RequestHandler } from 'express';

/** Seconds; the default Prometheus buckets below 10 s, plus a few finer ones for a BFF that adds ~1 ms. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  method: string;
  route: string;
  statusClass: string;
  count: number;
  sum: number;
  buckets: number[];
}

export interface RequestMetrics {
  record(method: string, route: string, statusCode: number, durationMs: number): void;
  render(): string;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function createRequestMetrics(): RequestMetrics {
  const series = new Map<string, Series>();
  const started = Date.now() / 1000;
  return {
    record(method, route, statusCode, durationMs) {
      const statusClass = `${Math.floor(statusCode / 100)}xx`;
      const key = `${method} ${route} ${statusClass}`;
      let s = series.get(key);
      if (!s) {
        s = { method, route, statusClass, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
        series.set(key, s);
      }
      const seconds = durationMs / 1000;
      s.count += 1;
      s.sum += seconds;
      for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.buckets[i]! += 1;
    },
    render() {
      const lines = [
        '# HELP nansen_http_requests_total Requests answered by the BFF, by method, route pattern and status class.',
        '# TYPE nansen_http_requests_total counter',
      ];
      const sorted = [...series.values()].sort((a, b) => `${a.route} ${a.method} ${a.statusClass}`.localeCompare(`${b.route} ${b.method} ${b.statusClass}`));
      const labels = (s: Series) => `method="${escapeLabel(s.method)}",route="${escapeLabel(s.route)}",status="${s.statusClass}"`;
      for (const s of sorted) lines.push(`nansen_http_requests_total{${labels(s)}} ${s.count}`);
      lines.push(
        '# HELP nansen_http_request_duration_seconds Time from a request arriving to its answer being sent, by method, route pattern and status class.',
        '# TYPE nansen_http_request_duration_seconds histogram',
      );
      for (const s of sorted) {
        BUCKETS.forEach((le, i) => lines.push(`nansen_http_request_duration_seconds_bucket{${labels(s)},le="${le}"} ${s.buckets[i]}`));
        lines.push(`nansen_http_request_duration_seconds_bucket{${labels(s)},le="+Inf"} ${s.count}`);
        lines.push(`nansen_http_request_duration_seconds_sum{${labels(s)}} ${s.sum}`);
        lines.push(`nansen_http_request_duration_seconds_count{${labels(s)}} ${s.count}`);
      }
      const memory = process.memoryUsage();
      lines.push(
        '# HELP nansen_process_resident_memory_bytes Resident memory of the BFF process.',
        '# TYPE nansen_process_resident_memory_bytes gauge',
        `nansen_process_resident_memory_bytes ${memory.rss}`,
        '# HELP nansen_process_heap_used_bytes V8 heap in use.',
        '# TYPE nansen_process_heap_used_bytes gauge',
        `nansen_process_heap_used_bytes ${memory.heapUsed}`,
        '# HELP nansen_process_start_time_seconds When the metrics began, in seconds since the epoch.',
        '# TYPE nansen_process_start_time_seconds gauge',
        `nansen_process_start_time_seconds ${started}`,
      );
      return `${lines.join('\n')}\n`;
    },
  };
}

/**
 * The headers a proxy or load balancer adds to what it passes on: any one of them marks a request as
 * proxied. A proxy may add only some of them (nginx set up with just `X-Real-IP` and
 * `X-Forwarded-Proto` adds no X-Forwarded-For), so one is enough; a direct scrape sends none.
 */
export const PROXY_HEADERS = [
  'forwarded', // RFC 7239
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-server',
  'x-forwarded-prefix',
  'x-original-forwarded-for', // ingress-nginx, behind another proxy
  'x-real-ip', // nginx
  'x-client-ip',
  'x-cluster-client-ip',
  'true-client-ip', // Akamai, Cloudflare Enterprise
  'cf-connecting-ip', // Cloudflare
  'fastly-client-ip', // Fastly
  'via', // RFC 9110, HTTP proxies
] as const;

function cameThroughProxy(req: Request): boolean {
  return PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
}

/** GET /metrics, when enabled and asked for directly (see above); otherwise the request goes on as if there were no such route. */
export function createMetricsRoute(metrics: RequestMetrics, options: { enabled: boolean }): RequestHandler {
  return (req, res, next) => {
    if (!options.enabled || cameThroughProxy(req)) {
      next();
      return;
    }
    res.set('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    res.set('Cache-Control', 'no-store');
    res.send(metrics.render());
  };
}
