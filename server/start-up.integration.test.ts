// `npm start` (server/main.ts, on free ports) when something is off: a port already in use stops it
// with one line and no stack trace; an identity provider that cannot be reached, or a mistyped
// setting, is warned about while it keeps starting.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from './testing/free-port';

const ROOT = path.resolve(import.meta.dirname, '..');
const STACK_LINE = /\n\s+at /;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * Starts server/main.ts with `env` over free ports and a fresh DATA_DIR; resolves when it exits or
 * its output holds `until` (then it is killed), with the exit code (null when killed) and the output.
 */
async function startNansen(env: Record<string, string>, until = 'Nansen is ready'): Promise<{ code: number | null; output: string }> {
  const [port, idpPort, metadataPort, searchPort] = await Promise.all([getFreePort(), getFreePort(), getFreePort(), getFreePort()]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-start-up-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, CATALOG_DEMO_TABLES: '5',
      PORT: String(port), PUBLIC_URL: `http://localhost:${port}`, DEV_IDP_PORT: String(idpPort),
      CATALOG_METADATA_PORT: String(metadataPort), CATALOG_SEARCH_PORT: String(searchPort), ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  let output = '';
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const collect = (d: Buffer) => {
      output += d.toString();
      if (output.includes(until)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: output.includes(until) ? null : code, output });
    });
  });
}

/** A listener on a free loopback port, closed after the test. */
async function occupyPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  return (server.address() as { port: number }).port;
}

describe('start-up', { timeout: 120_000 }, () => {
  it.each([['PORT'], ['CATALOG_METADATA_PORT'], ['DEV_IDP_PORT']])('a port in use (%s) stops Nansen with exit 1 and one line naming it, without a stack trace', async (setting) => {
    const busy = await occupyPort();
    const { code, output } = await startNansen({ [setting]: String(busy) });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${busy} (${setting}) is already in use: stop whatever uses it, or choose another port with the setting shown in the README.`);
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toContain('Nansen is ready');
  });

  it('warns, naming OIDC_ISSUER and what to check, when the provider cannot be reached, and starts anyway', async () => {
    const issuer = `http://127.0.0.1:${await getFreePort()}`;
    const { code, output } = await startNansen({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 'secret' });
    expect(code).toBeNull();
    const warning = output.indexOf(`The identity provider's discovery document ${issuer}/.well-known/openid-configuration could not be fetched: cannot connect (ECONNREFUSED).`);
    expect(warning).toBeGreaterThan(-1);
    expect(output).toContain(`check that OIDC_ISSUER (${issuer}) is your provider's issuer URL`);
    expect(warning).toBeLessThan(output.indexOf('Nansen is ready'));
  });

  it('says nothing of the provider when it answers (here the development provider)', async () => {
    const { code, output } = await startNansen({});
    expect(code).toBeNull();
    expect(output).not.toContain('discovery document');
    expect(output).not.toContain('no such setting');
  });

  it('warns about a mistyped setting with the name it was meant to be, and starts', async () => {
    const { code, output } = await startNansen({ OIDC_ISSUER_URL: 'https://login.example.com' });
    expect(code).toBeNull();
    expect(output).toContain('OIDC_ISSUER_URL is set but Nansen has no such setting, so it is ignored: did you mean OIDC_ISSUER?');
    expect(output.indexOf('OIDC_ISSUER_URL is set')).toBeLessThan(output.indexOf('development identity provider at'));
  });

  it('adds mistyped settings to the list of bad settings when it cannot start', async () => {
    const { code, output } = await startNansen({ OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_SECRET: 'secret', OIDC_CLIENTID: 'nansen' });
    expect(code).toBe(78);
    expect(output).toContain('OIDC_CLIENT_ID (or FLASK_OIDC_CLIENT_ID) is required when OIDC_ISSUER is set');
    expect(output).toContain('  (also: OIDC_CLIENTID is set but Nansen has no such setting, so it is ignored: did you mean OIDC_CLIENT_ID?)');
  });
});
