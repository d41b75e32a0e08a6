// Starts the real thing for the browser tests: `server/main.ts` on the embedded default (dev IdP,
// catalog with demo data, BFF serving the built SPA), every port free, data in a temp folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getFreePort } from '../server/testing/free-port';

async function waitForReady(url: string, child: ReturnType<typeof spawn>, log: () => string, timeoutMs: number) {
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

export default async function globalSetup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-e2e-'));
  const [port, idpPort, metadataPort, searchPort] = [await getFreePort(), await getFreePort(), await getFreePort(), await getFreePort()];
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DEV_IDP_PORT: String(idpPort),
    CATALOG_METADATA_PORT: String(metadataPort),
    CATALOG_SEARCH_PORT: String(searchPort),
    DATA_DIR: dataDir,
    CATALOG_DEMO_TABLES: '300',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await waitForReady(baseUrl, child, () => output, 60_000);
  process.env.NANSEN_E2E_BASE_URL = baseUrl;
  process.env.NANSEN_E2E_IDP_ORIGIN = `http://localhost:${idpPort}`;

  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(path.join('test-results', 'server.log'), output);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
