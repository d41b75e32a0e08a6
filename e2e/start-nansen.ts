// Starts the real thing for the browser tests: `server/main.ts` on the embedded default (dev IdP,
// catalog with demo data, BFF serving the built SPA), every port free, data in a temp folder.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BFF_NODE_FLAGS } from '../server/bff-node-flags';
import { getFreePort } from '../server/testing/free-port';

export interface NansenServer {
  baseUrl: string;
  idpOrigin: string;
  dataDir: string;
  /** Stop and start again with the same data, ports and settings (plus `env`), as an operator would. */
  restart(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
  /** Everything the server printed. */
  output(): string;
}

export interface StartOptions {
  /** Extra environment (INDEX_USERS, UI_CONFIG_FILE, …; METADATA_URL and SEARCH_URL for other services than the embedded catalog). */
  env?: Record<string, string>;
  /** The host people use; two servers on different hosts keep their cookies apart in one browser. */
  host?: 'localhost' | '127.0.0.1';
  name: string;
  /** The development provider's port, when something must know its issuer before Nansen starts; a free one by default. */
  idpPort?: number;
  /** The checkout whose `server/main.ts` and `dist/client` run (another worktree, to compare builds); this one by default. */
  cwd?: string;
}

async function waitForReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Nansen exited with code ${child.exitCode}:\n${log()}`);
    if (log().includes('Nansen is ready')) {
      const res = await fetch(`${url}/healthcheck`).catch(() => undefined);
      if (res?.ok) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Nansen did not start within ${timeoutMs} ms:\n${log()}`);
}

export async function startNansen(options: StartOptions): Promise<NansenServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `nansen-e2e-${options.name}-`));
  const [port, idpPort, metadataPort, searchPort] = [await getFreePort(), options.idpPort ?? (await getFreePort()), await getFreePort(), await getFreePort()];
  const host = options.host ?? 'localhost';
  const baseUrl = `http://${host}:${port}`;
  let extraEnv = { ...options.env };
  let child: ChildProcess;
  let output = '';

  async function launch() {
    // With METADATA_URL (and SEARCH_URL) in `env` no embedded catalog starts, and Nansen refuses its settings.
    const embeddedCatalog = extraEnv.METADATA_URL === undefined
      ? { CATALOG_METADATA_PORT: String(metadataPort), CATALOG_SEARCH_PORT: String(searchPort), CATALOG_DEMO_TABLES: '300' }
      : {};
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DEV_IDP_PORT: String(idpPort),
      DATA_DIR: dataDir,
      ...embeddedCatalog,
      // Parallel workers load the machine: the first search answer must not miss the page by timing.
      FIRST_SEARCH_BUDGET_MS: '5000',
      ...extraEnv,
    };
    child = spawn(process.execPath, [...BFF_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = output.length;
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitForReady(baseUrl, child, () => output.slice(started), 90_000);
  }

  async function stopChild() {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  await launch();
  return {
    baseUrl,
    idpOrigin: `http://localhost:${idpPort}`,
    dataDir,
    output: () => output,
    async restart(env = {}) {
      await stopChild();
      extraEnv = { ...extraEnv, ...env };
      await launch();
    },
    async stop() {
      await stopChild();
      fs.mkdirSync('test-results', { recursive: true });
      fs.writeFileSync(path.join('test-results', `server-${options.name}.log`), output);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
