// Many signed-in people at once (issue 14 §3): `npm run bench:load` — defaults sized for ~2 minutes on a
// shared 2-core machine; the issue's full run: `npm run bench:load -- --sessions 200 --seconds 60 --tables 100000 --redis`.
//
// Starts server/main.ts on the embedded default (catalog in its own process; with --redis a
// redis-server on a free port as the session store), signs in --sessions sessions through the
// development provider (the demo people in turn; it takes any password), then every session, for
// --seconds, back to back, as the SPA would (cookie, and Origin and X-Nansen-User on every write):
//   search        POST /api/search/v1/search, a term from a list
//   table         GET  /api/metadata/v0/table
//   dashboard     GET  /api/metadata/v0/dashboard
//   description   GET the table, then PUT /api/metadata/v0/put_table_description with that as `base`
//                 (a 409 conflict is a correct answer when another session got there first)
//   tag           PUT /api/metadata/v0/update_table_tags, a tag no one added before
// Edits go to a few tables (--edit-tables) so sessions collide. Afterwards it checks, through the BFF:
//   - no answer was a 5xx (nor a transport error);
//   - every acknowledged description edit is in GET /api/metadata/v0/edits, and each table's
//     description is the last of its chain of acknowledged edits (each edit's base is the one before);
//     a search for that description's unique word finds the table;
//   - every acknowledged tag is on its table and in the edit log;
// and prints p50/p99 per route. Every --sample-seconds during the load it samples the memory of the
// BFF and the catalog processes — RSS from /proc, the V8 heap (in use, and live after the last full
// collection) from memory-probe.mjs, a benchmark-only preload that this script puts into their
// NODE_OPTIONS — and their CPU use, prints the timeline, and judges whether RSS or live heap grew
// (memory-trend.ts: the last third of the run against the first third after a warm-up).
// Exits 1 when a check fails or memory grows. The rate limits are off (one address, many sessions).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool, type Dispatcher } from 'undici';
import { encodePageUser, PAGE_USER_HEADER } from '../../../contract/page-user';
import { listDemoLogins } from '../../dev-idp/dev-accounts';
import { BffBrowser } from '../../testing/bff-browser';
import { startRedis, type RedisServer } from '../../testing/start-redis';
import { checkDescriptionChain, type DescriptionEdit } from './load-checks';
import { loadAverage, NO_RATE_LIMITS, startBenchApp, summary, type BenchApp } from './bench-app';
import { MemoryTimeline } from './memory-timeline';
import { memoryProbeEnv } from './memory-trend';

const TERMS = ['orders', 'customer', 'revenue', 'event', 'sales', 'payment', 'session', 'product', 'account', 'daily'];
/** Each session cookie's user id, which its writes name as the SPA's do (server/auth/page-user-guard.ts). */
const pageUserOf = new Map<string, string>();
type Route = 'search' | 'table' | 'dashboard' | 'description (read)' | 'description (write)' | 'tag';
const ROUTES: Route[] = ['search', 'table', 'dashboard', 'description (read)', 'description (write)', 'tag'];

function readOptions() {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '60' },
      tables: { type: 'string', default: '10000' },
      'edit-tables': { type: 'string', default: '20' },
      redis: { type: 'boolean', default: false },
      'sample-seconds': { type: 'string', default: '5' },
    },
  });
  const whole = (name: string, raw: string, min: number) => {
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, not "${raw}"`);
    return n;
  };
  return {
    sessions: whole('sessions', values.sessions, 1),
    seconds: whole('seconds', values.seconds, 1),
    tables: whole('tables', values.tables, 100),
    editTables: whole('edit-tables', values['edit-tables'], 1),
    sampleSeconds: whole('sample-seconds', values['sample-seconds'], 1),
    redis: values.redis,
  };
}

interface Answer {
  status: number;
  body: unknown;
}

class Recorder {
  readonly latencies = new Map<Route, number[]>(ROUTES.map((r) => [r, []]));
  readonly statuses = new Map<Route, Map<number, number>>(ROUTES.map((r) => [r, new Map()]));
  readonly transportErrors: string[] = [];

  constructor(private readonly pool: Pool, private readonly origin: string) {}

  async send(route: Route, cookie: string, options: { method: Dispatcher.HttpMethod; path: string; body?: unknown }): Promise<Answer | undefined> {
    const headers: Record<string, string> = { cookie, accept: 'application/json' };
    if (options.method !== 'GET') Object.assign(headers, { origin: this.origin, 'content-type': 'application/json', [PAGE_USER_HEADER]: encodePageUser(pageUserOf.get(cookie) ?? '') });
    const started = performance.now();
    try {
      const res = await this.pool.request({ method: options.method, path: options.path, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await res.body.text();
      this.latencies.get(route)!.push(performance.now() - started);
      const counts = this.statuses.get(route)!;
      counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
      return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
    } catch (error) {
      this.transportErrors.push(`${route}: ${(error as Error).message}`);
      return undefined;
    }
  }

  count5xx(): number {
    let n = 0;
    for (const counts of this.statuses.values()) for (const [status, c] of counts) if (status >= 500) n += c;
    return n + this.transportErrors.length;
  }
}

const tablePath = (key: string) => `/api/metadata/v0/table?key=${encodeURIComponent(key)}`;
type TableData = { tableData: { description: string | null; tags: ({ tag_name: string } | string)[] } };
const tagNames = (table: TableData) => table.tableData.tags.map((t) => (typeof t === 'string' ? t : t.tag_name));

async function signIn(baseUrl: string, count: number): Promise<string[]> {
  const logins = listDemoLogins();
  const cookies: string[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(8, count) }, async () => {
    for (let i = next++; i < count; i = next++) {
      const browser = new BffBrowser(baseUrl);
      const answer = await browser.logIn(logins[i % logins.length]!);
      if (answer.status !== 303 || !browser.sessionCookie) throw new Error(`signing in session ${i} answered ${answer.status}`);
      cookies[i] = browser.sessionCookie;
      const me = await browser.request('/api/auth_user');
      pageUserOf.set(browser.sessionCookie, ((await me.json()) as { user: { user_id: string } }).user.user_id);
    }
  }));
  return cookies;
}

async function findKeys(recorder: Recorder, cookie: string, resource: 'table' | 'dashboard', wanted: number): Promise<string[]> {
  const keys = new Set<string>();
  for (const term of TERMS) {
    const answer = await recorder.send('search', cookie, { method: 'POST', path: '/api/search/v1/search', body: { searchTerm: term, resources: [resource], pageIndex: 0, resultsPerPage: 50 } });
    if (answer?.status !== 200) return [...keys];
    const group = (answer.body as Record<string, { results: { key?: string; uri?: string }[] } | undefined>)[resource];
    for (const hit of group?.results ?? []) keys.add((hit.key ?? hit.uri)!);
    if (keys.size >= wanted) break;
  }
  return [...keys].slice(0, wanted);
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

async function verify(recorder: Recorder, cookie: string, edits: DescriptionEdit[], tags: { key: string; tag: string }[]) {
  const problems: string[] = [];
  const byKey = groupBy(edits, (e) => e.key);
  /** Every entry of a table's edit log, page after page (newest first). */
  const readEditLog = async (key: string) => {
    const entries: { field: string; after: unknown }[] = [];
    for (let before: string | null = null, pages = 0; pages < 10_000; pages++) {
      const answer = await recorder.send('table', cookie, { method: 'GET', path: `/api/metadata/v0/edits?type=table&key=${encodeURIComponent(key)}${before ? `&before=${before}` : ''}` });
      if (answer?.status !== 200) { problems.push(`the edit log of ${key} answered ${answer?.status}`); break; }
      const page = answer.body as { edits: { field: string; after: unknown }[]; next_before: string | null };
      entries.push(...page.edits);
      if (!page.next_before) break;
      before = page.next_before;
    }
    return entries;
  };
  for (const [key, chain] of byKey) {
    const logged = new Set((await readEditLog(key)).filter((e) => e.field === 'description').flatMap((e) => (typeof e.after === 'string' ? [e.after] : [])));
    const table = await recorder.send('table', cookie, { method: 'GET', path: tablePath(key) });
    const { problems: lost, tail } = checkDescriptionChain(key, chain, logged, (table?.body as TableData | undefined)?.tableData.description);
    problems.push(...lost);
    if (!tail) continue;
    const found = await recorder.send('search', cookie, { method: 'POST', path: '/api/search/v1/search', body: { searchTerm: tail.word, resources: ['table'], pageIndex: 0, resultsPerPage: 10 } });
    const hits = (found?.body as { table?: { results: { key: string }[] } } | undefined)?.table?.results ?? [];
    if (!hits.some((h) => h.key === key)) problems.push(`search for "${tail.word}" does not find ${key} (its description now)`);
  }
  for (const [key, added] of groupBy(tags, (t) => t.key)) {
    const table = await recorder.send('table', cookie, { method: 'GET', path: tablePath(key) });
    const present = new Set(tagNames(table?.body as TableData));
    const tagEdits = (await readEditLog(key)).filter((e) => e.field === 'tags').map((e) => JSON.stringify(e.after));
    for (const { tag } of added) {
      if (!present.has(tag)) problems.push(`lost tag: ${tag} is not on ${key}`);
      else if (!tagEdits.some((after) => after.includes(`"${tag}"`))) problems.push(`tag ${tag} on ${key} is not in its edit log`);
    }
  }
  return problems;
}

async function main() {
  const options = readOptions();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-bench-load-'));
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-bench-memory-'));
  console.log(`bench:load — ${options.sessions} sessions for ${options.seconds} s, ${options.tables.toLocaleString('en')} demo tables, sessions in ${options.redis ? 'Redis' : 'the default store'}, ${os.cpus().length} cores, load average before: ${loadAverage()}`);
  let redis: RedisServer | undefined;
  let app: BenchApp | undefined;
  let failed = false;
  try {
    if (options.redis) redis = await startRedis();
    const startedAt = performance.now();
    app = await startBenchApp({ tables: options.tables, dataDir, env: { ...NO_RATE_LIMITS, ...memoryProbeEnv(probeDir), ...(redis ? { SESSION_STORE: 'redis', REDIS_URL: redis.url } : {}) } });
    console.log(`started in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
    const pool = new Pool(app.baseUrl, { connections: options.sessions });
    const recorder = new Recorder(pool, app.baseUrl);
    const cookies = await signIn(app.baseUrl, options.sessions);
    console.log(`${cookies.length} sessions signed in`);
    const tableKeys = await findKeys(recorder, cookies[0]!, 'table', 200);
    const dashboards = await findKeys(recorder, cookies[0]!, 'dashboard', 50);
    const editKeys = tableKeys.slice(0, options.editTables);
    if (!tableKeys.length) throw new Error('the searches found no table');
    for (const counts of recorder.statuses.values()) counts.clear();
    for (const list of recorder.latencies.values()) list.length = 0;

    const processes = [{ name: 'BFF', pid: app.child.pid! }, ...(app.catalogPid ? [{ name: 'catalog', pid: app.catalogPid }] : [])];
    const totalRequests = () => [...recorder.latencies.values()].reduce((sum, l) => sum + l.length, 0);
    const memory = new MemoryTimeline(processes, probeDir, totalRequests);
    memory.start(options.sampleSeconds);

    const edits: DescriptionEdit[] = [];
    const tags: { key: string; tag: string }[] = [];
    let conflicts = 0;
    const until = performance.now() + options.seconds * 1000;
    await Promise.all(cookies.map(async (cookie, session) => {
      for (let n = 0; performance.now() < until; n++) {
        const roll = Math.random();
        const key = tableKeys[Math.floor(Math.random() * tableKeys.length)]!;
        if (roll < 0.4) {
          const searchTerm = `${TERMS[(session + n) % TERMS.length]} ${'abcdefghij'[n % 10]}`.trim();
          await recorder.send('search', cookie, { method: 'POST', path: '/api/search/v1/search', body: { searchTerm, resources: ['table'], pageIndex: 0, resultsPerPage: 10 } });
        } else if (roll < 0.7) {
          await recorder.send('table', cookie, { method: 'GET', path: tablePath(key) });
        } else if (roll < 0.8 && dashboards.length) {
          const uri = dashboards[Math.floor(Math.random() * dashboards.length)]!;
          await recorder.send('dashboard', cookie, { method: 'GET', path: `/api/metadata/v0/dashboard?uri=${encodeURIComponent(uri)}` });
        } else if (roll < 0.9) {
          const editKey = editKeys[Math.floor(Math.random() * editKeys.length)]!;
          const read = await recorder.send('description (read)', cookie, { method: 'GET', path: tablePath(editKey) });
          if (read?.status !== 200) continue;
          const base = (read.body as TableData).tableData.description;
          const word = `loadedit${session}x${n}x${Math.random().toString(36).slice(2, 8)}`;
          const description = `Edited under load by session ${session}: ${word}`;
          const answer = await recorder.send('description (write)', cookie, { method: 'PUT', path: '/api/metadata/v0/put_table_description', body: { key: editKey, description, base } });
          if (answer?.status === 200) edits.push({ key: editKey, base, description: (answer.body as { description: string }).description, word });
          else if (answer?.status === 409) conflicts++;
        } else {
          const tag = `load_${session}_${n}`;
          const editKey = editKeys[Math.floor(Math.random() * editKeys.length)]!;
          const answer = await recorder.send('tag', cookie, { method: 'PUT', path: '/api/metadata/v0/update_table_tags', body: { key: editKey, tag } });
          if (answer?.status === 200) tags.push({ key: editKey, tag });
        }
      }
    }));
    memory.stop();

    console.log('\n| route | requests | p50 | p99 | max | answers |\n|---|---|---|---|---|---|');
    for (const route of ROUTES) {
      const s = summary(recorder.latencies.get(route)!);
      const answers = [...recorder.statuses.get(route)!].sort(([a], [b]) => a - b).map(([status, c]) => `${c}× ${status}`).join(', ');
      console.log(`| ${route} | ${s.count} | ${s.p50.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${answers} |`);
    }
    const total = totalRequests();
    console.log(`\n${total} requests in ${options.seconds} s (${Math.round(total / options.seconds)} req/s); ${edits.length} description edits acknowledged, ${conflicts} refused as conflicts (409), ${tags.length} tags added`);
    const { grows } = memory.report(options.seconds, (line) => console.log(line));
    if (!app.catalogPid) console.log("  (the catalog runs in the BFF's process)");
    const fiveXX = recorder.count5xx();
    const problems = await verify(recorder, cookies[0]!, edits, tags);
    for (const e of recorder.transportErrors.slice(0, 5)) console.log(`transport error: ${e}`);
    for (const p of problems.slice(0, 20)) console.log(`PROBLEM: ${p}`);
    console.log(`5xx answers or transport errors: ${fiveXX}; lost edits or missing in the log or search: ${problems.length}`);
    failed = fiveXX > 0 || problems.length > 0 || grows;
    console.log(`load average after: ${loadAverage()} (${os.cpus().length} cores, shared; the sessions' client runs on the same machine)`);
    await pool.close();
  } finally {
    await app?.stop();
    await redis?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
