// Would a second BFF process (node cluster, or two instances on one machine) lift issue 14 §2's
// throughput at 8 connections? `npx tsx server/catalog/bench/bff-instances.ts` (SECONDS=5)
//
// Starts the embedded default as bench:bff does, then a second BFF process on the same data folder
// (the same SQLite session store and secret), provider and catalog. Three rounds of table detail at 8
// connections: straight to the catalog; through one BFF; through both (4 connections each). Prints
// req/s, p50 and each BFF process's CPU seconds. Answer: on a 2-core machine, no (docs/benchmarks.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { BffBrowser } from '../../testing/bff-browser';
import { encodeKeyForPath } from '../../upstream/upstream-http';
import { BFF_NODE_FLAGS } from '../../bff-node-flags';
import { getFreePort } from '../../testing/free-port';
import { getDevIdpDir, DEV_IDP_FILES } from '../../dev-idp/dev-idp-files';
import { cpuSeconds, loadAverage, NO_RATE_LIMITS, ROOT, runClosedLoop, startBenchApp, type RequestOf } from './bench-app';
import { getPersonToken } from './person-token';

const seconds = Number(process.env.SECONDS ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-exp-'));
const app = await startBenchApp({ tables: 300, dataDir, env: NO_RATE_LIMITS });
// Stopped in `finally` whatever fails, the second BFF's start included.
let b: ReturnType<typeof spawn> | undefined;
try {
  const portB = await getFreePort();
  const secret = fs.readFileSync(path.join(getDevIdpDir(dataDir), DEV_IDP_FILES.clientSecret), 'utf8').trim();
  b = spawn(process.execPath, [...BFF_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: String(portB), PUBLIC_URL: app.baseUrl, DATA_DIR: dataDir, OIDC_ISSUER: app.issuer, OIDC_CLIENT_ID: 'nansen-bff', OIDC_CLIENT_SECRET: secret, METADATA_URL: app.metadataUrl, SEARCH_URL: app.searchUrl, ...NO_RATE_LIMITS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  b.stdout!.on('data', (d) => (out += d));
  b.stderr!.on('data', (d) => (out += d));
  while (!out.includes('Nansen is ready')) {
    if (b.exitCode !== null) throw new Error(out);
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = new BffBrowser(app.baseUrl);
  await browser.logIn('roald');
  const cookie = browser.sessionCookie;
  const token = await getPersonToken({ issuer: app.issuer, baseUrl: app.baseUrl, dataDir, login: 'roald' });
  const found = await fetch(`${app.searchUrl}/v2/search`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query_term: 'orders', resource_types: ['table'], page_index: 0, results_per_page: 10, filters: [], highlight_options: {} }) });
  const key = ((await found.json()) as { results: { table: { results: { key: string }[] } } }).results.table.results[0]!.key;
  const bUrl = `http://localhost:${portB}`;
  const check = await fetch(`${bUrl}/api/metadata/v0/table?key=${encodeURIComponent(key)}`, { headers: { cookie } });
  console.log('B answers', check.status);
  const direct = () => ({ method: 'GET' as const, path: `/table/${encodeKeyForPath(key)}`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const bff = () => ({ method: 'GET' as const, path: `/api/metadata/v0/table?key=${encodeURIComponent(key)}`, headers: { cookie } });
  async function run(origins: string[], per: number, req: RequestOf) {
    const pools = origins.map((o) => new Pool(o, { connections: per }));
    await Promise.all(pools.map((p) => runClosedLoop(p, per, 1, req)));
    const cpu0 = [app.child.pid!, b!.pid!].map(cpuSeconds);
    const rs = await Promise.all(pools.map((p) => runClosedLoop(p, per, seconds, req)));
    const cpu1 = [app.child.pid!, b!.pid!].map(cpuSeconds);
    await Promise.all(pools.map((p) => p.close()));
    const rps = rs.reduce((s, r) => s + r.requestsPerSecond, 0);
    return { rps: Math.round(rps), p50: rs.map((r) => r.p50.toFixed(2)).join('/'), cpuA: (cpu1[0] - cpu0[0]).toFixed(2), cpuB: (cpu1[1] - cpu0[1]).toFixed(2), fails: rs.map((r) => r.failures.size).join('/') };
  }
  for (let round = 0; round < 3; round++) {
    const d = await run([app.metadataUrl], 8, direct);
    const one = await run([app.baseUrl], 8, bff);
    const two = await run([app.baseUrl, bUrl], 4, bff);
    console.log(`round ${round}: direct ${JSON.stringify(d)} | one BFF ${JSON.stringify(one)} ${(one.rps / d.rps).toFixed(2)}x | two BFFs ${JSON.stringify(two)} ${(two.rps / d.rps).toFixed(2)}x | load ${loadAverage()}`);
  }
} finally {
  b?.kill('SIGTERM');
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
