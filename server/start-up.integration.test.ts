// `npm start` (server/main.ts, on free ports) when something is off: a port already in use stops it
// with one line and no stack trace; an identity provider that cannot be reached, or a mistyped
// setting, is warned about while it keeps starting.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevIdp } from './dev-idp/start-dev-idp';
import { getFreePort } from './testing/free-port';
import { startRedis } from './testing/start-redis';

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
      PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dataDir,
      // The embedded catalog's demo data: refused with METADATA_URL, which runs none.
      ...(env.METADATA_URL === undefined ? { CATALOG_DEMO_TABLES: '5' } : {}),
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

  // It said nothing, /readyz said ready, and every /login answered "Cannot reach the login service".
  it('warns, naming both issuers and the fix, when OIDC_ISSUER is not the issuer the provider declares (127.0.0.1 for localhost)', async () => {
    const idp = await startDevIdp({
      mode: 'test', port: 0,
      client: { clientId: 'nansen', clientSecret: 'secret', redirectUris: ['http://localhost:1/auth'], postLogoutRedirectUris: ['http://localhost:1/logged-out'] },
      accessTokenAudience: 'nansen-catalog',
    });
    cleanups.push(() => void idp.close());
    const written = idp.issuer.replace('localhost', '127.0.0.1');
    const { code, output } = await startNansen({ OIDC_ISSUER: written, OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 'secret' });
    expect(code).toBeNull();
    const warning = output.indexOf(`OIDC_ISSUER is ${written}, but the provider says its issuer is ${idp.issuer}; set OIDC_ISSUER to exactly that.`);
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(output.indexOf('Nansen is ready'));
    expect(output).not.toContain('could not be fetched');
  });

  it('warns that a web page answering at the issuer is no provider, naming OIDC_ISSUER', async () => {
    const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Welcome</title>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => site.close());
    const issuer = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const { code, output } = await startNansen({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 'secret' });
    expect(code).toBeNull();
    expect(output).toContain(`The identity provider's discovery document ${issuer}/.well-known/openid-configuration answered HTTP 200, but not with a discovery document`);
    expect(output).toContain(`check that OIDC_ISSUER (${issuer}) is your provider's issuer URL`);
  });

  // It started, printing the password in the provider warning.
  it('refuses an OIDC_ISSUER holding a user name and password (exit 78), naming the setting with the password hidden', async () => {
    const { code, output } = await startNansen({ OIDC_ISSUER: 'https://user:pw123@idp.invalid', OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 'secret' });
    expect(code).toBe(78);
    expect(output).toContain('OIDC_ISSUER must not hold a user name or password');
    expect(output).toContain('it is "https://user:***@idp.invalid/"');
    expect(output).not.toContain('pw123');
    expect(output).not.toContain('Nansen is ready');
  });

  it('names the http issuer it refuses', async () => {
    const { code, output } = await startNansen({ OIDC_ISSUER: 'http://idp.example.com/realms/main', OIDC_CLIENT_ID: 'nansen', OIDC_CLIENT_SECRET: 'secret' });
    expect(code).toBe(78);
    expect(output).toContain('OIDC_ISSUER must use https (plain http is only allowed for localhost issuers); it is "http://idp.example.com/realms/main"');
  });

  // It said "Nansen is ready" and nothing else: the first page failed.
  it('warns, naming METADATA_URL and SEARCH_URL, when the services cannot be reached, and starts anyway', async () => {
    const [metadataUrl, searchUrl] = [`http://127.0.0.1:${await getFreePort()}`, `http://127.0.0.1:${await getFreePort()}`];
    const { code, output } = await startNansen({ METADATA_URL: metadataUrl, SEARCH_URL: searchUrl });
    expect(code).toBeNull();
    const metadata = output.indexOf(`The metadata service at METADATA_URL (${metadataUrl}/) did not answer GET /healthcheck: nothing is listening there (ECONNREFUSED).`);
    const search = output.indexOf(`The search service at SEARCH_URL (${searchUrl}/) did not answer GET /healthcheck: nothing is listening there (ECONNREFUSED).`);
    expect(metadata).toBeGreaterThan(-1);
    expect(search).toBeGreaterThan(-1);
    expect(search).toBeLessThan(output.indexOf('Nansen is ready'));
    expect(output).not.toMatch(STACK_LINE);
  });

  it('says nothing of the provider when it answers (here the development provider)', async () => {
    const { code, output } = await startNansen({});
    expect(code).toBeNull();
    expect(output).not.toContain('discovery document');
    expect(output).not.toContain('no such setting');
    expect(output).not.toContain('did not answer GET /healthcheck');
  });

  it('names the session store it uses: the SQLite file by default, Redis at REDIS_URL with its password hidden', async () => {
    const sqlite = await startNansen({});
    expect(sqlite.output).toMatch(/ info sessions: in the SQLite file \/\S+\/sessions\.sqlite \(SESSION_STORE=sqlite; on this machine only\)\n/);
    const redis = await startRedis({ password: 'hunter2' });
    cleanups.push(() => void redis.stop());
    const { code, output } = await startNansen({ SESSION_STORE: 'redis', REDIS_URL: redis.url });
    expect(code).toBeNull();
    expect(output).toMatch(new RegExp(` info sessions: in Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${new URL(redis.url).port} \\(SESSION_STORE=redis; shared by every instance that uses it\\)\\n`));
    expect(output).not.toContain('hunter2');
  });

  it('warns about a mistyped setting with the name it was meant to be, and starts', async () => {
    const { code, output } = await startNansen({ OIDC_ISSUER_URL: 'https://login.example.com' });
    expect(code).toBeNull();
    expect(output).toContain('OIDC_ISSUER_URL is set but Nansen has no such setting, so it is ignored: did you mean OIDC_ISSUER?');
    expect(output.indexOf('OIDC_ISSUER_URL is set')).toBeLessThan(output.indexOf('development identity provider at'));
  });

  // docs/operations.md promises one JSON object per line with LOG_FORMAT=json; the catalog's lines
  // ("[catalog] 2026-… info catalog: demo catalog: building indexes…") and oidc-provider's warning were text.
  it('with LOG_FORMAT=json writes every line as a JSON object, the catalog\'s marked as its own', async () => {
    const { code, output } = await startNansen({ LOG_FORMAT: 'json' });
    expect(code).toBeNull();
    const lines = output.trimEnd().split('\n').map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
    expect(lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ level: 'info', source: 'catalog', msg: expect.stringMatching(/^catalog: demo catalog: /) }),
      expect.objectContaining({ level: 'info', msg: expect.stringMatching(/^Nansen is ready/) }),
    ]));
    for (const line of lines) expect(line).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
  });

  it('with LOG_FORMAT=json reports bad settings as JSON lines too, one a setting', async () => {
    const { code, output } = await startNansen({ LOG_FORMAT: 'json', PORT: 'abc', OIDC_ISSUER_URL: 'https://login.example.com' });
    expect(code).toBe(78);
    expect(output.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'error', msg: 'Nansen cannot start; fix this setting: PORT must be a port number (1-65535); it is "abc"' }),
      expect.objectContaining({ level: 'warn', msg: 'OIDC_ISSUER_URL is set but Nansen has no such setting, so it is ignored: did you mean OIDC_ISSUER?' }),
    ]);
  });

  // It printed "error Nansen could not start — Error: Cannot connect to Redis… at createRedisSessionStores (…)".
  it('an unreachable Redis stops Nansen with exit 1 and one line naming REDIS_URL without its password, without a stack trace', async () => {
    const port = await getFreePort();
    const { code, output } = await startNansen({ SESSION_STORE: 'redis', REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`error Nansen could not start: Cannot connect to Redis at REDIS_URL \\(redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}\\): .*ECONNREFUSED.*\\. Check REDIS_URL `));
    expect(output).not.toContain('hunter2');
    expect(output).not.toMatch(STACK_LINE);
  });

  // Each came after the development provider, the embedded catalog and its demo data had started, below many [catalog] lines.
  it.each([
    ['PORT in use', async () => ({ PORT: String(await occupyPort()) }), /Nansen could not start: Port \d+ \(PORT\) is already in use/],
    ['a HOST of another machine', async () => ({ HOST: '192.0.2.1' }), /Nansen could not start: HOST \(192\.0\.2\.1\) is not an address of this machine/],
    ['Redis unreachable', async () => ({ SESSION_STORE: 'redis', REDIS_URL: `redis://127.0.0.1:${await getFreePort()}` }), /Nansen could not start: Cannot connect to Redis at REDIS_URL/],
  ])('stops before starting the development provider and the catalog: %s', async (_what, env, line) => {
    const { code, output } = await startNansen(await env());
    expect(code).toBe(1);
    expect(output).toMatch(line);
    expect(output).not.toContain('development identity provider at');
    expect(output).not.toContain('catalog');
  });

  // It said "The embedded catalog could not start: getaddrinfo ENOTFOUND example.com".
  it.each([['a name that does not resolve', 'nansen-start-up-test.invalid'], ['another machine\'s address', '192.0.2.1']])(
    'a CATALOG_HOST that is not this machine\'s (%s) stops Nansen with one line naming it and what it must be',
    async (_what, host) => {
      const { code, output } = await startNansen({ CATALOG_HOST: host });
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`Nansen could not start: The embedded catalog could not start: CATALOG_HOST \\(${host.replace(/\./g, '\\.')}\\) is not an address of this machine \\([A-Z_]+\\): Nansen listens there, so it must be a local address`));
      expect(output).not.toMatch(STACK_LINE);
    },
  );

  it('a HOST that is not this machine\'s stops Nansen with one line naming HOST', async () => {
    const { code, output } = await startNansen({ HOST: '192.0.2.1' });
    expect(code).toBe(1);
    expect(output).toMatch(/Nansen could not start: HOST \(192\.0\.2\.1\) is not an address of this machine \(EADDRNOTAVAIL\): Nansen listens there, so it must be a local address/);
    expect(output).not.toMatch(STACK_LINE);
  });

  // DEV_IDP_PORT equal to PORT said "Port 5300 (PORT) is already in use: stop whatever uses it" — Nansen itself used it.
  it('two of its own settings on one port stop it before anything starts, naming both', async () => {
    const port = String(await getFreePort());
    const { code, output } = await startNansen({ PORT: port, DEV_IDP_PORT: port });
    expect(code).toBe(78);
    expect(output).toContain(`DEV_IDP_PORT and PORT are both ${port}: Nansen listens on each of them, so they must differ`);
    expect(output).not.toContain('already in use');
  });

  it('adds mistyped settings to the list of bad settings when it cannot start', async () => {
    const { code, output } = await startNansen({ OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_SECRET: 'secret', OIDC_CLIENTID: 'nansen' });
    expect(code).toBe(78);
    expect(output).toContain('OIDC_CLIENT_ID (or FLASK_OIDC_CLIENT_ID) is required when OIDC_ISSUER is set');
    expect(output).toContain('  (also: OIDC_CLIENTID is set but Nansen has no such setting, so it is ignored: did you mean OIDC_CLIENT_ID?)');
  });
});
