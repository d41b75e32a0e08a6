import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryLogger } from '../http/logger';
import { runReadinessChecks, upstreamCheck } from '../http/readiness';
import { checkServicesAtStart } from '../start-up/check-services';
import { openCatalog, type Catalog } from '../catalog/create-catalog';
import { checkHealthcheckBody, kindOfBody } from './healthcheck-answer';
import { createUpstreamHttp } from './upstream-http';

const NGINX_PAGE = '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n';

/** Every path answers `body` with 200 and `type`, as an ingress default page does. */
async function startFake(body: string, type: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': type }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe('a search service URL that answers an HTML page on every path', () => {
  let fake: Awaited<ReturnType<typeof startFake>>;
  let amundsen: Awaited<ReturnType<typeof startFake>>;
  beforeAll(async () => {
    fake = await startFake(NGINX_PAGE, 'text/html');
    // Amundsen's own answer (API.md §3): JSON, 200.
    amundsen = await startFake(JSON.stringify({ status: 'ok', checks: { 'ElasticsearchProxyV2_1:connection': { status: 'green' } } }), 'application/json');
  });
  afterAll(async () => {
    await fake.close();
    await amundsen.close();
  });

  const client = (url: string, logger = createMemoryLogger()) =>
    createUpstreamHttp({ name: 'search service', setting: 'SEARCH_URL', baseUrl: url, timeoutMs: 2000, logger });

  it('fails /readyz saying it answered HTML, not JSON, and which setting to check', async () => {
    const search = client(fake.url);
    try {
      const states = await runReadinessChecks([upstreamCheck('search', search)]);
      expect(states.search).toMatchObject({ status: 'failed', message: 'answered HTML, not JSON: check that SEARCH_URL points at the search service' });
    } finally {
      await search.close();
    }
  });

  it('warns at start-up, naming the setting and what answered', async () => {
    const search = client(fake.url);
    try {
      const warnings = await checkServicesAtStart([{ setting: 'SEARCH_URL', name: 'search service', url: fake.url, healthcheck: (ms) => search.healthcheck(ms) }]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`The search service at SEARCH_URL (${fake.url}/) answered GET /healthcheck with HTML, not JSON`);
      expect(warnings[0]).toContain('Check that SEARCH_URL points at the search service.');
    } finally {
      await search.close();
    }
  });

  it('tells the user the service is unavailable or misconfigured, not to try again, and logs what answered', async () => {
    const logger = createMemoryLogger();
    const search = client(fake.url, logger);
    try {
      const failure = await search.call({ method: 'POST', path: '/v2/search', token: 't', body: {}, schema: z.object({}) }).catch((err: unknown) => err);
      expect(failure).toMatchObject({ status: 502, code: 'upstream_failed' });
      const message = (failure as Error).message;
      expect(message).toBe('The search service answered with a web page, not data: it is unavailable or Nansen is set up wrong. Tell whoever runs Nansen.');
      expect(message).not.toMatch(/try again/i);
      expect(logger.lines.join('\n')).toContain('search service POST /v2/search answered 200 with HTML, not JSON; check that SEARCH_URL points at the search service');
    } finally {
      await search.close();
    }
  });

  it('still passes a real Amundsen, whose /healthcheck answers JSON', async () => {
    const search = client(amundsen.url);
    try {
      expect((await runReadinessChecks([upstreamCheck('search', search)])).search).toMatchObject({ status: 'ok' });
      expect(await checkServicesAtStart([{ setting: 'SEARCH_URL', name: 'search service', url: amundsen.url, healthcheck: (ms) => search.healthcheck(ms) }])).toEqual([]);
    } finally {
      await search.close();
    }
  });
});

describe('checkHealthcheckBody', () => {
  it('passes JSON and an empty body, and names what came instead of JSON', () => {
    expect(() => checkHealthcheckBody('{"status":"ok"}', 'application/json', { service: 'metadata service' })).not.toThrow();
    expect(() => checkHealthcheckBody('', undefined, { service: 'metadata service' })).not.toThrow();
    expect(() => checkHealthcheckBody('ok', 'text/plain; charset=utf-8', { service: 'metadata service', setting: 'METADATA_URL' }))
      .toThrow('answered text/plain, not JSON: check that METADATA_URL points at the metadata service');
    expect(kindOfBody(undefined, '  <html>')).toBe('HTML');
    expect(kindOfBody('text/html; charset=utf-8', 'x')).toBe('HTML');
    expect(kindOfBody(undefined, 'hello')).toBe('text');
    expect(kindOfBody('application/json', 'oops')).toBe('text');
  });

  it('reads the content type in any case, and a body as a page only when it starts with "<"', () => {
    expect(kindOfBody('Text/HTML', 'Service down')).toBe('HTML');
    expect(kindOfBody('Text/Plain', 'ok')).toBe('text/plain');
    expect(kindOfBody('text/plain', 'a < b')).toBe('text/plain');
    expect(kindOfBody(undefined, 'a < b')).toBe('text');
  });

  it('names only a well-formed media type, else says "text"', () => {
    for (const type of ['text/plain junk', 'junk text/plain', 'text', 'text/', ' ; x']) expect(kindOfBody(type, 'ok'), type).toBe('text');
    expect(kindOfBody(' text/csv ; header=present', 'ok')).toBe('text/csv');
  });

  it('passes a body of white space only (nothing says it is another thing), and leaves the setting out when none is given', () => {
    expect(() => checkHealthcheckBody(' \r\n', 'text/html', { service: 'search service', setting: 'SEARCH_URL' })).not.toThrow();
    expect(() => checkHealthcheckBody('ok', 'text/plain', { service: 'search service' })).toThrow(/^answered text\/plain, not JSON$/);
  });
});

describe('METADATA_URL and SEARCH_URL swapped, in front of the embedded catalog', () => {
  let catalog: Catalog;
  const servers: http.Server[] = [];
  let metadataUrl: string;
  let searchUrl: string;
  beforeAll(async () => {
    catalog = openCatalog({ dbPath: ':memory:', demoTables: 0, authenticate: (_req, _res, next) => next() });
    const listen = async (app: http.RequestListener) => {
      const server = http.createServer(app);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      servers.push(server);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    metadataUrl = await listen(catalog.metadataApp);
    searchUrl = await listen(catalog.searchApp);
  });
  afterAll(async () => {
    for (const server of servers) await new Promise((r) => server.close(r));
    catalog?.close();
  });

  const clients = (metadata: string, search: string) => [
    createUpstreamHttp({ name: 'metadata service', setting: 'METADATA_URL', baseUrl: metadata, timeoutMs: 2000, logger: createMemoryLogger() }),
    createUpstreamHttp({ name: 'search service', setting: 'SEARCH_URL', baseUrl: search, timeoutMs: 2000, logger: createMemoryLogger() }),
  ] as const;

  it('answers its health checks in Amundsen\'s shape, each naming its service', async () => {
    expect(await (await fetch(`${metadataUrl}/healthcheck`)).json()).toEqual({ status: 'ok', service: 'metadata', checks: { 'SqliteProxy:connection': { ok: true } } });
    expect(await (await fetch(`${searchUrl}/healthcheck`)).json()).toEqual({ status: 'ok', service: 'search', checks: { 'SqliteFts5Proxy:connection': { ok: true } } });
  });

  it('fails /readyz and warns at start-up: "METADATA_URL points at a search service", and the other way round', async () => {
    const [metadata, search] = clients(searchUrl, metadataUrl);
    try {
      const states = await runReadinessChecks([upstreamCheck('metadata', metadata), upstreamCheck('search', search)]);
      expect(states.metadata).toMatchObject({ status: 'failed', message: expect.stringMatching(/^METADATA_URL points at a search service: /) });
      expect(states.search).toMatchObject({ status: 'failed', message: expect.stringMatching(/^SEARCH_URL points at a metadata service: /) });
      const warnings = await checkServicesAtStart([
        { setting: 'METADATA_URL', name: 'metadata service', url: searchUrl, healthcheck: (ms) => metadata.healthcheck(ms) },
        { setting: 'SEARCH_URL', name: 'search service', url: metadataUrl, healthcheck: (ms) => search.healthcheck(ms) },
      ]);
      expect(warnings).toEqual([
        expect.stringMatching(/^METADATA_URL points at a search service: .*METADATA_URL and SEARCH_URL may be swapped/),
        expect.stringMatching(/^SEARCH_URL points at a metadata service: /),
      ]);
    } finally {
      await metadata.close();
      await search.close();
    }
  });

  it('passes them set the right way round, and an answer that names no service (Amundsen\'s)', async () => {
    const [metadata, search] = clients(metadataUrl, searchUrl);
    try {
      const states = await runReadinessChecks([upstreamCheck('metadata', metadata), upstreamCheck('search', search)]);
      expect(states).toMatchObject({ metadata: { status: 'ok' }, search: { status: 'ok' } });
    } finally {
      await metadata.close();
      await search.close();
    }
    expect(() => checkHealthcheckBody('{"status":"ok","checks":{}}', 'application/json', { service: 'metadata service', setting: 'METADATA_URL' })).not.toThrow();
    expect(() => checkHealthcheckBody('{"status":"ok","service":"something-else"}', 'application/json', { service: 'metadata service', setting: 'METADATA_URL' })).not.toThrow();
  });
});
