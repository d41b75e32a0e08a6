// Pieces the benchmarks share: start server/main.ts on free ports (the embedded default), read a
// process's CPU and memory from /proc, summarise latencies, and a closed-loop load: a fixed number of
// connections, each sending requests back to back for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dispatcher, Pool } from 'undici';
import { BFF_NODE_FLAGS } from '../../bff-node-flags';
import { getFreePort } from '../../testing/free-port';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** A benchmark is one address sending far more than a person: the rate limits (docs/operations.md) off. */
export const NO_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_LOGIN_PER_MIN: '0',
  RATE_LIMIT_LOGIN_PER_IP_PER_MIN: '0',
  RATE_LIMIT_SEARCH_PER_MIN: '0',
  RATE_LIMIT_SEARCH_PER_IP_PER_MIN: '0',
};

export interface BenchApp {
  child: ChildProcess;
  baseUrl: string;
  /** The development provider's issuer, e.g. http://localhost:4711. */
  issuer: string;
  metadataUrl: string;
  searchUrl: string;
  dataDir: string;
  catalogPid: number | undefined;
  output(): string;
  stop(): Promise<void>;
}

export interface StartBenchAppOptions {
  tables: number;
  dataDir: string;
  /** CATALOG_PROCESS: 'separate' (the default) or 'in-process'. */
  mode?: 'in-process' | 'separate';
  env?: Record<string, string>;
  /** Node options for the BFF's process, e.g. --cpu-prof (Node 20 refuses it in NODE_OPTIONS). */
  nodeArgs?: string[];
}

export async function startBenchApp({ tables, dataDir, mode = 'separate', env = {}, nodeArgs = [] }: StartBenchAppOptions): Promise<BenchApp> {
  const [port, idpPort, metadataPort, searchPort] = [await getFreePort(), await getFreePort(), await getFreePort(), await getFreePort()];
  const baseUrl = `http://localhost:${port}`;
  // As `npm start` runs it (its node options first: a --node-arg given to a benchmark comes after, and wins).
  const child = spawn(process.execPath, [...BFF_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DEV_IDP_PORT: String(idpPort),
      CATALOG_METADATA_PORT: String(metadataPort),
      CATALOG_SEARCH_PORT: String(searchPort),
      DATA_DIR: dataDir,
      CATALOG_DEMO_TABLES: String(tables),
      CATALOG_PROCESS: mode,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const line of d.toString().split('\n')) if (/demo catalog: .*(tables written|took)/.test(line)) process.stderr.write(`  | ${line}\n`);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  while (!output.includes('Nansen is ready')) {
    if (child.exitCode !== null) throw new Error(`Nansen exited with code ${child.exitCode}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = /embedded catalog in its own process \(pid (\d+)\)/.exec(output)?.[1];
  const issuer = /development identity provider at (\S+)/.exec(output)?.[1] ?? `http://localhost:${idpPort}`;
  const urls = /metadata (http\S+), search (http\S+)/.exec(output);
  return {
    child,
    baseUrl,
    issuer,
    metadataUrl: urls?.[1] ?? `http://127.0.0.1:${metadataPort}`,
    searchUrl: urls?.[2] ?? `http://127.0.0.1:${searchPort}`,
    dataDir,
    catalogPid: pid ? Number(pid) : undefined,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** User + system CPU seconds a process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export type RequestOf = (i: number) => Dispatcher.RequestOptions;

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  count: number;
  /** Answers that were not 2xx, by status. */
  failures: Map<number, number>;
}

/**
 * `connections` loops on one pool, each sending `requestOf(i)` back to back until `seconds` have passed;
 * every answer is read to the end. Latency is from sending to the last byte of the body.
 */
export async function runClosedLoop(pool: Pool, connections: number, seconds: number, requestOf: RequestOf): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const until = performance.now() + seconds * 1000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const options = requestOf(next++);
        const t = performance.now();
        const res = await pool.request(options);
        await res.body.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.statusCode >= 300) failures.set(res.statusCode, (failures.get(res.statusCode) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const s = summary(latencies);
  return { requestsPerSecond: s.count / elapsed, p50: s.p50, p99: s.p99, count: s.count, failures };
}
