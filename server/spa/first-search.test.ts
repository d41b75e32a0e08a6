// The first search answer in the /search page: what is searched (the SPA's own first requests), how it is
// written (a data block nothing can break out of), and that the page is served without it whenever the
// search is refused, fails, is rate limited or is late.
import * as v from 'valibot';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SearchRequest, SearchResponse, TableSearchResult } from '../../contract/api-search';
import { FIRST_SEARCH_ELEMENT_ID, FirstSearchSchema } from '../../contract/first-search';
import { toClientConfig, UiConfigFileSchema, type ClientConfig } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { NotFoundError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { createRateLimitCounter } from '../http/rate-limit';
import { createUpstreamHttp } from '../upstream/upstream-http';
// The page's own composition of the shared mapping (client/features/search re-exports these).
import { buildSearchRequest, parseSearchState, planSearch } from '../../contract/search-url';
import { createFirstSearch, firstSearchRequests, type FirstSearchDeps } from './first-search';
import { createSpaPageRoutes } from './serve-spa';

const configWith = (indexUsers: boolean) =>
  toClientConfig(v.parse(UiConfigFileSchema, { searchPagination: { resultsPerPage: 7 } }), { providerName: 'Test IdP', indexUsers, indexDashboards: true, logoUrl: null });
const CONFIG = configWith(true);
const USER = normalizeUser({ email: 'liv@example.org', full_name: 'Liv Arnesen' })!;
const HOSTILE_TERM = `</script><script>alert(1)</script> \u2028\u2029 <!-- $& $'`;

const answerFor = (body: SearchRequest): SearchResponse => ({
  search_term: body.searchTerm,
  msg: 'Success',
  table: { page_index: body.pageIndex ?? 0, total_results: 1, results: [] },
});

const TABLE: TableSearchResult = {
  type: 'table', key: 'hive://gold.sales/orders', name: 'orders', cluster: 'gold', database: 'hive', schema: 'sales', description: null,
  badges: [], tags: [], search_score: 1, highlight: { name: ['<em>orders</em>'] },
};

function readBlock(html: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${FIRST_SEARCH_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
}

describe('firstSearchRequests', () => {
  it("is what the SPA's search page asks for first, from the same URL", () => {
    const urls = [
      '/search?term=orders',
      '/search?term=orders&resource=dashboard&page=3',
      `/search?term=x&filters=${encodeURIComponent(JSON.stringify({ schema: { value: ' core , sales ' }, tag: { value: 'pii', filterOperation: 'AND' } }))}`,
      '/search?term=%20orders%20&index=2&resource=nonsense',
    ];
    for (const url of urls) {
      const plan = planSearch(parseSearchState(new URL(url, 'http://x').searchParams), CONFIG);
      const spa = [...new Set([plan.overview, plan.page])].filter((i) => i !== null).map(buildSearchRequest);
      expect(firstSearchRequests({ originalUrl: url }, CONFIG)).toEqual(spa);
      expect(spa.length).toBeGreaterThan(0);
    }
    expect(firstSearchRequests({ originalUrl: '/search?term=orders' }, CONFIG)[0]).toMatchObject({ searchTerm: 'orders', resultsPerPage: 7, pageIndex: 0 });
  });

  it('searches filters typed in the term as filters, as the SPA does once it has moved them into the URL (decision 072)', () => {
    const typed = `/search?term=${encodeURIComponent('schema:sales tag:"my tag" orders')}`;
    const moved = `/search?term=orders&filters=${encodeURIComponent(JSON.stringify({ schema: { value: 'sales' }, tag: { value: 'my tag' } }))}`;
    expect(firstSearchRequests({ originalUrl: typed }, CONFIG)).toEqual(firstSearchRequests({ originalUrl: moved }, CONFIG));
    const [page] = firstSearchRequests({ originalUrl: '/search?term=tag:pii' }, CONFIG);
    expect(firstSearchRequests({ originalUrl: '/search?term=tag:pii' }, CONFIG)).toHaveLength(1);
    expect(page).toMatchObject({ searchTerm: '', resources: ['table'], filters: { table: { tag: { value: 'pii', filterOperation: 'OR' } } } });
    // Anything else stays as words, as in the SPA.
    expect(firstSearchRequests({ originalUrl: '/search?term=foo:bar' }, CONFIG)[0]).toMatchObject({ searchTerm: 'foo:bar', filters: {} });
  });

  it('searches a filter of another tab typed in the term (`group:sales`) on that tab, as the SPA opens it', () => {
    const moved = `/search?term=kpi&resource=dashboard&filters=${encodeURIComponent(JSON.stringify({ group_name: { value: 'sales' } }))}`;
    const typed = firstSearchRequests({ originalUrl: '/search?term=group:sales%20kpi' }, CONFIG);
    expect(typed).toEqual(firstSearchRequests({ originalUrl: moved }, CONFIG));
    expect(typed.at(-1)).toMatchObject({ searchTerm: 'kpi', resources: ['dashboard'], filters: { dashboard: { group_name: { value: 'sales' } } } });
  });

  it('asks for nothing without a term, or for people when people are not indexed', () => {
    expect(firstSearchRequests({ originalUrl: '/search' }, CONFIG)).toEqual([]);
    expect(firstSearchRequests({ originalUrl: '/search?term=%20%20' }, CONFIG)).toEqual([]);
    expect(firstSearchRequests({ originalUrl: '/search?term=liv&resource=user' }, configWith(false))).toEqual([]);
    expect(firstSearchRequests({ originalUrl: '/search?term=liv&resource=user' }, CONFIG)).not.toEqual([]);
  });
});

describe('the /search page with its first search', () => {
  let dist: string;
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-first-search-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Nansen</title><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>');
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  function appWith(deps: Partial<FirstSearchDeps> & { clientConfig?: ClientConfig } = {}) {
    const logger = createMemoryLogger();
    const calls: SearchRequest[] = [];
    const runSearch = deps.runSearch ?? (async (_req: Request, body: SearchRequest) => answerFor(body));
    const clientConfig = deps.clientConfig ?? CONFIG;
    const firstSearch = createFirstSearch({
      ...deps, clientConfig, logger,
      runSearch: (req, body) => {
        calls.push(body);
        return runSearch(req, body);
      },
    });
    const app = express();
    app.use((req, _res, next) => {
      Object.assign(req, { session: { user: USER }, sessionID: 'session-1' });
      next();
    });
    app.use(createSpaPageRoutes(dist, { clientConfig, firstSearch }));
    return { app, calls, logger };
  }

  it('writes the answers with the requests they answer into the body, after the head', async () => {
    const { app, calls } = appWith();
    const res = await request(app).get('/search?term=orders');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const block = v.parse(FirstSearchSchema, readBlock(res.text));
    expect(block.answers).toEqual(calls.map((body) => ({ request: body, response: answerFor(body) })));
    expect(calls).toEqual(firstSearchRequests({ originalUrl: '/search?term=orders' }, CONFIG));
    expect(res.text.indexOf(FIRST_SEARCH_ELEMENT_ID)).toBeGreaterThan(res.text.indexOf('</head>'));
    expect(res.text).toMatch(/<\/script><\/body><\/html>$/);
  });

  it('sends the head before the search has answered, and the rest once it has', async () => {
    let answer: () => void = () => {};
    const { app } = appWith({ runSearch: (_req, body) => new Promise((resolve) => (answer = () => resolve(answerFor(body)))) });
    const server = app.listen(0);
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/search?term=orders`);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('</head>')) text += decoder.decode((await reader.read()).value, { stream: true });
      expect(text).toContain('<script type="module" src="/assets/index.js"></script>');
      expect(text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
      answer();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
      expect(readBlock(text)).toBeDefined();
      expect(text).toMatch(/<\/html>$/);
    } finally {
      server.close();
    }
  });

  it('draws the first results into #root, busy, with the page styles before it (decision 023)', async () => {
    const { app } = appWith({ runSearch: async (_req, body) => ({ ...answerFor(body), table: { page_index: 0, total_results: 1, results: [TABLE] } }) });
    const res = await request(app).get('/search?term=orders');
    const root = res.text.slice(res.text.indexOf('<div id="root">'));
    expect(root).toMatch(/^<div id="root"><div data-first-results-preview="" aria-busy="true">/);
    expect(root).toContain('<h2 class="search-results__heading">1 table</h2>');
    expect(root).toContain('<a href="/table_detail/gold/hive/sales/orders">sales.<wbr><mark>orders</mark></a>');
    // The data block still follows, for the app.
    expect(res.text.indexOf(FIRST_SEARCH_ELEMENT_ID)).toBeGreaterThan(res.text.indexOf('data-first-results-preview'));
  });

  it('answers a term of typed filters (`tag:pii`) with the filtered search, block and preview, never the words', async () => {
    const { app, calls } = appWith({ runSearch: async (_req, body) => ({ ...answerFor(body), table: { page_index: 0, total_results: 1, results: [TABLE] } }) });
    const res = await request(app).get('/search?term=tag:pii');
    expect(calls).toEqual([expect.objectContaining({ searchTerm: '', filters: { table: { tag: { value: 'pii', filterOperation: 'OR' } } } })]);
    expect(v.parse(FirstSearchSchema, readBlock(res.text)).answers.map((a) => a.request)).toEqual(calls);
    const root = res.text.slice(res.text.indexOf('<div id="root">'));
    expect(root).toContain('matching the filters');
    expect(root).not.toContain('tag:pii');
  });

  it('draws nothing into #root without a term, for another page, over the budget or with a budget of 0', async () => {
    expect((await request(appWith().app).get('/search')).text).toContain('<div id="root"></div>');
    expect((await request(appWith().app).get('/search?term=%20')).text).toContain('<div id="root"></div>');
    expect((await request(appWith().app).get('/browse?term=orders')).text).toContain('<div id="root"></div>');
    expect((await request(appWith({ budgetMs: 0 }).app).get('/search?term=orders')).text).toContain('<div id="root"></div>');
    const late = appWith({ budgetMs: 20, runSearch: () => new Promise(() => {}) });
    const latePage = (await request(late.app).get('/search?term=orders')).text;
    expect(latePage).toContain('<div id="root"></div>');
    expect(latePage).not.toContain('data-first-results-preview');
  });

  it('writes no other page, and nothing for HEAD', async () => {
    const { app, calls } = appWith();
    expect((await request(app).get('/browse?term=orders')).text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
    expect((await request(app).head('/search?term=orders')).status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('cannot be broken out of by a term: <, U+2028 and U+2029 are escaped', async () => {
    const { app } = appWith();
    const res = await request(app).get(`/search?term=${encodeURIComponent(HOSTILE_TERM)}`);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<!--');
    // Inside the data block: U+2028 and U+2029 escaped (in the HTML preview's text they are only text).
    expect(res.text.slice(res.text.indexOf(`id="${FIRST_SEARCH_ELEMENT_ID}"`))).not.toMatch(/[\u2028\u2029]/);
    // The head's entry script, the shell's data block and this data block: no other end tag.
    expect(res.text.match(/<\/script>/g)).toHaveLength(3);
    const block = v.parse(FirstSearchSchema, readBlock(res.text));
    expect(block.answers[0]!.response.search_term).toBe(HOSTILE_TERM.trim());
  });

  it('searches nothing and writes nothing for people when people are not indexed; the page is served', async () => {
    const { app, calls } = appWith({ clientConfig: configWith(false) });
    const res = await request(app).get('/search?term=liv&resource=user');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
    expect(calls).toEqual([]);
  });

  it('serves the page without it when the search fails (a warning, no details in the page) or is refused', async () => {
    const failing = appWith({ runSearch: async () => Promise.reject(new Error('search service down: token=secret-abc')) });
    const res = await request(failing.app).get('/search?term=orders');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
    expect(res.text).not.toMatch(/secret-abc|service down|at .*\.ts/);
    expect(failing.logger.lines.join('\n')).toMatch(/warn .*first search failed/);

    const refused = appWith({ runSearch: async () => Promise.reject(new NotFoundError('People are not indexed', 'users_not_indexed')) });
    const refusedPage = await request(refused.app).get('/search?term=orders');
    expect(refusedPage.status).toBe(200);
    expect(refusedPage.text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
  });

  it('logs a search service that did not answer in time as one line, without a stack (text and JSON)', async () => {
    // A real upstream client against a search service that answers too late.
    const slow = http.createServer(() => undefined); // never answers
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const upstream = createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, timeoutMs: 100, logger: createMemoryLogger() });
    try {
      for (const format of ['text', 'json'] as const) {
        const { app, logger } = appWith({ budgetMs: 2000, runSearch: (_req, body) => upstream.call({ method: 'POST', path: '/v2/search', token: 't', body, schema: z.any() }) });
        Object.assign(logger, createMemoryLogger({ format }));
        const res = await request(app).get('/search?term=orders');
        expect(res.status).toBe(200);
        const lines = (logger as unknown as { lines: string[] }).lines.filter((l) => l.includes('first search failed'));
        expect(lines, format).toHaveLength(1);
        expect(lines[0], format).toContain('UpstreamError: The search service did not answer within 100 ms');
        expect(lines[0], format).not.toMatch(/\n|\bat \w+ \(|"stack"/);
      }
    } finally {
      await upstream.close();
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });

  it('serves the page without it when the search has not answered within the budget', async () => {
    const { app } = appWith({ budgetMs: 30, runSearch: () => new Promise(() => {}) });
    const started = Date.now();
    const res = await request(app).get('/search?term=orders');
    expect(res.status).toBe(200);
    expect(res.text).toContain('</html>');
    expect(res.text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('searches nothing for the page with a budget of 0 (FIRST_SEARCH_BUDGET_MS=0: off)', async () => {
    const { app, calls } = appWith({ budgetMs: 0 });
    const res = await request(app).get('/search?term=orders');
    expect(res.status).toBe(200);
    expect(res.text).toContain('</html>');
    expect(res.text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
    expect(calls).toEqual([]);
  });

  it('counts against the search rate limit, and is skipped once over it', async () => {
    const rateLimit = createRateLimitCounter({ name: 'search', perSession: 1, perIp: 0 });
    const { app, calls } = appWith({ rateLimit });
    expect((await request(app).get('/search?term=orders')).text).toContain(FIRST_SEARCH_ELEMENT_ID);
    const limited = await request(app).get('/search?term=orders');
    expect(limited.status).toBe(200);
    expect(limited.text).not.toContain(FIRST_SEARCH_ELEMENT_ID);
    expect(calls).toHaveLength(1);
    // And the API's own searches are counted by the same counter: over the limit too.
    expect(rateLimit.take({ session: { user: USER }, sessionID: 'session-1', ip: '127.0.0.1' } as unknown as Request)).not.toBeNull();
  });
});
