// Bad input against the BFF's API (issue 14 §5): a table-driven fuzz with a fixed seed over every /api
// route, read and write, plus the fixed cases the issue names (a 5 MB body, huge headers, very long
// query strings). Every answer is a 4xx in the one error shape or a success — never a 5xx, never a
// dropped connection — and the BFF still answers after each batch. The real stack: the development
// OpenID provider, the embedded catalog and the BFF over HTTP on free ports.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../contract/bff-api';
import { encodePageUser, PAGE_USER_HEADER } from '../contract/page-user';
import { BACKCHANNEL_LOGOUT_PATH } from './auth/login-routes';
import type { BffBrowser } from './testing/bff-browser';
import { describeCase, fuzzCases, HOSTILE_STRINGS, type FuzzRoute } from './testing/fuzz-inputs';
import { sendRaw, type RawAnswer, type RawRequest } from './testing/raw-http';
import { startCurateStack, type CurateStack } from './testing/start-curate-stack';

const ORDERS = 'hive://gold.sales/orders';
const SEED = 20_261_206;
const CASES = 400;
const BATCH = 25;

/** Every route under /api with the query parameters it reads and a body it accepts. */
const ROUTES: readonly FuzzRoute[] = [
  { method: 'GET', path: '/auth_user' },
  { method: 'GET', path: '/config' },
  { method: 'GET', path: '/metadata/v0/popular_resources', query: ['user_id', 'types'] },
  { method: 'GET', path: '/metadata/v0/tags' },
  { method: 'GET', path: '/metadata/v0/badges' },
  { method: 'GET', path: '/metadata/v0/get_last_indexed' },
  { method: 'GET', path: '/metadata/v0/table', query: ['key', 'index', 'source'] },
  { method: 'GET', path: '/metadata/v0/dashboard', query: ['uri', 'index', 'source'] },
  { method: 'GET', path: '/metadata/v0/table/:key/dashboards' },
  { method: 'GET', path: '/metadata/v0/get_table_lineage', query: ['key', 'depth', 'direction'] },
  { method: 'GET', path: '/metadata/v0/get_column_lineage', query: ['key', 'column_name', 'depth', 'direction'] },
  { method: 'GET', path: '/metadata/v0/user', query: ['user_id'] },
  { method: 'GET', path: '/metadata/v0/user/bookmark', query: ['user_id'] },
  { method: 'GET', path: '/metadata/v0/user/own', query: ['user_id'] },
  { method: 'GET', path: '/metadata/v0/user/read', query: ['user_id'] },
  { method: 'GET', path: '/metadata/v0/edits', query: ['type', 'key', 'before', 'limit'] },
  { method: 'GET', path: '/metadata/v0/user/edits', query: ['user_id', 'before', 'limit'] },
  { method: 'GET', path: '/announcements/v0/' },
  { method: 'GET', path: '/no/such/route', query: ['key'] },
  { method: 'POST', path: '/search/v1/search', body: { searchTerm: 'orders', pageIndex: 0, resultsPerPage: 10, resources: ['table'], filters: {} } },
  { method: 'PUT', path: '/metadata/v0/put_table_description', body: { key: ORDERS, description: 'd', base: null } },
  { method: 'PUT', path: '/metadata/v0/put_column_description', body: { key: ORDERS, column_name: 'order_id', description: 'd', base: null } },
  { method: 'PUT', path: '/metadata/v0/put_type_metadata_description', body: { key: ORDERS, type_metadata_key: `${ORDERS}/x/type/x`, description: 'd', base: null } },
  { method: 'PUT', path: '/metadata/v0/update_table_owner', body: { key: ORDERS, owner: 'roald.amundsen@example.org' } },
  { method: 'DELETE', path: '/metadata/v0/update_table_owner', body: { key: ORDERS, owner: 'roald.amundsen@example.org' } },
  { method: 'PUT', path: '/metadata/v0/update_table_tags', body: { key: ORDERS, tag: 'fuzzed' } },
  { method: 'DELETE', path: '/metadata/v0/update_table_tags', body: { key: ORDERS, tag: 'fuzzed' } },
  { method: 'PUT', path: '/metadata/v0/update_dashboard_tags', body: { key: 'product_dashboard://gold.sales/x', tag: 'fuzzed' } },
  { method: 'DELETE', path: '/metadata/v0/update_dashboard_tags', body: { key: 'product_dashboard://gold.sales/x', tag: 'fuzzed' } },
  { method: 'PUT', path: '/metadata/v0/user/bookmark', body: { type: 'table', key: ORDERS } },
  { method: 'DELETE', path: '/metadata/v0/user/bookmark', body: { type: 'table', key: ORDERS } },
];

/** Node's HTTP parser refuses what is not HTTP before Express sees it: 400 or 431, no body, connection closed. */
const refusedByParser = (answer: RawAnswer) => (answer.status === 400 || answer.status === 431) && answer.text === '';

/** Why `answer` is not acceptable bad-input handling, or null when it is. */
function problemWith(answer: RawAnswer): string | null {
  if (answer.status === 0) return 'no answer (connection dropped)';
  if (answer.status >= 500) return 'a 5xx';
  if (answer.status < 400 || refusedByParser(answer)) return null;
  try {
    const parsed = v.safeParse(ApiErrorBodySchema, JSON.parse(answer.text));
    if (!parsed.success) return 'a 4xx not in the one error shape';
    if (parsed.output.error.message.trim().length < 10) return 'a 4xx without a clear message';
    return null;
  } catch {
    return 'a 4xx whose body is not JSON';
  }
}

describe('the BFF refuses bad input with a 4xx and stays up', () => {
  let stack: CurateStack<'main'>;
  let roald: BffBrowser;
  let port: number;
  let headers: Record<string, string>;
  const send = (request: RawRequest) => sendRaw(port, request);
  /** The BFF still answers: its health check, and a signed-in call. */
  const expectUp = async () => {
    expect((await send({ method: 'GET', path: '/healthcheck' })).status).toBe(200);
    expect((await send({ method: 'GET', path: '/api/auth_user', headers })).status).toBe(200);
  };

  beforeAll(async () => {
    stack = await startCurateStack({ catalog: { demoTables: 40 }, bffs: { main: {} } });
    roald = await stack.signIn('main', 'roald');
    port = Number(new URL(stack.bases.main).port);
    // As the SPA sends them: the writes name the page's user (page-user-guard.ts), so the fuzz reaches the parsers.
    headers = { cookie: roald.jar.headerFor(new URL(stack.bases.main))!, origin: stack.bases.main, [PAGE_USER_HEADER]: encodePageUser('roald.amundsen@example.org') };
  });
  afterAll(async () => {
    await stack?.close();
  });

  it(`answers ${CASES} fuzzed requests (seed ${SEED}) on every /api route with a 4xx in the one error shape or a success, never a 5xx`, async () => {
    const cases = fuzzCases(ROUTES, { seed: SEED, count: CASES, prefix: '/api', headers });
    const failures: string[] = [];
    let refused = 0;
    for (let start = 0; start < cases.length; start += BATCH) {
      for (const c of cases.slice(start, start + BATCH)) {
        const answer = await send(c.request);
        const problem = problemWith(answer);
        if (problem) failures.push(`${problem}: ${describeCase(c, answer)}`);
        if (answer.status >= 400 && answer.status < 500) refused++;
      }
      await expectUp();
    }
    expect(failures).toEqual([]);
    // The fuzz reached the parsers: most cases are bad input and were refused.
    expect(refused).toBeGreaterThan(CASES * 0.6);
    expect(stack.logger.lines.filter((line) => / → 5\d\d/.test(line))).toEqual([]);
  }, 300_000);

  it('answers a 5 MB JSON body on every write route with 413 body_too_large, and stays up', async () => {
    const huge = JSON.stringify({ key: ORDERS, description: 'x'.repeat(5 * 1024 * 1024), base: null });
    for (const route of ROUTES.filter((r) => r.method !== 'GET')) {
      const answer = await send({ method: route.method, path: `/api${route.path}`, headers: { ...headers, 'content-type': 'application/json' }, body: huge });
      expect.soft(answer.status, `${route.method} ${route.path}`).toBe(413);
      expect.soft(JSON.parse(answer.text), `${route.method} ${route.path}`).toEqual({
        // A description write may carry an imported text far over the edit limit, and its base (decision 059).
        error: { name: 'InputError', message: `The request body is too large: the limit is ${route.path.endsWith('_description') ? '1 MB' : '100 kB'}.`, code: 'body_too_large' },
      });
    }
    await expectUp();
  }, 120_000);

  it('refuses headers larger than Node allows (64 kB of cookie, 64 kB of one header) with 431, and stays up', async () => {
    const bigCookie = await send({ method: 'GET', path: '/api/auth_user', headers: { ...headers, cookie: `${headers.cookie}; x=${'a'.repeat(64 * 1024)}` } });
    expect(bigCookie.status).toBe(431);
    const bigHeader = await send({ method: 'GET', path: '/api/metadata/v0/tags', headers: { ...headers, 'x-filler': 'b'.repeat(64 * 1024) } });
    expect(bigHeader.status).toBe(431);
    const manyHeaders = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`x-h${i}`, 'v']));
    const many = await send({ method: 'GET', path: '/api/metadata/v0/tags', headers: { ...headers, ...manyHeaders } });
    expect(many.status === 431 || many.status === 200).toBe(true);
    await expectUp();
  });

  it('refuses a very long query string with a 4xx that names the parameter, or 431 from the parser, and stays up', async () => {
    const longKey = await send({ method: 'GET', path: `/api/metadata/v0/table?key=${'k'.repeat(10_000)}`, headers });
    expect(longKey.status).toBe(400);
    expect(JSON.parse(longKey.text).error.message).toMatch(/"key" is longer than/);
    const manyParams = await send({ method: 'GET', path: `/api/metadata/v0/table?${Array.from({ length: 1500 }, (_, i) => `key=${i}`).join('&')}`, headers });
    expect(manyParams.status).toBe(400);
    expect(JSON.parse(manyParams.text).error.message).toMatch(/The query parameter "key"/);
    const tooLong = await send({ method: 'GET', path: `/api/metadata/v0/table?key=${'k'.repeat(100_000)}`, headers });
    expect(tooLong.status).toBe(431);
    await expectUp();
  });

  it('answers hostile input to the login, callback and logout routes without a 5xx, and stays up', async () => {
    const paths = HOSTILE_STRINGS.flatMap((s) => {
      const value = encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '?'));
      return [`/login?returnTo=${value}`, `/auth?code=${value}&state=${value}`, `/auth?error=${value}&error_description=${value}`, `/logged-out?provider=${value}`];
    });
    const failures: string[] = [];
    for (const path of [...paths, '/login?returnTo=%zz', '/auth?state=%E0%A4%A', `/login?returnTo=${'/'.repeat(10_000)}`]) {
      const answer = await send({ method: 'GET', path, headers: { cookie: 'nansen.sid=s%3Abroken; nansen.pending=%zz' } });
      if (answer.status === 0 || answer.status >= 500) failures.push(`GET ${path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    for (const body of ['', 'logout_token=%zz', `logout_token=${'a'.repeat(100_000)}`, 'logout_token=a.b.c', '{"logout_token": 1}']) {
      const answer = await send({ method: 'POST', path: BACKCHANNEL_LOGOUT_PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      if (answer.status === 0 || answer.status >= 500) failures.push(`POST ${BACKCHANNEL_LOGOUT_PATH} ${body.slice(0, 40)} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    const logout = await send({ method: 'POST', path: '/logout', headers: { 'content-type': 'application/json', origin: stack.bases.main }, body: '{' });
    if (logout.status === 0 || logout.status >= 500) failures.push(`POST /logout with "{" → ${logout.status}`);
    expect(failures).toEqual([]);
    await expectUp();
  }, 120_000);

  it('answers odd encodings in a table key (%2F, .., %00, unicode, quotes, broken escapes) with 400 or 404 naming the key', async () => {
    const keys = ['hive%3A%2F%2Fgold.sales%2Forders%2F..%2F..', 'hive://gold.sales/orders%00', 'hive://gold.sales/%zz', 'hive://gold.sales/%E0%A4%A',
      'hive://gold.sales/%F0%9F%98%80', 'hive://gold.sales/ord%22ers', "hive://gold.sales/ord'ers", '..%2F..%2Fetc%2Fpasswd', '%00'];
    for (const key of keys) {
      for (const path of [`/api/metadata/v0/table?key=${key}`, `/api/metadata/v0/table/${key}/dashboards`]) {
        const answer = await send({ method: 'GET', path, headers });
        expect.soft([400, 404], path).toContain(answer.status);
        expect.soft(problemWith(answer), path).toBeNull();
      }
    }
    await expectUp();
  });
});
