// Regression (exploratory test): a person whose user id holds "/" had no working profile — the profile,
// the owned, read and bookmark lists answered 404 and bookmarking failed — while ids with #, ?, space,
// ', %, \ or ä worked. Through the whole stack over real HTTP: a real provider whose person has such an
// id, the BFF, and the embedded catalog, loaded through ingest as the tester did (decision 032).
import * as v from 'valibot';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, AuthUserResponseSchema, BookmarksResponseSchema, EditHistoryResponseSchema, OwnedResponseSchema, ReadResponseSchema,
} from '../contract/bff-api';
import { ingestNdjson } from './catalog/ingest/ingest-ndjson';
import { createCatalogStore } from './catalog/store/create-catalog-store';
import type { BffBrowser } from './testing/bff-browser';
import { startPresetStack, type PresetStack } from './testing/start-preset-stack';

/** The signed-in person's id (their email claim): "/", an apostrophe, non-ASCII, #, ?, = and a space. */
const ODD = "o'brien/ä#1?x=y z";
/** Someone else, known only from an ingest. */
const SLASHED = 'a/b@x.org';

interface Answer { status: number; json: unknown }

let stack: PresetStack;
let browser: BffBrowser;
let table: string;
let dashboard: string;

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await browser.request(url, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const get = (route: string) => call(`/api/metadata/v0/${route}`);
const send = (method: 'PUT' | 'DELETE', route: string, body: unknown) =>
  call(`/api/metadata/v0/${route}`, { method, headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify(body) });
const ok = <T extends v.GenericSchema>(schema: T, answer: Answer): v.InferOutput<T> => {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return v.parse(schema, answer.json);
};
const q = (userId: string) => `user_id=${encodeURIComponent(userId)}`;

beforeAll(async () => {
  // Keycloak's access tokens carry the email, which the catalog's edit log names as the editor.
  stack = await startPresetStack('keycloak', { claims: { roald: { email: ODD } }, demoTables: 20 });
  const store = createCatalogStore(path.join(stack.config.dataDir, 'catalog.sqlite'));
  try {
    table = store.overview.listPopularTables(1).map((t) => `${t.database}://${t.cluster}.${t.schema}/${t.name}`)[0]!;
    dashboard = store.overview.listPopularDashboards(1)[0]!.uri;
    const records = [
      { type: 'user', email: SLASHED, full_name: 'Ann Slash' },
      { type: 'owner', resource_type: 'dashboard', resource_key: dashboard, user_email: ODD },
      { type: 'owner', resource_type: 'table', resource_key: table, user_email: SLASHED },
      { type: 'usage', table_key: table, user_email: ODD, read_count: 7 },
    ];
    const summary = await ingestNdjson(store.db, records.map((r) => `${JSON.stringify(r)}\n`));
    expect(summary.rejectedCount).toBe(0);
  } finally {
    store.close();
  }
  browser = stack.browser();
  expect((await browser.logIn(stack.provider.people.find((p) => p.claims.email === ODD)!.login)).status).toBe(303);
}, 60_000);
afterAll(() => stack?.close());

describe('a signed-in person whose id holds "/"', () => {
  it('is who the session says, and has a profile', async () => {
    expect(ok(AuthUserResponseSchema, await call('/api/auth_user')).user.user_id).toBe(ODD);
    expect(ok(AuthUserResponseSchema, await get(`user?${q(ODD)}`)).user.user_id).toBe(ODD);
  });

  it('sees the dashboard they own and the table they read', async () => {
    expect(ok(OwnedResponseSchema, await get(`user/own?${q(ODD)}`)).own.dashboard.map((d) => d.uri)).toEqual([dashboard]);
    expect(ok(ReadResponseSchema, await get(`user/read?${q(ODD)}`)).read.map((t) => t.key)).toEqual([table]);
  });

  it('bookmarks a table and a dashboard, finds them in their list, and removes them', async () => {
    for (const body of [{ type: 'table', key: table }, { type: 'dashboard', key: dashboard }]) {
      expect((await send('PUT', 'user/bookmark', body)).status, body.type).toBe(200);
    }
    const mine = ok(BookmarksResponseSchema, await get('user/bookmark'));
    expect(mine.bookmarks.table.map((t) => t.key)).toEqual([table]);
    expect(mine.bookmarks.dashboard.map((d) => d.uri)).toEqual([dashboard]);
    expect(ok(BookmarksResponseSchema, await get(`user/bookmark?${q(ODD)}`))).toEqual(mine);
    for (const body of [{ type: 'table', key: table }, { type: 'dashboard', key: dashboard }]) {
      expect((await send('DELETE', 'user/bookmark', body)).status, body.type).toBe(200);
    }
    expect(ok(BookmarksResponseSchema, await get('user/bookmark')).bookmarks).toEqual({ table: [], dashboard: [] });
  });

  it('finds their own edits by their id', async () => {
    expect((await send('PUT', 'update_table_tags', { key: table, tag: 'slashes' })).status).toBe(200);
    const edits = ok(EditHistoryResponseSchema, await get(`user/edits?${q(ODD)}`)).edits;
    expect(edits[0]).toMatchObject({ field: 'tags', action: 'add', after: expect.arrayContaining(['slashes']), editor: { user_id: ODD } });
  });
});

describe('another person whose id holds "/"', () => {
  it('has a profile and lists, and an unknown one is "no such person"', async () => {
    expect(ok(AuthUserResponseSchema, await get(`user?${q(SLASHED)}`)).user).toMatchObject({ user_id: SLASHED, display_name: 'Ann Slash' });
    expect(ok(OwnedResponseSchema, await get(`user/own?${q(SLASHED)}`)).own.table.map((t) => t.key)).toEqual([table]);
    expect(ok(ReadResponseSchema, await get(`user/read?${q(SLASHED)}`)).read).toEqual([]);
    expect(ok(BookmarksResponseSchema, await get(`user/bookmark?${q(SLASHED)}`)).bookmarks).toEqual({ table: [], dashboard: [] });
    const unknown = await get(`user?${q('no/one@x.org')}`);
    expect(unknown.status).toBe(404);
    expect(v.parse(ApiErrorBodySchema, unknown.json).error.code).toBe('not_found');
  });

  it('opens the profile of an id padded with whitespace as the person, under their own id; the lists stay exact (decision 093)', async () => {
    for (const id of [` ${SLASHED}`, `${SLASHED} `, `\t${SLASHED.toUpperCase()} `]) {
      expect(ok(AuthUserResponseSchema, await get(`user?${q(id)}`)).user, JSON.stringify(id)).toMatchObject({ user_id: SLASHED, display_name: 'Ann Slash' });
      expect(ok(OwnedResponseSchema, await get(`user/own?${q(id)}`)).own.table).toEqual([]);
    }
    // Spaces inside the id are not whitespace around it: still nobody.
    const inside = await get(`user?${q('a /b@x.org')}`);
    expect(inside.status).toBe(404);
  });

  it('opens the profile of an email id in other case as the person, under their own id; the lists stay exact (decision 088)', async () => {
    for (const id of [SLASHED.toUpperCase(), 'A/b@X.org']) {
      expect(ok(AuthUserResponseSchema, await get(`user?${q(id)}`)).user, id).toMatchObject({ user_id: SLASHED, display_name: 'Ann Slash' });
      // The SPA opens the profile under the person's id; a list asked for by the other-case id is nobody's.
      expect(ok(OwnedResponseSchema, await get(`user/own?${q(id)}`)).own.table).toEqual([]);
    }
    // Only case is forgiven: a mistyped id is still nobody, not someone near it.
    for (const id of ['A/B@X.ORG.', 'A/BB@X.ORG', 'A /B@X.ORG']) {
      const answer = await get(`user?${q(id)}`);
      expect(answer.status, id).toBe(404);
      expect(v.parse(ApiErrorBodySchema, answer.json).error.code).toBe('not_found');
    }
  });

  it('is "no such person" with a line break in the id, never a wrong setup; one around it is trimmed (decisions 093, 101)', async () => {
    // Was a 502 "Nansen is set up wrong": the catalog's route cannot match a line break, and its unknown-URL 404 read as a wrong METADATA_URL.
    for (const id of ['a/b\n@x.org', 'roald\r\n.amundsen@x.org', 'x\u2028y', 'roald\n']) {
      const profile = await get(`user?${q(id)}`);
      expect(profile.status, JSON.stringify(id)).toBe(404);
      expect(v.parse(ApiErrorBodySchema, profile.json).error.code, JSON.stringify(id)).toBe('not_found');
      expect(ok(OwnedResponseSchema, await get(`user/own?${q(id)}`)).own).toEqual({ table: [], dashboard: [] });
      expect(ok(ReadResponseSchema, await get(`user/read?${q(id)}`)).read).toEqual([]);
      expect(ok(BookmarksResponseSchema, await get(`user/bookmark?${q(id)}`)).bookmarks).toEqual({ table: [], dashboard: [] });
    }
    for (const id of [`${SLASHED}\n`, `\r\n${SLASHED}`, `${SLASHED}\u2028`]) {
      expect(ok(AuthUserResponseSchema, await get(`user?${q(id)}`)).user, JSON.stringify(id)).toMatchObject({ user_id: SLASHED, display_name: 'Ann Slash' });
    }
  });

  it('is refused, not misread, when "." or ".." sits between the slashes of the id', async () => {
    for (const route of ['user', 'user/own', 'user/read', 'user/bookmark']) {
      const answer = await get(`${route}?${q('x/../a/b@x.org')}`);
      expect(answer.status, route).toBe(400);
      expect(v.parse(ApiErrorBodySchema, answer.json).error.code, route).toBe('invalid_user_id');
    }
  });
});
