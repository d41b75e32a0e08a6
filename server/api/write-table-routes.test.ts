// The table write routes as a router, with the real session accessor and token store, the real
// parsers and error middleware, and an in-memory metadata service: each write checks the edit
// policy on the table as metadata describes it, and refuses before anything is written.
import express from 'express';
import request from 'supertest';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import type { EditRights } from '../../contract/bff-api';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { buildUserFromClaims } from '../auth/user-from-claims';
import { createErrorMiddleware } from '../http/error-middleware';
import { NotFoundError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { createOfflineSessionAuth } from '../testing/offline-session-auth';
import { AmundsenTableSchema } from '../upstream/amundsen-schemas';
import type { DescriptionRef, MetadataClient } from '../upstream/metadata-client';
import type { SearchClient } from '../upstream/search-client';
import type { EditPolicy, EditSubject, EditTarget } from './edit-rights';
import { createSearchDocumentSync } from './sync-search-documents';
import { createWriteTableRoutes } from './write-table-routes';
import { createOwnerCandidatesRoutes } from './owner-candidates-routes';

const ORDERS = 'hive://gold.sales/orders';
const SESSION_ID = 'session-of-liv';
const logger = createMemoryLogger();
// The real session accessor; its identity provider is never called.
const { tokens, auth, close } = createOfflineSessionAuth(logger);
afterAll(close);
const clientConfig = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'IdP', indexUsers: true, indexDashboards: true, logoUrl: null });
const liv = { user: buildUserFromClaims({ sub: 'liv', email: 'liv@example.org' }, 'email'), groups: ['stewards'] };

const ordersTable = () =>
  AmundsenTableSchema.parse({
    database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', key: ORDERS, description: 'Orders.',
    owners: [{ user_id: 'roald@example.org', email: 'roald@example.org' }],
    columns: [
      { name: 'id', key: `${ORDERS}/id`, description: null, col_type: 'bigint', sort_order: 0 },
      {
        name: 'address', key: `${ORDERS}/address`, description: null, col_type: 'struct', sort_order: 1,
        type_metadata: {
          kind: 'struct', name: 'address', key: `${ORDERS}/address/type/address`, description: null, data_type: 'struct', sort_order: 0,
          children: [{ kind: 'scalar', name: 'city', key: `${ORDERS}/address/type/address/city`, description: null, data_type: 'string', sort_order: 0 }],
        },
      },
    ],
  });

/** The people metadata and the user search know: Roald by his email, and "roald", a bare id an owner box once made. */
const PEOPLE = [
  { user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen', full_name: 'Roald Amundsen' },
  { user_id: 'roald', email: 'roald', first_name: null, last_name: null, full_name: null },
  { user_id: 'liv@example.org', email: 'liv@example.org', first_name: 'Liv', last_name: 'Arnesen', full_name: 'Liv Arnesen' },
];

/** An in-memory metadata service holding the orders table; it records every call that changes something. */
function fakeMetadata() {
  const descriptions = new Map<string, string | null>();
  const refKey = (ref: DescriptionRef) => {
    if (ref.type === 'table') return ref.tableKey;
    if (ref.type === 'column') return `${ref.tableKey}/${ref.column}`;
    if (ref.type === 'type_metadata') return ref.typeMetadataKey;
    throw new Error(`no description of a ${String((ref as { type: unknown }).type)}`);
  };
  const writes: string[] = [];
  const metadata = {
    async getTable(token: string, key: string) {
      if (token !== 'access-token-of-liv') throw new Error(`called with ${token}`);
      if (key !== ORDERS) throw new NotFoundError(`No table ${key}.`, 'not_found');
      return ordersTable();
    },
    async getDescription(_token: string, ref: DescriptionRef) {
      return { description: descriptions.get(refKey(ref)) ?? null, etag: null };
    },
    async putDescription(_token: string, ref: DescriptionRef, description: string) {
      writes.push(`description ${refKey(ref)}: ${description}`);
      descriptions.set(refKey(ref), description);
    },
    async getUser(_token: string, userId: string) {
      const user = PEOPLE.find((p) => p.user_id === userId);
      if (!user) throw new NotFoundError(`No user ${userId}.`, 'not_found');
      return user;
    },
    async addTableOwner(_token: string, key: string, owner: string) {
      writes.push(`add owner ${owner} to ${key}`);
    },
    async removeTableOwner(_token: string, key: string, owner: string) {
      writes.push(`remove owner ${owner} from ${key}`);
    },
    async addTag(_token: string, resource: string, key: string, tag: string) {
      writes.push(`add tag ${tag} to ${resource} ${key}`);
    },
    async removeTag(_token: string, resource: string, key: string, tag: string) {
      writes.push(`remove tag ${tag} from ${resource} ${key}`);
    },
    // The edit log holds who wrote each description the test stored with `storeAs`.
    async listEdits(_token: string, query: { resourceKey?: string; resourceTypes: string[]; field?: string }) {
      const author = authors.get(`${query.resourceTypes.join(',')} ${query.resourceKey}`);
      if (!author || query.field !== 'description') return [];
      return [{
        id: 1, resource_key: query.resourceKey, parent_key: ORDERS, resource_type: query.resourceTypes[0], action: 'update', field: 'description',
        before: null, after: descriptions.get(author.key), user_id: author.by, user_display_name: null, edited_at: '2026-12-01T10:00:00Z',
      }];
    },
  };
  const authors = new Map<string, { key: string; by: string }>();
  /** A description someone else saved, as metadata and its edit log hold it. */
  const storeAs = (by: string, ref: DescriptionRef, description: string) => {
    descriptions.set(refKey(ref), description);
    authors.set(`${ref.type} ${ref.type === 'type_metadata' ? ref.typeMetadataKey : refKey(ref)}`, { key: refKey(ref), by });
  };
  return { metadata: metadata as unknown as MetadataClient, writes, storeAs };
}

/** A policy that grants `rights` and remembers whom and what it was asked about. */
function policyGranting(rights: Partial<EditRights>) {
  const asked: { subject: EditSubject; target: EditTarget }[] = [];
  const policy: EditPolicy = {
    rightsFor(subject, target) {
      asked.push({ subject, target });
      return { descriptions: true, tags: true, owners: true, reason: null, ...rights };
    },
  };
  return { policy, asked };
}

async function appWith(options: { signedIn?: boolean; rights?: Partial<EditRights> } = {}) {
  await tokens.write(SESSION_ID, { accessToken: 'access-token-of-liv', expiresAt: Date.now() + 3_600_000, obtainedAt: Date.now(), obtainedBy: 'login' }, { ttlMs: 3_600_000 });
  const { metadata, writes, storeAs } = fakeMetadata();
  const { policy, asked } = policyGranting(options.rights ?? {});
  const searchUpdates: string[] = [];
  const search = {
    async updateDocument(_token: string, change: string, update: { resource_key: string; resource_type: string; field: string; value: string }) {
      searchUpdates.push(`${change} ${update.field} ${update.value} of ${update.resource_type} ${update.resource_key}`);
      return 'ok';
    },
    // Every person whose id holds the term (a stand-in for the user search's words), bare ids too.
    async search(_token: string, body: { query_term: string }) {
      const results = PEOPLE.filter((p) => p.user_id.toLowerCase().includes(body.query_term.toLowerCase()));
      return { msg: 'Success', results: { user: { results, total_results: results.length } } };
    },
  } as unknown as SearchClient;
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    // What the session middleware leaves on the request.
    Object.assign(req, { sessionID: SESSION_ID, session: options.signedIn === false ? {} : { ...liv, createdAt: Date.now() } });
    next();
  });
  app.use('/api/metadata/v0', createWriteTableRoutes({ auth, metadata, clientConfig, policy, searchDocuments: createSearchDocumentSync(search, true, logger) }));
  app.use('/api/metadata/v0', createOwnerCandidatesRoutes({ auth, metadata, search, policy }));
  app.use(createErrorMiddleware(logger));
  return { app, writes, asked, searchUpdates, storeAs };
}

describe('table description writes', () => {
  it('saves the table description, updates its search document and answers the stored text', async () => {
    const { app, writes, asked, searchUpdates } = await appWith();
    const res = await request(app).put('/api/metadata/v0/put_table_description').send({ key: ORDERS, description: 'All orders.', base: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ msg: 'Success', description: 'All orders.' });
    expect(writes).toEqual([`description ${ORDERS}: All orders.`]);
    expect(searchUpdates).toEqual([`overwrite description All orders. of table ${ORDERS}`]);
    // The policy decides on the signed-in person and the table as metadata describes it.
    expect(asked).toEqual([{
      subject: { user_id: 'liv@example.org', groups: ['stewards'] },
      target: { type: 'table', key: ORDERS, database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', owners: ['roald@example.org'] },
    }]);
  });

  it('saves a column description and a nested type description found deep in a column type', async () => {
    const { app, writes } = await appWith();
    const column = await request(app).put('/api/metadata/v0/put_column_description').send({ key: ORDERS, column_name: 'id', description: 'The id.', base: null });
    expect(column.status).toBe(200);
    expect(column.body).toEqual({ msg: 'Success', description: 'The id.' });
    const nested = await request(app).put('/api/metadata/v0/put_type_metadata_description')
      .send({ key: ORDERS, type_metadata_key: `${ORDERS}/address/type/address/city`, description: 'The city.', base: null });
    expect(nested.status).toBe(200);
    expect(nested.body).toEqual({ msg: 'Success', description: 'The city.' });
    expect(writes).toEqual([`description ${ORDERS}/id: The id.`, `description ${ORDERS}/address/type/address/city: The city.`]);
  });

  it('answers 404 for a column or nested type the table does not hold, and writes nothing', async () => {
    const { app, writes } = await appWith();
    const column = await request(app).put('/api/metadata/v0/put_column_description').send({ key: ORDERS, column_name: 'nope', description: 'x', base: null });
    expect(column.status).toBe(404);
    expect(column.body.error).toMatchObject({ code: 'not_found', message: `The table ${ORDERS} has no column nope.` });
    // A nested type of another table may not ride on this table's rights.
    const nested = await request(app).put('/api/metadata/v0/put_type_metadata_description')
      .send({ key: ORDERS, type_metadata_key: 'hive://gold.core/customers/address/type/address', description: 'x', base: null });
    expect(nested.status).toBe(404);
    expect(nested.body.error).toMatchObject({ code: 'not_found', message: `The table ${ORDERS} has no nested type hive://gold.core/customers/address/type/address.` });
    expect(writes).toEqual([]);
  });

  it('saves an edit of a description already over the limit that does not make it longer, and refuses one that does (decision 059)', async () => {
    const { app, writes, storeAs } = await appWith();
    const imported = `${'An imported text. '.repeat(60)}Teh end.`; // 1,088 characters; the limit is 750
    storeAs('importer', { type: 'table', tableKey: ORDERS }, imported);
    const fixed = imported.replace('Teh', 'The');
    const ok = await request(app).put('/api/metadata/v0/put_table_description').send({ key: ORDERS, description: fixed, base: imported });
    expect(ok.status).toBe(200);
    expect(writes).toEqual([`description ${ORDERS}: ${fixed}`]);
    const longer = await request(app).put('/api/metadata/v0/put_table_description').send({ key: ORDERS, description: `${fixed}!`, base: fixed });
    expect(longer.status).toBe(400);
    expect(longer.body.error).toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/at most 1088 are allowed: the text it began from was already over the 750/) });
    expect(writes).toHaveLength(1);
  });

  it('never lets a long text in by claiming a long text it began from: the base must be the stored text (409, nothing written)', async () => {
    const { app, writes } = await appWith();
    const claimed = 'z'.repeat(5_000);
    const res = await request(app).put('/api/metadata/v0/put_table_description').send({ key: ORDERS, description: `${claimed}!`.slice(1), base: claimed });
    expect(res.status).toBe(409);
    expect(res.body.current).toMatchObject({ description: null });
    expect(writes).toEqual([]);
  });

  it('answers 409 with the stored text and, from the edit log, who wrote it, for a column or nested type changed since the edit began', async () => {
    const { app, writes, storeAs } = await appWith();
    const city = `${ORDERS}/address/type/address/city`;
    storeAs('roald@example.org', { type: 'column', tableKey: ORDERS, column: 'id' }, 'Roald\'s id.');
    storeAs('ada@example.org', { type: 'type_metadata', typeMetadataKey: city }, 'Ada\'s city.');
    const column = await request(app).put('/api/metadata/v0/put_column_description').send({ key: ORDERS, column_name: 'id', description: 'Mine.', base: null });
    expect(column.status).toBe(409);
    expect(column.body).toMatchObject({ error: { code: 'edit_conflict' }, current: { description: 'Roald\'s id.', edited_by: 'roald@example.org' } });
    const nested = await request(app).put('/api/metadata/v0/put_type_metadata_description').send({ key: ORDERS, type_metadata_key: city, description: 'Mine.', base: null });
    expect(nested.status).toBe(409);
    expect(nested.body).toMatchObject({ error: { code: 'edit_conflict' }, current: { description: 'Ada\'s city.', edited_by: 'ada@example.org' } });
    expect(writes).toEqual([]);
  });
});

describe('owner and tag writes', () => {
  it('adds an owner on PUT and removes one on DELETE', async () => {
    const { app, writes } = await appWith();
    expect((await request(app).put('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'liv@example.org' })).body).toEqual({ msg: 'Success' });
    expect((await request(app).delete('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'roald@example.org' })).body).toEqual({ msg: 'Success' });
    expect(writes).toEqual([`add owner liv@example.org to ${ORDERS}`, `remove owner roald@example.org from ${ORDERS}`]);
  });

  it('adds an owner whose id holds "/", removes one with a space exactly as shown, and refuses to add a typed name', async () => {
    const { app, writes } = await appWith();
    expect((await request(app).put('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: ' team/ana@example.org ' })).status).toBe(200);
    expect((await request(app).delete('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'Jane Doe ' })).status).toBe(200);
    const typed = await request(app).put('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'Jane Doe' });
    expect(typed.status).toBe(400);
    expect(typed.body.error).toMatchObject({ code: 'invalid_body', message: 'An owner must be a user id, such as an email address: at most 320 characters, with no spaces.' });
    const cut = await request(app).delete('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'team/../roald@example.org' });
    expect(cut.status).toBe(400);
    expect(cut.body.error.code).toBe('invalid_user_id');
    expect(writes).toEqual([`add owner team/ana@example.org to ${ORDERS}`, `remove owner Jane Doe  from ${ORDERS}`]);
  });

  it('refuses an owner whose id differs only in case from one the table has (409), and writes nothing', async () => {
    const { app, writes } = await appWith();
    const twin = await request(app).put('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'Roald@Example.org' });
    expect(twin.status).toBe(409);
    expect(twin.body.error).toMatchObject({ code: 'owner_differs_in_case', message: expect.stringContaining('“Roald@Example.org” differs only in case from “roald@example.org”') });
    // The same id again is Amundsen's no-op, not a refusal.
    expect((await request(app).put('/api/metadata/v0/update_table_owner').send({ key: ORDERS, owner: 'roald@example.org' })).status).toBe(200);
    expect(writes).toEqual([`add owner roald@example.org to ${ORDERS}`]);
  });

  it('adds a tag on PUT and removes one on DELETE, updating the search document each time', async () => {
    const { app, writes, searchUpdates } = await appWith();
    expect((await request(app).put('/api/metadata/v0/update_table_tags').send({ key: ORDERS, tag: 'finance' })).body).toEqual({ msg: 'Success' });
    expect((await request(app).delete('/api/metadata/v0/update_table_tags').send({ key: ORDERS, tag: 'pii' })).body).toEqual({ msg: 'Success' });
    expect(writes).toEqual([`add tag finance to table ${ORDERS}`, `remove tag pii from table ${ORDERS}`]);
    expect(searchUpdates).toEqual([`add tag finance of table ${ORDERS}`, `remove tag pii of table ${ORDERS}`]);
  });
});

describe('refusals', () => {
  const writesNeeding = {
    descriptions: [
      ['put', 'put_table_description', { key: ORDERS, description: 'x', base: null }],
      ['put', 'put_column_description', { key: ORDERS, column_name: 'id', description: 'x', base: null }],
      ['put', 'put_type_metadata_description', { key: ORDERS, type_metadata_key: `${ORDERS}/address/type/address`, description: 'x', base: null }],
    ],
    owners: [
      ['put', 'update_table_owner', { key: ORDERS, owner: 'liv@example.org' }],
      ['delete', 'update_table_owner', { key: ORDERS, owner: 'roald@example.org' }],
      ['put', 'update_table_owner', { key: ORDERS, owner: 'team/ana@example.org' }],
      ['delete', 'update_table_owner', { key: ORDERS, owner: 'Jane Doe' }],
    ],
    tags: [
      ['put', 'update_table_tags', { key: ORDERS, tag: 'finance' }],
      ['delete', 'update_table_tags', { key: ORDERS, tag: 'pii' }],
    ],
  } as const;

  for (const [right, writes] of Object.entries(writesNeeding) as [keyof typeof writesNeeding, (typeof writesNeeding)[keyof typeof writesNeeding]][]) {
    it(`refuses each write that needs the ${right} right with 403 and the policy's reason, writing nothing; the other rights do not matter`, async () => {
      for (const [method, route, body] of writes) {
        const refused = await appWith({ rights: { [right]: false, reason: `Only stewards of sales may change ${right}.` } });
        const res = await request(refused.app)[method](`/api/metadata/v0/${route}`).send(body);
        expect(res.status, `${method} ${route}`).toBe(403);
        expect(res.body.error).toMatchObject({ name: 'NotAllowedError', code: 'edit_forbidden', message: `Only stewards of sales may change ${right}.` });
        expect(refused.writes).toEqual([]);
        expect(refused.searchUpdates).toEqual([]);
        // With every other right withheld and this one granted, the write goes through.
        const others = Object.fromEntries(Object.keys(writesNeeding).filter((r) => r !== right).map((r) => [r, false]));
        const allowed = await appWith({ rights: others });
        expect((await request(allowed.app)[method](`/api/metadata/v0/${route}`).send(body)).status, `${method} ${route}`).toBe(200);
      }
    });
  }

  it('refuses a tag change on a key that is no table key, before reading anything', async () => {
    const { app, asked } = await appWith();
    // hive://gold would pass as a dashboard uri.
    const res = await request(app).put('/api/metadata/v0/update_table_tags').send({ key: 'hive://gold', tag: 'finance' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_key', message: '"key": "hive://gold" is not a table key; expected database://cluster.schema/table' });
    expect(asked).toEqual([]);
  });

  it('says which right is missing when the policy gives no reason', async () => {
    const { app } = await appWith({ rights: { tags: false } });
    const res = await request(app).put('/api/metadata/v0/update_table_tags').send({ key: ORDERS, tag: 'finance' });
    expect(res.body.error.message).toBe(`You may not change the tags of the table ${ORDERS}.`);
  });

  it('answers 401 to a signed-out caller on every write, before reading the table', async () => {
    const { app, writes, asked } = await appWith({ signedIn: false });
    for (const [method, route, body] of [
      ['put', 'put_table_description', { key: ORDERS, description: 'x', base: null }],
      ['put', 'put_column_description', { key: ORDERS, column_name: 'id', description: 'x', base: null }],
      ['put', 'put_type_metadata_description', { key: ORDERS, type_metadata_key: `${ORDERS}/address/type/address`, description: 'x', base: null }],
      ['put', 'update_table_owner', { key: ORDERS, owner: 'liv@example.org' }],
      ['delete', 'update_table_tags', { key: ORDERS, tag: 'pii' }],
    ] as const) {
      const res = await request(app)[method](`/api/metadata/v0/${route}`).send(body);
      expect(res.status, `${method} ${route}`).toBe(401);
      expect(res.body.error.name).toBe('NotAuthenticatedError');
    }
    expect(asked).toEqual([]);
    expect(writes).toEqual([]);
  });
});

describe('who a typed owner id means (GET /owner_candidates)', () => {
  const candidates = async (owner: string, options: Parameters<typeof appWith>[0] = {}) => {
    const { app } = await appWith(options);
    return request(app).get('/api/metadata/v0/owner_candidates').query({ key: ORDERS, owner });
  };
  const ids = (people: { user_id: string }[]) => people.map((p) => p.user_id);

  it('names the person an id is, exactly', async () => {
    const res = await candidates('liv@example.org');
    expect(res.status).toBe(200);
    expect(res.body.known).toMatchObject({ user_id: 'liv@example.org', display_name: 'Liv Arnesen' });
    expect(res.body.similar).toEqual([]);
  });

  it('answers no one for a login, another case or a bare id, and suggests the person known by it', async () => {
    for (const typed of ['roald', 'ROALD', 'Roald.Amundsen', 'roald@elsewhere.org']) {
      const res = await candidates(typed);
      expect(res.status, typed).toBe(200);
      expect(res.body.known, typed).toBeNull();
      expect(ids(res.body.similar), typed).toEqual(['roald.amundsen@example.org']);
    }
  });

  it('answers no one and nobody similar for an id nobody has', async () => {
    expect((await candidates('nobody_here')).body).toEqual({ msg: 'Success', known: null, similar: [] });
  });

  it('answers only those who may change the owners (403), and needs the owner asked about (400)', async () => {
    expect((await candidates('roald', { rights: { owners: false, reason: 'Owners are changed by stewards.' } })).status).toBe(403);
    const { app } = await appWith();
    const missing = await request(app).get('/api/metadata/v0/owner_candidates').query({ key: ORDERS });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('missing_parameter');
  });
});
