// The embedded catalog runs beside the BFF, not inside it: server/main.ts (as `npm start` runs it, on
// free ports) forks it into its own process, serves only once it is ready, stops it on SIGTERM, leaves
// none behind when killed itself, and stops with a clear message when the catalog dies.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../testing/free-port';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const READY_TIMEOUT_MS = 90_000;

interface Nansen {
  process: ChildProcess;
  output(): string;
  catalogPid: number;
  baseUrl: string;
  searchUrl: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: { nansen: Nansen; dataDir: string }[] = [];

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(what: string, check: () => boolean, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startNansen(env: Record<string, string> = {}): Promise<Nansen> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-catalog-process-'));
  const [port, idpPort, metadataPort, searchPort] = [await getFreePort(), await getFreePort(), await getFreePort(), await getFreePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      DEV_IDP_PORT: String(idpPort),
      CATALOG_METADATA_PORT: String(metadataPort),
      CATALOG_SEARCH_PORT: String(searchPort),
      DATA_DIR: dataDir,
      CATALOG_DEMO_TABLES: '30',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const nansen = { process: child, output: () => output, exit, catalogPid: 0, baseUrl: `http://localhost:${port}`, searchUrl: `http://127.0.0.1:${searchPort}` };
  started.push({ nansen, dataDir });
  await waitUntil('Nansen is ready', () => output.includes('Nansen is ready') || child.exitCode !== null, () => output, READY_TIMEOUT_MS);
  if (child.exitCode !== null) throw new Error(`Nansen exited with code ${child.exitCode}:\n${output}`);
  // 0 when the catalog runs in the BFF process (CATALOG_PROCESS=in-process).
  nansen.catalogPid = Number(/embedded catalog in its own process \(pid (\d+)\)/.exec(output)?.[1] ?? 0);
  return nansen;
}

afterEach(async () => {
  for (const { nansen, dataDir } of started.splice(0)) {
    if (nansen.process.exitCode === null && nansen.process.signalCode === null) nansen.process.kill('SIGKILL');
    if (nansen.catalogPid && isAlive(nansen.catalogPid)) process.kill(nansen.catalogPid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// Each test starts the whole app (provider, catalog, BFF); on a busy machine that takes a while.
describe('the embedded catalog in its own process', { timeout: 120_000 }, () => {
  it('serves the catalog from another pid, and is ready before the BFF says Nansen is ready', async () => {
    const nansen = await startNansen();
    expect(nansen.catalogPid).toBeGreaterThan(0);
    expect(nansen.catalogPid).not.toBe(nansen.process.pid);
    expect(isAlive(nansen.catalogPid)).toBe(true);
    const output = nansen.output();
    expect(output.indexOf('embedded catalog in its own process')).toBeLessThan(output.indexOf('Nansen is ready'));
    // Its log lines come through the parent, prefixed.
    expect(output).toMatch(/^\[catalog\] .* demo catalog: 30\/30 tables written/m);
    const health = await fetch(`${nansen.searchUrl}/healthcheck`);
    expect(health.status).toBe(200);
    expect((await fetch(`${nansen.baseUrl}/healthcheck`)).status).toBe(200);
  });

  it('on SIGTERM stops the catalog process too and exits 0', async () => {
    const nansen = await startNansen();
    nansen.process.kill('SIGTERM');
    expect(await nansen.exit).toEqual({ code: 0, signal: null });
    expect(nansen.output()).toMatch(/\[catalog\] .* stopping \(SIGTERM\)/);
    expect(isAlive(nansen.catalogPid)).toBe(false);
  });

  it('leaves no catalog process behind when the BFF process is killed outright', async () => {
    const nansen = await startNansen();
    nansen.process.kill('SIGKILL');
    await nansen.exit;
    await waitUntil(`catalog pid ${nansen.catalogPid} exits`, () => !isAlive(nansen.catalogPid), nansen.output);
    expect(isAlive(nansen.catalogPid)).toBe(false);
  });

  it('reports a catalog crash with its pid and stops Nansen with exit code 70', async () => {
    const nansen = await startNansen();
    process.kill(nansen.catalogPid, 'SIGKILL');
    expect(await nansen.exit).toEqual({ code: 70, signal: null });
    expect(nansen.output()).toContain(`The embedded catalog's process (pid ${nansen.catalogPid}) was killed by SIGKILL unexpectedly`);
    expect(nansen.output()).toContain('the embedded catalog stopped: shutting down');
  });

  it('a catalog that cannot start (its port taken) stops Nansen with exit 1, naming the setting, and leaves no process behind', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    try {
      await expect(startNansen({ CATALOG_SEARCH_PORT: String(busyPort) })).rejects.toThrow(
        new RegExp(`Nansen exited with code 1:[\\s\\S]*The embedded catalog could not start: Port ${busyPort} \\(CATALOG_SEARCH_PORT\\) is already in use`),
      );
      const output = started.at(-1)!.nansen.output();
      expect(output).not.toContain('Nansen is ready');
      const pid = Number(/starting the embedded catalog \(pid (\d+)\)/.exec(output)?.[1]);
      expect(pid).toBeGreaterThan(0);
      await waitUntil(`catalog pid ${pid} exits`, () => !isAlive(pid), () => output);
    } finally {
      busy.close();
    }
  });

  it('with CATALOG_PROCESS=in-process runs the catalog in the BFF process, as before', async () => {
    const inProcess = await startNansen({ CATALOG_PROCESS: 'in-process' });
    expect(inProcess.catalogPid).toBe(0);
    expect(inProcess.output()).toContain(`embedded catalog in this process (pid ${inProcess.process.pid}, CATALOG_PROCESS=in-process)`);
    expect((await fetch(`${inProcess.searchUrl}/healthcheck`)).status).toBe(200);
  });
});
