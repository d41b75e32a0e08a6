import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../http/logger';
import { getFreePort } from '../testing/free-port';
import { createUpstreamHttp } from '../upstream/upstream-http';
import { checkServicesAtStart, failureInWords, type CheckedService } from './check-services';

const servers: http.Server[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A service on a free port answering its /healthcheck with `status` (after `delayMs`); the paths it was asked. */
async function startService(status: number, delayMs = 0): Promise<{ url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    setTimeout(() => res.writeHead(status).end('{}'), delayMs);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`, paths };
}

/** The service as main.ts checks it: through the real upstream client. */
function service(setting: CheckedService['setting'], url: string): CheckedService {
  const upstream = createUpstreamHttp({ name: 'metadata service', baseUrl: url, timeoutMs: 5000, logger: createMemoryLogger() });
  closers.push(() => upstream.close());
  return { setting, name: setting === 'METADATA_URL' ? 'metadata service' : 'search service', url, healthcheck: (ms) => upstream.healthcheck(ms) };
}

describe('checkServicesAtStart', () => {
  it('says nothing when both services answer their /healthcheck', async () => {
    const [metadata, search] = [await startService(200), await startService(204)];
    expect(await checkServicesAtStart([service('METADATA_URL', metadata.url), service('SEARCH_URL', search.url)])).toEqual([]);
    expect(metadata.paths).toEqual(['/metadata/healthcheck']);
  });

  it('names the setting, the URL and "nothing is listening" for a refused connection, and what to check', async () => {
    const url = `http://127.0.0.1:${await getFreePort()}`;
    expect(await checkServicesAtStart([service('SEARCH_URL', url)])).toEqual([
      `The search service at SEARCH_URL (${url}/) did not answer GET /healthcheck: nothing is listening there (ECONNREFUSED). `
      + 'Pages that need it fail until it does: check that SEARCH_URL is right, that the service is running, and that this machine reaches it (DNS, firewall, proxy). '
      + 'Nansen starts anyway; /readyz answers 503 until it answers.',
    ]);
  });

  it('tells an HTTP error and a service that does not answer in time, one warning each', async () => {
    const [failing, slow] = [await startService(503), await startService(200, 2000)];
    const warnings = await checkServicesAtStart([service('METADATA_URL', failing.url), service('SEARCH_URL', slow.url)], 200);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`The metadata service at METADATA_URL (${failing.url}) did not answer GET /healthcheck: it answered HTTP 503.`);
    expect(warnings[1]).toMatch(/^The search service at SEARCH_URL \(http:\/\/127\.0\.0\.1:\d+\/metadata\) did not answer GET \/healthcheck: (no answer within 200 ms|it did not answer in time \(UND_ERR_HEADERS_TIMEOUT\))\./);
  });

  it('hides a password in the URL', async () => {
    const url = `http://nansen:hunter2@127.0.0.1:${await getFreePort()}/`;
    const [warning] = await checkServicesAtStart([service('METADATA_URL', url)]);
    expect(warning).toContain('(http://nansen:***@127.0.0.1:');
    expect(warning).not.toContain('hunter2');
  });
});

describe('failureInWords', () => {
  it('words the usual network codes, keeps an unknown code, and says little of anything else', () => {
    expect(failureInWords(Object.assign(new Error('x'), { code: 'ENOTFOUND' }), 1000)).toBe('its host name does not resolve (ENOTFOUND)');
    expect(failureInWords(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } }), 1000)).toBe('it closed the connection (ECONNRESET)');
    expect(failureInWords(Object.assign(new Error('x'), { code: 'EWHATEVER' }), 1000)).toBe('it could not be reached (EWHATEVER)');
    expect(failureInWords(new Error('secret text from somewhere'), 1000)).toBe('it could not be reached');
  });
});
