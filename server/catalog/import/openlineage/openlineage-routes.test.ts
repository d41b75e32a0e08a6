// POST /api/v1/lineage on a catalog over a real SQLite file, read back through the metadata and
// search APIs: events in the specification's shapes (with and without facets), a stream of a few
// hundred events, re-posts, bad events, and people's edits.
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, authAs, openTestCatalog, type TestCatalog } from '../../testing/open-test-catalog';
import {
  columnLineageFacet, datasetEvent, documentationFacet, generateEventStream, jobEvent, MINIMAL_START, ownershipFacet, PG, runEvent, schemaFacet,
} from './openlineage-test-events';

let catalog: TestCatalog;
beforeEach(() => {
  catalog = openTestCatalog();
});
afterEach(() => catalog.cleanup());

const ORDERS = 'postgres://shop.public/orders';
const FCT = 'postgres://shop.marts/fct_orders';

const post = (body: unknown, auth: readonly ['Authorization', string] = AUTH_HEADER) => request(catalog.metadataApp).post('/api/v1/lineage').set(...auth).send(body as object);
const table = (key: string) => request(catalog.metadataApp).get(`/table/${key}`).set(...AUTH_HEADER);
const lineage = (key: string) => request(catalog.metadataApp).get(`/table/${key}/lineage?direction=both&depth=1`).set(...AUTH_HEADER);
/** A query on a connection of its own to the catalog's file. */
function query<T>(read: (db: Database.Database) => T): T {
  const db = new Database(catalog.dbPath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const count = (sql: string) => query((db) => db.prepare(sql).pluck().get() as number);
/** Every row of every table in the file (FTS shadow tables included), to show that nothing changed. */
const dumpCatalog = () => query((db) => {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
});

const COMPLETE = runEvent({
  inputs: [{ namespace: PG, name: 'shop.public.orders', facets: { schema: schemaFacet([{ name: 'id', type: 'integer' }, { name: 'amount', type: 'numeric' }]) } }],
  outputs: [{
    namespace: PG,
    name: 'shop.marts.fct_orders',
    facets: {
      schema: schemaFacet([
        { name: 'ORDER_ID', type: 'BIGINT', description: 'The order.', ordinal_position: 1 },
        { name: 'amount', type: 'NUMERIC(12,2)', ordinal_position: 2 },
      ]),
      documentation: documentationFacet('One row per order.'),
      ownership: ownershipFacet([{ name: 'user:liv.arnesen@example.org', type: 'MAINTAINER' }, { name: 'team:data-platform' }]),
    },
  }],
});

describe('POST /api/v1/lineage', () => {
  it('turns a RunEvent\'s datasets into tables with columns, description and owners, and its inputs → outputs into lineage', async () => {
    const res = await post(COMPLETE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      events: 1, tables: { added: 2, changed: 0, unchanged: 0 }, lineage: { added: 1, unchanged: 0 },
      ignoredOwners: [{ resource_key: FCT, owners: ['team:data-platform'] }], rejected: [], rejectedCount: 0,
    });

    const fct = (await table(FCT)).body;
    expect(fct).toMatchObject({ database: 'postgres', cluster: 'shop', schema: 'marts', name: 'fct_orders', description: 'One row per order.' });
    expect(fct.columns.map((c: { name: string; col_type: string; sort_order: number; description: string | null }) => [c.name, c.col_type, c.sort_order, c.description]))
      .toEqual([['order_id', 'BIGINT', 1, 'The order.'], ['amount', 'NUMERIC(12,2)', 2, null]]);
    expect(fct.owners.map((o: { email: string }) => o.email)).toEqual(['liv.arnesen@example.org']);

    const edges = (await lineage(FCT)).body;
    expect(edges.upstream_entities.map((e: { key: string }) => e.key)).toEqual([ORDERS]);
    expect((await lineage(ORDERS)).body.downstream_entities.map((e: { key: string }) => e.key)).toEqual([FCT]);
  });

  it('turns the columnLineage facet into column lineage, once', async () => {
    const withColumns = structuredClone(COMPLETE);
    withColumns.outputs![0].facets!.columnLineage = columnLineageFacet({
      ORDER_ID: [{ namespace: PG, name: 'shop.public.orders', field: 'ID' }],
      amount: [{ namespace: PG, name: 'shop.public.orders', field: 'amount' }, { namespace: PG, name: 'shop.public.refunds', field: 'amount' }],
    });
    const res = await post(withColumns);
    expect(res.body).toMatchObject({ lineage: { added: 1 }, columnLineage: { added: 3, unchanged: 0 } });
    const amount = await request(catalog.metadataApp).get(`/table/${FCT}/column/amount/lineage?direction=upstream&depth=1`).set(...AUTH_HEADER);
    expect(amount.status).toBe(200);
    expect(amount.body.upstream_entities.map((e: { key: string }) => e.key).sort())
      .toEqual([`${ORDERS}/amount`, 'postgres://shop.public/refunds/amount']);
    const again = await post(withColumns);
    expect(again.status).toBe(200);
    expect(again.body.columnLineage).toEqual({ added: 0, unchanged: 3 });
  });

  it('refuses a columnLineage input it cannot key, naming the field', async () => {
    const bad = structuredClone(COMPLETE);
    bad.outputs![0].facets!.columnLineage = columnLineageFacet({ amount: [{ namespace: PG, name: 'shop..orders', field: 'amount' }] });
    const res = await post(bad);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('field "outputs[0].facets.columnLineage.fields.amount.inputFields[0].name": the schema part is empty');
  });

  it('makes the new tables searchable', async () => {
    await post(COMPLETE);
    const found = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: 'fct_orders', resource_types: ['table'] });
    expect(found.body.results.table.results.map((r: { key: string }) => r.key)).toContain(FCT);
  });

  it('accepts the smallest RunEvent (no inputs, outputs or facets) and changes nothing', async () => {
    const res = await post(MINIMAL_START);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ events: 1, tables: { added: 0, changed: 0, unchanged: 0 }, lineage: { added: 0, unchanged: 0 } });
    expect(count('SELECT count(*) FROM edit_log')).toBe(0);
    // A run that names no dataset is not remembered either.
    expect(count("SELECT count(*) FROM sqlite_master WHERE name = 'openlineage_runs'")).toBe(0);
  });

  it('creates tables without columns for datasets that come without facets, and fills them in when a later event brings facets', async () => {
    const start = runEvent({ eventType: 'START', inputs: [{ namespace: PG, name: 'shop.public.orders' }], outputs: [{ namespace: PG, name: 'shop.marts.fct_orders' }] });
    expect((await post(start)).body).toMatchObject({ tables: { added: 2 }, lineage: { added: 1 } });
    expect((await table(FCT)).body).toMatchObject({ columns: [], description: null });

    const res = await post(COMPLETE);
    expect(res.body).toMatchObject({ tables: { added: 0, changed: 2, unchanged: 0 }, lineage: { added: 0, unchanged: 1 } });
    expect((await table(FCT)).body.columns).toHaveLength(2);
  });

  it('keeps columns, description and owners when a later event mentions the dataset without those facets', async () => {
    await post(COMPLETE);
    const bare = runEvent({ eventType: 'RUNNING', inputs: [{ namespace: PG, name: 'shop.public.orders' }], outputs: [{ namespace: PG, name: 'shop.marts.fct_orders' }] });
    const res = await post(bare);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tables: { added: 0, changed: 0, unchanged: 2 }, lineage: { unchanged: 1 } });
    const fct = (await table(FCT)).body;
    expect(fct).toMatchObject({ description: 'One row per order.' });
    expect(fct.columns).toHaveLength(2);
    expect(fct.owners).toHaveLength(1);
  });

  it('treats a facet marked _deleted as left out, and an empty documentation as no description', async () => {
    await post(COMPLETE);
    const deleted = runEvent({ outputs: [{ namespace: PG, name: 'shop.marts.fct_orders', facets: {
      schema: { _producer: 'x', _schemaURL: 'y', _deleted: true }, ownership: { _producer: 'x', _schemaURL: 'y', _deleted: true } } }] });
    expect((await post(deleted)).body.tables).toMatchObject({ unchanged: 1 });
    const cleared = runEvent({ outputs: [{ namespace: PG, name: 'shop.marts.fct_orders', facets: { documentation: documentationFacet('  ') } }] });
    expect((await post(cleared)).body.tables).toMatchObject({ changed: 1 });
    const fct = (await table(FCT)).body;
    expect(fct.description).toBeNull();
    expect(fct.columns).toHaveLength(2);
    expect(fct.owners).toHaveLength(1);
  });

  it('changes a table when its schema changes: new columns, a type, a dropped column', async () => {
    await post(COMPLETE);
    const changed = runEvent({ outputs: [{ namespace: PG, name: 'shop.marts.fct_orders', facets: { schema: schemaFacet([
      { name: 'order_id', type: 'BIGINT', ordinal_position: 1 }, { name: 'amount', type: 'NUMERIC(14,2)', ordinal_position: 2 }, { name: 'currency', type: 'CHAR(3)', ordinal_position: 3 },
    ]) } }] });
    expect((await post(changed)).body).toMatchObject({ tables: { changed: 1, unchanged: 0 } });
    const fct = (await table(FCT)).body;
    // A field without a description keeps the column's.
    expect(fct.columns.map((c: { name: string; col_type: string; description: string | null }) => [c.name, c.col_type, c.description]))
      .toEqual([['order_id', 'BIGINT', 'The order.'], ['amount', 'NUMERIC(14,2)', null], ['currency', 'CHAR(3)', null]]);
  });

  it('takes a DatasetEvent\'s facets, and a JobEvent\'s inputs and outputs as lineage', async () => {
    const dataset = datasetEvent({ namespace: 'bigquery', name: 'polar-project.sales.orders', facets: { documentation: documentationFacet('Orders, from BigQuery.') } });
    expect((await post(dataset)).body).toMatchObject({ tables: { added: 1 }, lineage: { added: 0 } });
    expect((await table('bigquery://polar-project.sales/orders')).body).toMatchObject({ description: 'Orders, from BigQuery.' });

    const job = jobEvent([{ namespace: 'bigquery', name: 'polar-project.sales.orders' }], [{ namespace: 's3://polar-lake', name: 'exports/orders/orders.parquet' }]);
    expect((await post(job)).body).toMatchObject({ tables: { added: 1, unchanged: 1 }, lineage: { added: 1 } });
    expect((await lineage('s3://polar-lake.exports/orders/orders.parquet')).body.upstream_entities.map((e: { key: string }) => e.key))
      .toEqual(['bigquery://polar-project.sales/orders']);
  });

  it('is a no-op when the same event is posted again: 200, nothing written, nothing in the edit log', async () => {
    expect((await post(COMPLETE)).status).toBe(201);
    const before = dumpCatalog();
    const again = await post(COMPLETE);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ tables: { added: 0, changed: 0, unchanged: 2 }, lineage: { added: 0, unchanged: 1 }, searchIndex: 'unchanged' });
    expect(dumpCatalog()).toBe(before);
    expect(count("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'")).toBe(1);
  });

  it('with ?dry_run=true reports what it would write and writes nothing', async () => {
    const before = dumpCatalog();
    const dry = await request(catalog.metadataApp).post('/api/v1/lineage?dry_run=true').set(...AUTH_HEADER).send(COMPLETE);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, tables: { added: 2 }, lineage: { added: 1 }, searchIndex: 'unchanged' });
    expect(dumpCatalog()).toBe(before);
  });

  it('refuses a misspelt query parameter, and a dry_run that is not true or false, writing nothing', async () => {
    const before = dumpCatalog();
    for (const [query, message] of [
      ['?dry-run=true', 'unknown parameter "dry-run" (did you mean dry_run?)'],
      ['?dryRun=1', 'unknown parameter "dryRun" (did you mean dry_run?)'],
      ['?dry_run=yes', 'dry_run must be true or false, got "yes"'],
    ]) {
      const res = await request(catalog.metadataApp).post(`/api/v1/lineage${query}`).set(...AUTH_HEADER).send(COMPLETE);
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { message } });
    }
    expect(dumpCatalog()).toBe(before);
  });

  it('refuses an empty array of events with 400, writing nothing', async () => {
    const before = dumpCatalog();
    const res = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/json').send('[]');
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { message: 'The request body holds no events (an empty array): send an OpenLineage event.' } });
    expect(dumpCatalog()).toBe(before);
  });

  it("takes an event with a producer's own query parameter that is no slip for dry_run (a client's configured URL parameters)", async () => {
    const res = await request(catalog.metadataApp).post('/api/v1/lineage?namespace=x').set(...AUTH_HEADER).send(COMPLETE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tables: { added: 2 }, lineage: { added: 1 } });
  });

  it('records who posted in the edit log, once per request that changed something', async () => {
    await post(COMPLETE, authAs('pipeline-owner@example.org'));
    const edits = await request(catalog.metadataApp).get('/edits?resource_type=ingest').set(...AUTH_HEADER);
    expect(edits.body.edits).toEqual([expect.objectContaining({
      resource_key: 'openlineage', user_id: 'pipeline-owner@example.org',
      after: expect.objectContaining({ events: 1, tables: { added: 2, changed: 0, unchanged: 0 }, lineage: { added: 1, unchanged: 0 } }),
    })]);
  });

  it('keeps a description and owners people edited through the metadata API, and reports what it kept', async () => {
    await post(COMPLETE);
    const put = await request(catalog.metadataApp).put(`/table/${FCT}/description`).set(...authAs('roald.amundsen@example.org'))
      .set('Content-Type', 'text/plain').send(JSON.stringify({ description: 'Checked by Roald.' }));
    expect(put.status).toBe(200);
    const owner = await request(catalog.metadataApp).put(`/table/${FCT}/owner/fridtjof.nansen@example.org`).set(...authAs('roald.amundsen@example.org'));
    expect(owner.status).toBe(200);

    const edited = structuredClone(COMPLETE);
    edited.outputs![0].facets!.documentation = documentationFacet('As the pipeline now says.');
    const res = await post(edited);
    expect(res.body.kept).toEqual([
      { resource_key: FCT, resource_type: 'table', field: 'description', edited_by: 'roald.amundsen@example.org', kept: 'Checked by Roald.', imported: 'As the pipeline now says.' },
      { resource_key: FCT, resource_type: 'table', field: 'owner', edited_by: 'roald.amundsen@example.org',
        kept: ['fridtjof.nansen@example.org', 'liv.arnesen@example.org'], imported: ['liv.arnesen@example.org'] },
    ]);
    expect(res.body.tables).toMatchObject({ changed: 0, unchanged: 2 });
    expect((await table(FCT)).body.description).toBe('Checked by Roald.');
  });

  it('keeps what other sources gave a table: tags, the view flag, column badges and stats', async () => {
    await post(COMPLETE);
    const ingest = await request(catalog.metadataApp).post('/ingest').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson').send([
      JSON.stringify({ type: 'table', database: 'postgres', cluster: 'shop', schema: 'marts', name: 'fct_orders', is_view: true, description: 'One row per order.',
        tags: ['finance'], owners: ['liv.arnesen@example.org'], columns: [
          { name: 'order_id', col_type: 'BIGINT', description: 'The order.', sort_order: 1, badges: ['PK'], stats: [{ stat_type: 'num_nulls', stat_val: '0' }] },
          { name: 'amount', col_type: 'NUMERIC(12,2)', sort_order: 2 }] }),
    ].join('\n'));
    expect(ingest.body.rejectedCount).toBe(0);
    const doc = structuredClone(COMPLETE);
    doc.outputs![0].facets!.documentation = documentationFacet('One row per order, net of refunds.');
    expect((await post(doc)).body.tables).toMatchObject({ changed: 1 });
    const fct = (await table(FCT)).body;
    expect(fct).toMatchObject({ description: 'One row per order, net of refunds.', is_view: true, tags: [{ tag_name: 'finance', tag_type: 'default' }] });
    expect(fct.columns[0]).toMatchObject({ name: 'order_id', badges: [{ badge_name: 'PK', category: 'column' }], stats: [expect.objectContaining({ stat_type: 'num_nulls', stat_val: '0' })] });
  });

  it('loads a stream of 400 events of 200 runs as one NDJSON request, and a re-post of the stream changes nothing', async () => {
    const events = generateEventStream(200);
    const body = events.map((e) => JSON.stringify(e)).join('\n');
    const send = () => request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson').send(body);
    const first = await send();
    expect(first.status).toBe(201);
    // 20 + 15 staging tables and 200 marts; two edges per run.
    expect(first.body).toMatchObject({ events: 400, tables: { added: 235, changed: 0 }, lineage: { added: 400 }, rejectedCount: 0 });
    expect(count('SELECT count(*) FROM tables')).toBe(235);
    expect(count('SELECT count(*) FROM table_lineage')).toBe(400);
    expect((await table('postgres://shop.marts/fct_7')).body.owners.map((o: { email: string }) => o.email)).toEqual(['owner0@example.org']);

    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ tables: { added: 0, changed: 0, unchanged: 235 }, lineage: { added: 0, unchanged: 400 } });
  });

  it('takes a JSON array of events, and a gzip body (the HTTP transport\'s compression)', async () => {
    const array = await post([MINIMAL_START, COMPLETE]);
    expect(array.status).toBe(201);
    expect(array.body).toMatchObject({ events: 2, tables: { added: 2 } });
    // Over a real socket: supertest would serialize a Buffer sent as application/json.
    const server = catalog.metadataApp.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const gz = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/lineage`, {
      method: 'POST',
      headers: { authorization: AUTH_HEADER[1], 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(COMPLETE)),
    }).finally(() => server.close());
    expect(gz.status).toBe(200);
    expect(await gz.json()).toMatchObject({ tables: { unchanged: 2 } });
  });

  describe('refuses a bad event with 400 naming the field', () => {
    it.each([
      ['a RunEvent without job.name', { ...MINIMAL_START, job: { namespace: 'airflow-prod' } }, 'field "job.name": missing'],
      ['an unknown eventType', { ...MINIMAL_START, eventType: 'DONE' }, 'field "eventType": must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER'],
      ['an eventTime that is not a date', { ...MINIMAL_START, eventTime: 'yesterday' }, 'field "eventTime": must be an ISO 8601 date-time'],
      ['a dataset without a namespace', runEvent({ inputs: [{ name: 'shop.public.orders' } as never] }), 'field "inputs[0].namespace": missing'],
      ['a schema field without a name', runEvent({ outputs: [{ namespace: PG, name: 'shop.marts.x', facets: { schema: schemaFacet([{ type: 'int' } as never]) } }] }),
        'field "outputs[0].facets.schema.fields[0].name": missing'],
      ['a postgres name with an empty part', runEvent({ outputs: [{ namespace: PG, name: 'shop..x' }] }), 'field "outputs[0].name": the schema part is empty'],
      ['a documentation facet without a description', datasetEvent({ namespace: PG, name: 'a.b.c', facets: { documentation: { _producer: 'x', _schemaURL: 'y' } } }),
        'field "dataset.facets.documentation.description": missing'],
      ['no event at all', { hello: 'world' }, 'not an OpenLineage event'],
    ])('%s', async (_title, body, reason) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(reason);
      expect(count('SELECT count(*) FROM tables')).toBe(0);
    });

    it('a dbt manifest, named as one with where it goes, on one line or pretty-printed', async () => {
      const manifest = { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json', project_name: 'acme' }, nodes: {}, sources: {} };
      for (const text of [JSON.stringify(manifest), JSON.stringify(manifest, null, 2)]) {
        const res = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/json').send(text);
        expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: {
          message: 'The request body is a dbt manifest, not OpenLineage events: to load a dbt project, POST {"manifest": …, "catalog": …} to /import/dbt as application/json.',
        } });
      }
    });

    it('a body that is not JSON, and one of another content type', async () => {
      const broken = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/json').send('{"eventType":');
      expect(broken.status).toBe(400);
      expect(broken.body.message).toMatch(/^The request body is not valid JSON/);
      const asJson = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/json')
        .send(`${JSON.stringify(COMPLETE)}\n${JSON.stringify(MINIMAL_START)}\n`);
      expect(asJson.status).toBe(400);
      expect(asJson.body.message).toBe('The request body is not valid JSON at line 2, column 1: unexpected "{" after the end of the JSON value: ' +
        'it looks like NDJSON (one event a line), so send it as Content-Type: application/x-ndjson');
      const form = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).type('form').send({ a: 1 });
      expect(form.status).toBe(400);
      expect(form.body.message).toContain('application/json');
    });
  });

  it('loads the good events of a batch and lists the bad ones by index (array) or line (NDJSON)', async () => {
    const array = await post([COMPLETE, { ...MINIMAL_START, run: {} }]);
    expect(array.status).toBe(201);
    expect(array.body).toMatchObject({ events: 1, rejectedCount: 1, rejected: [{ event: 1, field: 'run.runId', reason: 'field "run.runId": missing' }] });
    const ndjson = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson')
      .send(`${JSON.stringify(MINIMAL_START)}\nnot json\n`);
    expect(ndjson.status).toBe(200);
    expect(ndjson.body).toMatchObject({ events: 1, rejectedCount: 1, rejected: [{ line: 2, reason: expect.stringMatching(/^invalid JSON/) }] });
  });

  it('asks for a bearer token like every catalog route', async () => {
    const res = await request(catalog.metadataApp).post('/api/v1/lineage').send(COMPLETE);
    expect(res.status).toBe(401);
    expect(count('SELECT count(*) FROM tables')).toBe(0);
  });
});

describe('POST /api/v1/lineage: a run split over events (merged by run.runId)', () => {
  const SRC_A = 'postgres://shop.split/src_a';
  const SRC_C = 'postgres://shop.split/src_c';
  const DST_B = 'postgres://shop.split/dst_b';
  const DST_D = 'postgres://shop.split/dst_d';
  const ds = (table: string) => ({ namespace: PG, name: `shop.split.${table}` });
  const RUN = '0193a9b0-0000-7000-8000-0000000000aa';
  /** What a Spark or Airflow integration sends: empty lists where the event names nothing. */
  const event = (eventType: string, inputs: string[], outputs: string[], runId = RUN) =>
    ({ ...runEvent({ eventType, runId, job: 'spark.split_job' }), inputs: inputs.map(ds), outputs: outputs.map(ds) });
  const tableEdges = () => query((db) => db.prepare('SELECT upstream_key, downstream_key FROM table_lineage ORDER BY 1, 2').raw().all());
  const remembered = (runId = RUN) => query((db) => db.prepare('SELECT job, inputs, outputs, ended_as FROM openlineage_runs WHERE run_id = ?').get(runId));

  it('pairs the inputs of a START with the outputs of a COMPLETE posted later', async () => {
    const start = await post(event('START', ['src_a'], []));
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({ tables: { added: 1 }, lineage: { added: 0, unchanged: 0 }, warnings: [] });

    const complete = await post(event('COMPLETE', [], ['dst_b']));
    expect(complete.status).toBe(201);
    expect(complete.body).toMatchObject({ tables: { added: 1, unchanged: 0 }, lineage: { added: 1, unchanged: 0 }, warnings: [] });
    expect((await lineage(DST_B)).body.upstream_entities.map((e: { key: string }) => e.key)).toEqual([SRC_A]);
    expect(remembered()).toEqual({ job: 'airflow-prod/spark.split_job', inputs: JSON.stringify([SRC_A]), outputs: JSON.stringify([DST_B]), ended_as: 'COMPLETE' });
  });

  it('pairs them in one request too (an NDJSON batch), and a run spread over RUNNING events gets every input × every output', async () => {
    const lines = [event('START', ['src_a'], []), event('RUNNING', [], ['dst_b']), event('RUNNING', ['src_c'], []), event('COMPLETE', [], ['dst_d'])];
    const res = await request(catalog.metadataApp).post('/api/v1/lineage').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson')
      .send(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ events: 4, tables: { added: 4 }, lineage: { added: 4 }, warnings: [] });
    expect(tableEdges()).toEqual([[SRC_A, DST_B], [SRC_A, DST_D], [SRC_C, DST_B], [SRC_C, DST_D]]);
  });

  it('adds the edges a RUNNING event makes as it comes, one request each', async () => {
    await post(event('START', ['src_a'], []));
    expect((await post(event('RUNNING', [], ['dst_b']))).body.lineage).toEqual({ added: 1, unchanged: 0 });
    expect((await post(event('RUNNING', ['src_c'], []))).body.lineage).toEqual({ added: 1, unchanged: 1 });
    expect((await post(event('COMPLETE', [], ['dst_d']))).body.lineage).toEqual({ added: 2, unchanged: 2 });
    expect(tableEdges()).toEqual([[SRC_A, DST_B], [SRC_A, DST_D], [SRC_C, DST_B], [SRC_C, DST_D]]);
  });

  it('ends a run with FAIL or ABORT as with COMPLETE: the lineage it named is kept, and outputs without inputs are a warning', async () => {
    await post(event('START', ['src_a'], []));
    const failed = await post(event('FAIL', [], ['dst_b']));
    expect(failed.body).toMatchObject({ lineage: { added: 1 }, warnings: [] });
    expect(remembered()).toMatchObject({ ended_as: 'FAIL' });

    const aborted = await post(event('ABORT', [], ['dst_d'], 'run-aborted-before-its-start-came'));
    expect(aborted.status).toBe(201);
    expect(aborted.body.lineage).toEqual({ added: 0, unchanged: 0 });
    expect(aborted.body.warnings).toEqual([{ run_id: 'run-aborted-before-its-start-came', job: 'airflow-prod/spark.split_job', reason: expect.stringContaining(`the run ended (ABORT) with outputs (${DST_D}) but no inputs the catalog knows of`) }]);
    expect(tableEdges()).toEqual([[SRC_A, DST_B]]);
  });

  it('warns when a COMPLETE of a run it never heard of names only outputs, and still adds the tables', async () => {
    const res = await post(event('COMPLETE', [], ['dst_b', 'dst_d'], 'unknown-run'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tables: { added: 2 }, lineage: { added: 0, unchanged: 0 } });
    expect(res.body.warnings).toEqual([{
      run_id: 'unknown-run', job: 'airflow-prod/spark.split_job',
      reason: `the run ended (COMPLETE) with outputs (${DST_B}, ${DST_D}) but no inputs the catalog knows of, so no lineage leads to them: `
        + 'its events that named inputs did not reach the catalog or came too long ago to be remembered, or the job reads no dataset',
    }]);
    // A RUNNING with only outputs is no warning: its inputs may come later.
    expect((await post(event('RUNNING', [], ['dst_b'], 'still-running'))).body.warnings).toEqual([]);
  });

  it('writes nothing when the events of a split run are sent again: 200, the same file', async () => {
    await post(event('START', ['src_a'], []));
    await post(event('COMPLETE', [], ['dst_b']));
    const before = dumpCatalog();
    for (const again of [event('START', ['src_a'], []), event('COMPLETE', [], ['dst_b'])]) {
      const res = await post(again);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tables: { added: 0, changed: 0 }, lineage: { added: 0 }, warnings: [] });
    }
    expect(dumpCatalog()).toBe(before);
    expect(count("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'")).toBe(2);
  });

  it('merges the columnLineage facets a run sends in separate events', async () => {
    const withFacet = (eventType: string, field: string) => ({
      ...event(eventType, [], []),
      outputs: [{ ...ds('dst_b'), facets: { columnLineage: columnLineageFacet({ [field]: [{ namespace: PG, name: 'shop.split.src_a', field }] }) } }],
    });
    await post(event('START', ['src_a'], []));
    expect((await post(withFacet('RUNNING', 'id'))).body.columnLineage).toEqual({ added: 1, unchanged: 0 });
    expect((await post(withFacet('COMPLETE', 'amount'))).body).toMatchObject({ lineage: { unchanged: 1 }, columnLineage: { added: 1, unchanged: 0 } });
    expect(query((db) => db.prepare('SELECT upstream_key, downstream_key FROM column_lineage ORDER BY 1').raw().all()))
      .toEqual([[`${SRC_A}/amount`, `${DST_B}/amount`], [`${SRC_A}/id`, `${DST_B}/id`]]);
  });

  it('pairs a START and a COMPLETE posted at the same time', async () => {
    const [start, complete] = await Promise.all([post(event('START', ['src_a'], [])), post(event('COMPLETE', [], ['dst_b']))]);
    expect([start.status, complete.status]).toEqual([201, 201]);
    expect(tableEdges()).toEqual([[SRC_A, DST_B]]);
  });

  it('remembers nothing of a dry run', async () => {
    const dry = () => request(catalog.metadataApp).post('/api/v1/lineage?dry_run=true').set(...AUTH_HEADER);
    await dry().send(event('START', ['src_a'], []));
    // Not even its table: the first import that writes creates it.
    expect(count("SELECT count(*) FROM sqlite_master WHERE name = 'openlineage_runs'")).toBe(0);
    await post(event('START', ['src_c'], [], 'another-run'));
    const before = dumpCatalog();
    await dry().send(event('START', ['src_a'], []));
    expect(dumpCatalog()).toBe(before);
    const complete = await post(event('COMPLETE', [], ['dst_b']));
    expect(complete.body).toMatchObject({ lineage: { added: 0 }, warnings: [{ run_id: RUN }] });
  });

  it('forgets an open run 7 days after an event last added to it, and says so when it ends', async () => {
    await post(event('START', ['src_a'], []));
    const db = new Database(catalog.dbPath);
    try {
      db.prepare('UPDATE openlineage_runs SET changed_at = changed_at - ?').run(7 * 24 * 3600 * 1000 + 60_000);
    } finally {
      db.close();
    }
    const complete = await post(event('COMPLETE', [], ['dst_b']));
    expect(complete.body).toMatchObject({ lineage: { added: 0 }, warnings: [{ run_id: RUN }] });
    expect(remembered()).toMatchObject({ inputs: '[]', outputs: JSON.stringify([DST_B]), ended_as: 'COMPLETE' });
  });
});
