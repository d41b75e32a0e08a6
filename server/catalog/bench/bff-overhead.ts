// What does the BFF add to a forwarded call? `npm run bench:bff` (-- --tables 300 --seconds 5)
//
// Starts server/main.ts on the embedded default (catalog in its own process) on free ports, signs
// roald in through the development provider (the BFF's session cookie), and logs roald in a second time
// for a bearer token of his own for the catalog (person-token.ts). Then, for search "orders" and table
// detail, at 8 connections and at 1, it loads each of three targets for --seconds (after a 1 s warm-up):
//   direct  the catalog's own HTTP API with the bearer token
//   relay   the floor: a bare node:http server that forwards to the catalog through an undici Pool,
//           adding the token (what any forwarding costs, without sessions or validation)
//   BFF     /api/… with the session cookie (and Origin on the POST), as the SPA calls it
// and prints req/s, p50 and p99 of each (for the BFF also the CPU time its process spent per request,
// from /proc: less at the mercy of a shared machine's load than req/s), the BFF's throughput as a share
// of direct, and the latency it adds at p50 over direct and over the relay. Targets (issue 14 §2): ≥ 0.7× direct at 8 connections,
// ≤ 0.5 ms added at p50 at 1 connection. Load generator and app share the machine: the load average is
// printed before and after, and on a shared machine the figures move with it. Options: --calls
// search,table; --targets direct,relay,BFF; --cpu-prof-dir <dir> (a CPU profile of the BFF's process,
// written when it stops: open them in Chrome DevTools); --node-arg <flag> (repeatable: an option for the BFF's
// node process, such as a V8 flag to try). The rate limits are off
// (one address sending thousands of searches a minute is what they stop).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool, type Dispatcher } from 'undici';
import { BffBrowser } from '../../testing/bff-browser';
import { encodeKeyForPath } from '../../upstream/upstream-http';
import { cpuSeconds, loadAverage, NO_RATE_LIMITS, runClosedLoop, startBenchApp, type LoadResult, type RequestOf } from './bench-app';
import { getPersonToken } from './person-token';

const SEARCH_TERM = 'orders';

function readOptions() {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '300' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '8,1' },
      calls: { type: 'string', default: 'search,table' },
      targets: { type: 'string', default: 'direct,relay,BFF' },
      'cpu-prof-dir': { type: 'string' },
      'node-arg': { type: 'string', multiple: true, default: [] },
    },
  });
  const whole = (name: string, raw: string) => {
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, not "${raw}"`);
    return n;
  };
  return {
    tables: whole('tables', values.tables),
    seconds: whole('seconds', values.seconds),
    connections: values.connections.split(',').map((c) => whole('connections', c)),
    calls: values.calls.split(','),
    targets: values.targets.split(','),
    /** Where Node writes a CPU profile of the BFF's process when it stops. */
    cpuProfDir: values['cpu-prof-dir'] ? path.resolve(values['cpu-prof-dir']) : undefined,
    /** Options for the BFF's node process (a V8 flag to try, such as --max-semi-space-size=64). */
    nodeArgs: values['node-arg'],
  };
}

/** The floor: forwards /metadata/… and /search/… to the catalog through undici Pools, adding the token. */
async function startRelay(metadataUrl: string, searchUrl: string, token: string) {
  const upstream = { metadata: new Pool(metadataUrl, { connections: 16 }), search: new Pool(searchUrl, { connections: 16 }) };
  const server = http.createServer(async (req, res) => {
    const [, service, ...rest] = (req.url ?? '/').split('/');
    const pool = service === 'metadata' ? upstream.metadata : upstream.search;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const answer = await pool.request({
        method: req.method as Dispatcher.HttpMethod,
        path: `/${rest.join('/')}`,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(chunks.length ? { 'content-type': 'application/json' } : {}) },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.body.arrayBuffer());
      res.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([upstream.metadata.close(), upstream.search.close()]);
    },
  };
}

interface Target {
  name: 'direct' | 'relay' | 'BFF';
  origin: string;
  request: RequestOf;
}

/** A load's figures, and for the BFF the CPU time its process spent per request (user + system, from /proc). */
type Measured = LoadResult & { cpuMsPerRequest?: number };

async function load(target: Target, connections: number, seconds: number, bffPid: number | undefined): Promise<Measured> {
  const pool = new Pool(target.origin, { connections });
  try {
    await runClosedLoop(pool, connections, 1, target.request); // warm up
    const cpuBefore = target.name === 'BFF' && bffPid ? cpuSeconds(bffPid) : undefined;
    const result: Measured = await runClosedLoop(pool, connections, seconds, target.request);
    if (cpuBefore !== undefined) result.cpuMsPerRequest = ((cpuSeconds(bffPid!) - cpuBefore) * 1000) / result.count;
    if (result.failures.size) throw new Error(`${target.name} answered ${[...result.failures].map(([s, n]) => `${n}× ${s}`).join(', ')}`);
    return result;
  } finally {
    await pool.close();
  }
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const row = (r: Measured) =>
  `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${r.cpuMsPerRequest === undefined ? '' : `, CPU ${ms(r.cpuMsPerRequest)}/req`}`;

async function main() {
  const options = readOptions();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-bench-bff-'));
  console.log(`bench:bff — ${options.tables} demo tables, ${options.seconds} s per measurement, ${os.cpus().length} cores, load average before: ${loadAverage()}`);
  const nodeArgs = [...options.nodeArgs, ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [])];
  const app = await startBenchApp({ tables: options.tables, dataDir, env: NO_RATE_LIMITS, nodeArgs });
  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;
  try {
    const browser = new BffBrowser(app.baseUrl);
    const login = await browser.logIn('roald');
    if (login.status !== 303) throw new Error(`logging in through the BFF answered ${login.status}`);
    const cookie = browser.sessionCookie;
    const token = await getPersonToken({ issuer: app.issuer, baseUrl: app.baseUrl, dataDir, login: 'roald' });
    relay = await startRelay(app.metadataUrl, app.searchUrl, token);

    // The upstream body the BFF sends for this search (search-request.ts, planSearchCalls).
    const upstreamSearch = JSON.stringify({ query_term: SEARCH_TERM, resource_types: ['table'], page_index: 0, results_per_page: 10, filters: [], highlight_options: {} });
    const bffSearch = JSON.stringify({ searchTerm: SEARCH_TERM, resources: ['table'], pageIndex: 0, resultsPerPage: 10 });
    const found = await fetch(`${app.searchUrl}/v2/search`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: upstreamSearch });
    if (!found.ok) throw new Error(`searching the catalog directly answered ${found.status}: ${await found.text()}`);
    const key = ((await found.json()) as { results: { table: { results: { key: string }[] } } }).results.table.results[0]?.key;
    if (!key) throw new Error(`a search for "${SEARCH_TERM}" found no table`);

    const bearer = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const json = { 'content-type': 'application/json' };
    const cases: { id: string; call: string; targets: Target[] }[] = [
      {
        id: 'search',
        call: `search "${SEARCH_TERM}"`,
        targets: [
          { name: 'direct', origin: app.searchUrl, request: () => ({ method: 'POST', path: '/v2/search', headers: { ...bearer, ...json }, body: upstreamSearch }) },
          { name: 'relay', origin: relay.url, request: () => ({ method: 'POST', path: '/search/v2/search', headers: json, body: upstreamSearch }) },
          { name: 'BFF', origin: app.baseUrl, request: () => ({ method: 'POST', path: '/api/search/v1/search', headers: { cookie, origin: app.baseUrl, ...json }, body: bffSearch }) },
        ],
      },
      {
        id: 'table',
        call: 'table detail',
        targets: [
          { name: 'direct', origin: app.metadataUrl, request: () => ({ method: 'GET', path: `/table/${encodeKeyForPath(key)}`, headers: bearer }) },
          { name: 'relay', origin: relay.url, request: () => ({ method: 'GET', path: `/metadata/table/${encodeKeyForPath(key)}` }) },
          { name: 'BFF', origin: app.baseUrl, request: () => ({ method: 'GET', path: `/api/metadata/v0/table?key=${encodeURIComponent(key)}`, headers: { cookie } }) },
        ],
      },
    ];

    const lines = ['| call | connections | direct | relay (floor) | BFF | BFF ÷ direct throughput | BFF adds at p50 over direct | over the relay |', '|---|---|---|---|---|---|---|---|'];
    for (const { call, targets } of cases.filter((c) => options.calls.includes(c.id))) {
      for (const connections of options.connections) {
        const results: Record<string, Measured | undefined> = {};
        for (const target of targets.filter((t) => options.targets.includes(t.name))) results[target.name] = await load(target, connections, options.seconds, app.child.pid);
        const { direct: d, relay: r, BFF: b } = results;
        const cell = (x: Measured | undefined) => (x ? row(x) : '—');
        const ratio = d && b ? `${(b.requestsPerSecond / d.requestsPerSecond).toFixed(2)}×` : '—';
        const line = `| ${call} | ${connections} | ${cell(d)} | ${cell(r)} | ${cell(b)} | ${ratio} | ${d && b ? ms(b.p50 - d.p50) : '—'} | ${r && b ? ms(b.p50 - r.p50) : '—'} |`;
        lines.push(line);
        console.log(line);
      }
    }
    console.log(`\n${lines.join('\n')}\n`);
    console.log('targets (issue 14 §2): BFF ≥ 0.70× direct throughput at 8 connections; ≤ 0.50 ms added at p50 at 1 connection');
    console.log(`load average after: ${loadAverage()} (${os.cpus().length} cores; load generator, BFF, catalog and provider all on this machine)`);
  } finally {
    await relay?.close();
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
