// Does a search stall the BFF? `npm run bench:event-loop -- --tables 1000000` (default 100 000 tables;
// 1 M takes ~4 min to generate the first time, kept in .bench/event-loop-<tables>/, gitignored).
//
// For each CATALOG_PROCESS mode (in-process: the catalog on the BFF's event loop, as before; separate:
// the default, its own process) it starts server/main.ts on free ports, signs in through the development
// provider, then measures a cheap BFF route, GET /api/auth_user, one request at a time from one client
// (in a worker thread of its own, see PROBE_WORKER):
//   idle for --idle seconds, then while --clients clients POST /api/search/v1/search through the BFF as
//   fast as they can for --seconds seconds.
// Prints p50/p99 of /api/auth_user, searches per second, and the CPU each process used (from /proc).
// The load runs on the same machine as the app: on a shared machine note the load average with the figures.
// The rate limits are off (8 clients searching flat out from one address is what they stop).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import { BffBrowser } from '../../testing/bff-browser';
import { cpuSeconds, NO_RATE_LIMITS, ROOT, startBenchApp, summary } from './bench-app';

const TERMS = ['orders', 'customer', 'revenue', 'event', 'sales', 'payment', 'session', 'product', 'account', 'daily', 'user', 'inv', 'ship', 'mark', 'fin'];
type Mode = 'in-process' | 'separate';

function readOptions() {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '100000' },
      clients: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '20' },
      idle: { type: 'string', default: '5' },
      modes: { type: 'string', default: 'in-process,separate' },
      dir: { type: 'string', default: '.bench' },
      'node-arg': { type: 'string', multiple: true, default: [] },
    },
  });
  const number = (name: string, raw: string, min: number) => {
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const modes = values.modes.split(',') as Mode[];
  if (modes.some((m) => m !== 'in-process' && m !== 'separate')) throw new Error('--modes must list in-process and/or separate');
  return {
    tables: number('tables', values.tables, 100),
    clients: number('clients', values.clients, 1),
    seconds: number('seconds', values.seconds, 1),
    idle: number('idle', values.idle, 1),
    modes,
    dataDir: path.resolve(ROOT, values.dir, `event-loop-${values.tables.replace(/_/g, '')}`),
    /** Options for the BFF's node process (--node-arg, repeatable: a V8 flag to try). */
    nodeArgs: values['node-arg'],
  };
}

// The probing client runs in a worker thread of its own: on the load generator's event loop (beside
// the 8 searching clients) its requests would also wait for the generator to read their answers, and
// the figure would be the generator's queue as much as the BFF's. A real second person's browser does
// not share a loop with the people searching. (Figures recorded before 2026-12-06 08:30 UTC had the
// probe on the generator's loop.)
const PROBE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require(workerData.undiciPath);
(async () => {
  const pool = new Pool(workerData.baseUrl, { connections: 1 });
  const latencies = [];
  while (Date.now() < workerData.untilMs) {
    const start = performance.now();
    const res = await pool.request({ path: '/api/auth_user', method: 'GET', headers: { cookie: workerData.cookie } });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error('/api/auth_user answered ' + res.statusCode);
    latencies.push(performance.now() - start);
  }
  await pool.close();
  parentPort.postMessage(latencies);
})().catch((err) => { setImmediate(() => { throw err; }); });
`;

/** GET /api/auth_user one request at a time until `untilMs`, from a worker thread; the latencies in ms. */
function probe(baseUrl: string, cookie: string, untilMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const undiciPath = createRequire(import.meta.url).resolve('undici');
    const worker = new Worker(PROBE_WORKER, { eval: true, workerData: { baseUrl, cookie, untilMs, undiciPath } });
    worker.once('message', (latencies: number[]) => resolve(latencies));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`the probe worker stopped with exit code ${code}`)); });
  });
}

async function searcher(pool: Pool, cookie: string, origin: string, untilMs: number, seed: number): Promise<number> {
  let done = 0;
  for (let i = seed; Date.now() < untilMs; i++) {
    const searchTerm = `${TERMS[i % TERMS.length]} ${TERMS[(i * 7 + 3) % TERMS.length]!.slice(0, 1 + (i % 4))}`;
    const res = await pool.request({
      path: '/api/search/v1/search',
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ searchTerm, resources: ['table'], pageIndex: 0, resultsPerPage: 10 }),
    });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}`);
    done++;
  }
  return done;
}

async function measure(mode: Mode, options: ReturnType<typeof readOptions>) {
  const app = await startBenchApp({ mode, tables: options.tables, dataDir: options.dataDir, env: NO_RATE_LIMITS, nodeArgs: options.nodeArgs });
  try {
    const browser = new BffBrowser(app.baseUrl);
    const login = await browser.logIn('roald');
    if (login.status !== 303) throw new Error(`logging in answered ${login.status}`);
    const cookie = browser.sessionCookie;
    const searchPool = new Pool(app.baseUrl, { connections: options.clients });
    await probe(app.baseUrl, cookie, Date.now() + 1000); // warm up
    const idle = summary(await probe(app.baseUrl, cookie, Date.now() + options.idle * 1000));

    const pids = { bff: app.child.pid!, catalog: app.catalogPid };
    const cpuBefore = { bff: cpuSeconds(pids.bff), catalog: pids.catalog ? cpuSeconds(pids.catalog) : 0 };
    const started = performance.now();
    const until = Date.now() + options.seconds * 1000;
    const [loaded, ...searches] = await Promise.all([
      probe(app.baseUrl, cookie, until),
      ...Array.from({ length: options.clients }, (_, i) => searcher(searchPool, cookie, app.baseUrl, until, i * 5)),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = {
      bff: (cpuSeconds(pids.bff) - cpuBefore.bff) / elapsed,
      catalog: pids.catalog ? (cpuSeconds(pids.catalog) - cpuBefore.catalog) / elapsed : 0,
    };
    await searchPool.close();
    return { mode, idle, loaded: summary(loaded), searchesPerSecond: searches.reduce((a, b) => a + b, 0) / elapsed, cpu };
  } finally {
    await app.stop();
  }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const options = readOptions();
  fs.mkdirSync(options.dataDir, { recursive: true });
  console.log(`bench:event-loop — ${options.tables.toLocaleString('en')} tables (--tables; default 100 000), ${options.clients} search clients for ${options.seconds} s, ${os.cpus().length} cores, load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (!fs.existsSync(path.join(options.dataDir, 'catalog.sqlite'))) console.log(`building the demo catalog in ${options.dataDir} first (1 M tables take ~4 min)…`);
  const rows = [];
  for (const mode of options.modes) {
    const result = await measure(mode, options);
    rows.push(result);
    console.log(
      `${mode.padEnd(10)}  /api/auth_user idle p50 ${fmt(result.idle.p50)} p99 ${fmt(result.idle.p99)} | under search load p50 ${fmt(result.loaded.p50)} p99 ${fmt(result.loaded.p99)} max ${fmt(result.loaded.max)} (${result.loaded.count} requests) | ${result.searchesPerSecond.toFixed(0)} searches/s | CPU: BFF process ${(result.cpu.bff * 100).toFixed(0)}%${result.cpu.catalog ? `, catalog process ${(result.cpu.catalog * 100).toFixed(0)}%` : ''}`,
    );
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

await main();
