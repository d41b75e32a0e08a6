// Benchmark of the embedded catalog at scale: `npm run bench -- --tables 100000,1000000 --queries 2000`
//
// For each size it builds a demo catalog in .bench/ (gitignored), then measures through the real
// HTTP APIs (openCatalog + listen on a free port, a fixed-token auth stand-in — it's a benchmark):
//   load rate (tables/s, demo generation included), database size,
//   search latency p50/p99 over search-as-you-type queries (1–3 words, the last one a prefix,
//     taken from real names and column names; every 5th with a filter),
//   table-detail latency p50/p99 (GET /table/KEY).
// Requests are sent one at a time over a keep-alive connection. Exits when done.
import { rmSync, statSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import { Pool } from 'undici';
import { openCatalog } from '../create-catalog';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { createDemoCatalogFile } from '../demo/seed-demo-catalog';
import { createSeededRandom, type SeededRandom } from '../demo/seeded-random';
import { tokenize } from '../search/search-terms';

const TOKEN = 'bench-token';
const acceptBenchToken: RequestHandler = (req, res, next) => {
  if (req.headers.authorization === `Bearer ${TOKEN}`) return next();
  res.status(401).json({ message: 'A valid bearer token is required.' });
};

interface Options {
  sizes: number[];
  queries: number;
  details: number;
  dir: string;
  reuse: boolean;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '100000,1000000' },
      queries: { type: 'string', default: '2000' },
      details: { type: 'string', default: '1000' },
      dir: { type: 'string', default: '.bench' },
      reuse: { type: 'boolean', default: false },
    },
  });
  const sizes = values.tables.split(',').map((v) => Number(v.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--tables must be a comma-separated list of whole numbers ≥ 100');
  const queries = Number(values.queries);
  const details = Number(values.details);
  if (!Number.isInteger(queries) || queries < 1) throw new Error('--queries must be a whole number ≥ 1');
  if (!Number.isInteger(details) || details < 1) throw new Error('--details must be a whole number ≥ 1');
  return { sizes, queries, details, dir: values.dir, reuse: values.reuse };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function fileSize(path: string): number {
  return [path, `${path}-wal`].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
}

function listen(app: Parameters<typeof import('node:http').createServer>[1]): Promise<Server> {
  return import('node:http').then(({ createServer }) => new Promise((resolve) => {
    const server = createServer(app);
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => resolve(server));
  }));
}

/** Search-as-you-type: 1–3 consecutive words of a real name (or a column name), the last one cut to a prefix. */
function buildQuery(random: SeededRandom, name: string, columns: string[]): string {
  const source = random.chance(0.8) || !columns.length ? name : random.pick(columns);
  const words = tokenize(source);
  const take = Math.min(words.length, random.int(1, 3));
  const start = random.int(0, words.length - take);
  const picked = words.slice(start, start + take);
  const last = picked[picked.length - 1];
  picked[picked.length - 1] = last.slice(0, random.int(Math.min(2, last.length), last.length));
  return picked.join(' ');
}

interface BenchRequest { method: 'GET' | 'POST'; path: string; body?: string }

/** Sends the requests one at a time; returns each one's latency (ms), in request order. */
async function measure(pool: Pool, requests: BenchRequest[]): Promise<number[]> {
  const times: number[] = [];
  for (const r of requests) {
    const started = performance.now();
    const res = await pool.request({
      method: r.method,
      path: r.path,
      headers: { authorization: `Bearer ${TOKEN}`, ...(r.body ? { 'content-type': 'application/json' } : {}) },
      body: r.body,
    });
    const text = await res.body.text();
    times.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${r.method} ${r.path} → ${res.statusCode}: ${text.slice(0, 200)}`);
  }
  return times;
}

const sorted = (times: number[]) => [...times].sort((a, b) => a - b);

async function benchmark(size: number, options: Options) {
  mkdirSync(options.dir, { recursive: true });
  const dbPath = join(options.dir, `catalog-${size}.db`);
  const log = (line: string) => process.stdout.write(`[${size}] ${line}\n`);
  let loadRate: number | null = null;
  if (!(options.reuse && existsSync(dbPath))) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    const started = performance.now();
    const result = createDemoCatalogFile(dbPath, { count: size, onProgress: log });
    const seconds = (performance.now() - started) / 1000;
    loadRate = result.tables / seconds;
    log(`loaded ${result.tables} tables, ${result.dashboards} dashboards, ${result.users} users in ${seconds.toFixed(1)} s = ${Math.round(loadRate)} tables/s`);
  }
  const bytes = fileSize(dbPath);
  log(`database size ${(bytes / 1024 / 1024).toFixed(0)} MiB (${(bytes / size).toFixed(0)} bytes/table)`);

  const catalog = openCatalog({ dbPath, demoTables: 0, authenticate: acceptBenchToken, log: { error: (m, e) => log(`error ${m} ${String(e)}`) } });
  const search = await listen(catalog.searchApp);
  const metadata = await listen(catalog.metadataApp);
  const searchPool = new Pool(`http://127.0.0.1:${(search.address() as AddressInfo).port}`, { connections: 1, pipelining: 1 });
  const metadataPool = new Pool(`http://127.0.0.1:${(metadata.address() as AddressInfo).port}`, { connections: 1, pipelining: 1 });
  try {
    // Sample tables straight from the file (a second, read-only connection).
    const db = openCatalogDatabase(dbPath);
    const random = createSeededRandom(4242);
    const maxId = db.prepare('SELECT max(id) FROM tables').pluck().get() as number;
    const pickTable = db.prepare('SELECT key, name, column_names, database, schema_name FROM table_search WHERE table_id >= ? ORDER BY table_id LIMIT 1');
    const sample = (n: number) => Array.from({ length: n }, () => pickTable.get(random.int(1, maxId)) as
      { key: string; name: string; column_names: string; database: string; schema_name: string });
    const queryTables = sample(options.queries + 100);
    const detailTables = sample(options.details + 50);
    db.close();

    const searches = queryTables.map((t, i) => {
      const body: Record<string, unknown> = {
        query_term: buildQuery(random, t.name, JSON.parse(t.column_names) as string[]),
        resource_types: ['table'],
        page_index: 0,
        results_per_page: 10,
        highlight_options: { table: { enable_highlight: true } },
      };
      if (i % 5 === 4) {
        body.filters = [random.chance(0.5)
          ? { name: 'database', values: [t.database], operation: 'OR' }
          : { name: 'schema', values: [`${t.schema_name.slice(0, 3)}*`], operation: 'OR' }];
      }
      return { method: 'POST' as const, path: '/v2/search', body: JSON.stringify(body) };
    });
    const encodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
    const details = detailTables.map((t) => ({ method: 'GET' as const, path: `/table/${encodeKey(t.key)}` }));

    await measure(searchPool, searches.slice(0, 100)); // warm-up
    const searchLatencies = await measure(searchPool, searches.slice(100));
    await measure(metadataPool, details.slice(0, 50));
    const detailTimes = sorted(await measure(metadataPool, details.slice(50)));
    const searchTimes = sorted(searchLatencies);
    const slowest = searchTimes.at(-1)!;
    const slowQueries = searchLatencies
      .map((ms, i) => ({ ms, body: JSON.parse(searches[100 + i].body) as { query_term: string; filters?: unknown } }))
      .sort((a, b) => b.ms - a.ms).slice(0, 8)
      .map(({ ms, body }) => `${fmt(ms)} "${body.query_term}"${body.filters ? ` ${JSON.stringify(body.filters)}` : ''}`);
    const result = {
      tables: size,
      load_tables_per_s: loadRate === null ? null : Math.round(loadRate),
      db_bytes: bytes,
      search: { queries: searchTimes.length, p50_ms: percentile(searchTimes, 50), p99_ms: percentile(searchTimes, 99), max_ms: slowest },
      table_detail: { requests: detailTimes.length, p50_ms: percentile(detailTimes, 50), p99_ms: percentile(detailTimes, 99) },
    };
    log(`search (${searchTimes.length} queries): p50 ${fmt(result.search.p50_ms)}, p99 ${fmt(result.search.p99_ms)}, max ${fmt(slowest)}`);
    log(`slowest searches: ${slowQueries.join(' · ')}`);
    log(`table detail (${detailTimes.length} requests): p50 ${fmt(result.table_detail.p50_ms)}, p99 ${fmt(result.table_detail.p99_ms)}`);
    writeFileSync(join(options.dir, `results-${size}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await searchPool.close();
    await metadataPool.close();
    await new Promise((r) => search.close(r));
    await new Promise((r) => metadata.close(r));
    catalog.close();
  }
}

async function main() {
  const options = readOptions();
  const results = [];
  for (const size of options.sizes) results.push(await benchmark(size, options));
  process.stdout.write('\n| tables | load (tables/s) | DB size | search p50 | search p99 | detail p50 | detail p99 |\n|---|---|---|---|---|---|---|\n');
  for (const r of results) {
    process.stdout.write(`| ${r.tables.toLocaleString('en')} | ${r.load_tables_per_s?.toLocaleString('en') ?? '(reused)'} | ${(r.db_bytes / 1024 / 1024).toFixed(0)} MiB | ` +
      `${fmt(r.search.p50_ms)} | ${fmt(r.search.p99_ms)} | ${fmt(r.table_detail.p50_ms)} | ${fmt(r.table_detail.p99_ms)} |\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
