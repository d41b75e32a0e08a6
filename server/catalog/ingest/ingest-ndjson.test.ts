import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { ingestNdjson, PROGRESS_CHECK_LINES, type IngestOptions, type IngestProgress } from './ingest-ndjson';
import { createIngestWriter, SEARCH_DOCUMENTS_PENDING } from './write-ingest-records';
import { parseIngestLine } from './parse-ingest-line';

let catalog: TestCatalog;
let db: CatalogDatabase; // the ingest's own connection, like the CLI's
beforeEach(() => {
  catalog = openTestCatalog();
  db = openCatalogDatabase(catalog.dbPath);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  catalog.cleanup();
});

const ndjson = (...records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const ingest = (text: string, options?: IngestOptions) => ingestNdjson(db, [text], options);
const getTable = (key: string) => request(catalog.metadataApp).get(`/table/${key}`).set(...AUTH_HEADER);
const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
const one = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params);

const T1 = 'hive://gold.test_schema/test_table1';
const table1 = {
  type: 'table', database: 'hive', cluster: 'gold', schema: 'test_schema', name: 'test_table1',
  description: '1st test table', is_view: false, last_updated_timestamp: 1570230473,
  columns: [
    { name: 'col1', col_type: 'string', description: 'col1 description', sort_order: 0, badges: ['PK'] },
    { name: 'col2', col_type: 'bigint', sort_order: 1 },
  ],
  tags: ['expensive'], badges: [{ badge_name: 'beta', category: 'table_status' }], owners: ['roald.amundsen@example.org'],
  programmatic_descriptions: [{ source: 's3_crawler', text: 'crawled' }],
  watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2019-10-01', create_time: '2019-10-01 12:03:23' }],
};
const dashboard1 = {
  type: 'dashboard', product: 'mode', cluster: 'gold', group_id: 'test_group_id_1', group_name: 'test group1',
  group_url: 'http://mode.test_group_id_1.com', id: 'test_dashboard_id_1', name: 'test dashboard',
  url: 'http://mode.test_group_id_1.com/test_dashboard_id_1', description: 'test dashboard description',
  created_timestamp: 1592333799, last_run_timestamp: 1593351193, last_run_state: 'failed',
  owners: ['roald.amundsen@example.org'], tags: ['finance'], tables: [T1],
  queries: [{ name: 'first query', url: 'http://q/1', query_text: 'SELECT * FROM foo.bar' }], charts: ['revenue'],
};
const D1 = 'mode_dashboard://gold.test_group_id_1/test_dashboard_id_1';

describe('ingestNdjson', () => {
  it('loads every record type so the store and GET /table/KEY see it', async () => {
    const summary = await ingest(ndjson(
      { type: 'user', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen', team_name: 'Explorers', manager_email: 'phboss@example.org' },
      table1,
      dashboard1,
      { type: 'lineage', upstream: T1, downstream: 'hive://gold.test_schema/test_table2' },
      { type: 'lineage', level: 'column', upstream: `${T1}/col1`, downstream: 'hive://gold.test_schema/test_table2/col1' },
      { type: 'usage', table_key: T1, user_email: 'chrisc@example.org', read_count: 42 },
      { type: 'usage', dashboard_key: D1, user_email: 'chrisc@example.org', read_count: 7 },
      { type: 'owner', resource_key: T1, resource_type: 'table', user_email: 'chrisc@example.org' },
      { type: 'tag', resource_key: T1, tag: 'pii' },
      { type: 'tag', resource_key: D1, resource_type: 'dashboard', tag: 'kpi' },
    ));
    expect(summary).toMatchObject({
      loaded: { table: 1, user: 1, dashboard: 1, lineage: 2, usage: 2, owner: 1, tag: 2 },
      rejected: [], rejectedCount: 0, rejectedOmitted: 0, warnings: [], warningCount: 0, linesRead: 10, searchIndex: 'refreshed',
    });
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);

    const res = await getTable(T1);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: T1, description: '1st test table', is_view: false, last_updated_timestamp: 1570230473,
      badges: [{ badge_name: 'beta', category: 'table_status' }],
      programmatic_descriptions: [{ source: 's3_crawler', text: 'crawled' }],
      watermarks: [expect.objectContaining({ watermark_type: 'high_watermark', partition_key: 'ds' })],
      table_readers: [{ read_count: 42, user: expect.objectContaining({ email: 'chrisc@example.org' }) }],
    });
    expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(['col1', 'col2']);
    expect(res.body.columns[0].badges).toEqual([{ badge_name: 'PK', category: 'column' }]);
    expect(res.body.tags.map((t: { tag_name: string }) => t.tag_name).sort()).toEqual(['expensive', 'pii']);
    expect(res.body.owners.map((u: { email: string }) => u.email).sort()).toEqual(['chrisc@example.org', 'roald.amundsen@example.org']);
    expect(res.body.owners.find((u: { email: string }) => u.email === 'roald.amundsen@example.org')).toMatchObject({ full_name: 'Roald Amundsen', team_name: 'Explorers' });

    expect(all('SELECT user_id, manager_user_id FROM users WHERE user_id = ?', 'roald.amundsen@example.org'))
      .toEqual([{ user_id: 'roald.amundsen@example.org', manager_user_id: 'phboss@example.org' }]);
    expect(all(`SELECT d.name, d.last_run_state, g.name AS group_name, g.url AS group_url FROM dashboards d
      JOIN dashboard_groups g ON g.id = d.group_id WHERE d.key = ?`, D1))
      .toEqual([{ name: 'test dashboard', last_run_state: 'failed', group_name: 'test group1', group_url: 'http://mode.test_group_id_1.com' }]);
    expect(one('SELECT t.key FROM dashboard_tables dt JOIN tables t ON t.id = dt.table_id')).toBe(T1);
    expect(all('SELECT name, query_text FROM dashboard_queries')).toEqual([{ name: 'first query', query_text: 'SELECT * FROM foo.bar' }]);
    expect(one('SELECT name FROM dashboard_charts')).toBe('revenue');
    expect(all('SELECT g.name FROM dashboard_tags dt JOIN tags g ON g.id = dt.tag_id ORDER BY g.name').map((r) => (r as { name: string }).name))
      .toEqual(['finance', 'kpi']);
    expect(one('SELECT view_count FROM dashboard_viewers')).toBe(7);
    expect(one('SELECT u.user_id FROM dashboard_owners o JOIN users u ON u.id = o.user_id')).toBe('roald.amundsen@example.org');
    expect(all('SELECT upstream_key, downstream_key FROM table_lineage')).toEqual([{ upstream_key: T1, downstream_key: 'hive://gold.test_schema/test_table2' }]);
    expect(one('SELECT count(*) FROM column_lineage')).toBe(1);
    // Popularity and the search index were refreshed for the table.
    expect(one('SELECT total_reads FROM tables WHERE key = ?', T1)).toBe(42);
    expect(JSON.parse(one('SELECT tag_names FROM table_search WHERE key = ?', T1) as string).sort()).toEqual(['expensive', 'pii']);
  });

  it('upserts by key: the same table twice is one row, and the later record wins', async () => {
    await ingest(ndjson(table1, { ...table1, description: 'second', columns: [{ name: 'only', col_type: 'int' }], tags: ['cheap'] }));
    expect(one('SELECT count(*) FROM tables')).toBe(1);
    const res = await getTable(T1);
    expect(res.body.description).toBe('second');
    expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(['only']);
    expect(res.body.tags).toEqual([{ tag_type: 'default', tag_name: 'cheap' }]);

    await ingest(ndjson({ type: 'user', email: 'a@example.org', team_name: 'one' }, { type: 'user', email: 'a@example.org', team_name: 'two' }));
    expect(all('SELECT team_name FROM users WHERE user_id = ?', 'a@example.org')).toEqual([{ team_name: 'two' }]);

    await ingest(ndjson(dashboard1, { ...dashboard1, name: 'renamed', charts: ['a', 'b'] }));
    expect(all('SELECT name FROM dashboards')).toEqual([{ name: 'renamed' }]);
    expect(one('SELECT count(*) FROM dashboard_charts')).toBe(2);
  });

  it('keeps owners, tags, usage and other lists a later table record leaves out', async () => {
    await ingest(ndjson(
      table1,
      { type: 'usage', table_key: T1, user_email: 'reader@example.org', read_count: 5 },
      { type: 'owner', resource_key: T1, user_email: 'second.owner@example.org' },
    ));
    const { tags: _t, owners: _o, badges: _b, watermarks: _w, programmatic_descriptions: _p, ...bare } = table1;
    await ingest(ndjson({ ...bare, description: 'again' }));
    const res = await getTable(T1);
    expect(res.body.description).toBe('again');
    expect(res.body.owners).toHaveLength(2);
    expect(res.body.tags).toEqual([{ tag_type: 'default', tag_name: 'expensive' }]);
    expect(res.body.badges).toHaveLength(1);
    expect(res.body.watermarks).toHaveLength(1);
    expect(res.body.programmatic_descriptions).toHaveLength(1);
    expect(res.body.table_readers).toEqual([expect.objectContaining({ read_count: 5 })]);
    // A list that is present replaces: owners: [] removes every owner.
    await ingest(ndjson({ ...bare, owners: [] }));
    expect((await getTable(T1)).body.owners).toEqual([]);
  });

  it('sets (does not add) the read count of a usage record, and 0 removes the reader', async () => {
    await ingest(ndjson(
      table1,
      { type: 'usage', table_key: T1, user_email: 'r@example.org', read_count: 10 },
      { type: 'usage', table_key: T1, user_email: 'r@example.org', read_count: 3 },
    ));
    expect(one('SELECT read_count FROM table_readers')).toBe(3);
    expect(one('SELECT total_reads FROM tables')).toBe(3);
    await ingest(ndjson({ type: 'usage', table_key: T1, user_email: 'r@example.org', read_count: 0 }));
    expect(one('SELECT count(*) FROM table_readers')).toBe(0);
    expect(one('SELECT total_reads FROM tables')).toBe(0);
  });

  it('reports bad records with their line numbers and precise reasons while the good ones load', async () => {
    const summary = await ingest(ndjson(
      table1, // 1
      '{"type": "table", "database": ', // 2
      '', // 3: blank lines are skipped
      { type: 'view', name: 'x' }, // 4
      { type: 'table', database: 'hive', cluster: 'gold', schema: 's' }, // 5
      { type: 'usage', table_key: 'hive://gold.test_schema/missing', user_email: 'r@example.org', read_count: 1 }, // 6
      { type: 'owner', resource_key: D1, resource_type: 'dashboard', user_email: 'r@example.org' }, // 7
      { ...dashboard1, type: undefined, tables: ['hive://gold.test_schema/missing'] }, // 8: no type
      { ...dashboard1, tables: ['hive://gold.test_schema/missing'] }, // 9
      { type: 'user', email: 'ok@example.org' }, // 10
    ));
    expect(summary.rejected).toEqual([
      { line: 2, reason: 'invalid JSON at column 31: expected a value (a string, number, object, array, true, false or null), found the line ends' },
      { line: 4, reason: 'unknown type "view" (expected one of table, user, dashboard, lineage, usage, owner, tag)' },
      { line: 5, reason: 'table record: missing field "name"' },
      { line: 6, reason: 'unknown table "hive://gold.test_schema/missing" (load the table record first)' },
      { line: 7, reason: `unknown dashboard "${D1}" (load the dashboard record first)` },
      { line: 8, reason: 'missing field "type"' },
      { line: 9, reason: 'unknown table "hive://gold.test_schema/missing" (load the table record first)' },
    ]);
    expect(summary.loaded).toMatchObject({ table: 1, user: 1, dashboard: 0, usage: 0, owner: 0 });
    expect(summary.rejectedCount).toBe(7);
    // A rejected record leaves nothing behind: no bare user for line 6, no dashboard group for line 9.
    expect(one('SELECT count(*) FROM users WHERE user_id = ?', 'r@example.org')).toBe(0);
    expect(one('SELECT count(*) FROM dashboard_groups')).toBe(0);
    expect(one('SELECT count(*) FROM tables')).toBe(1);
  });

  it('caps the listed rejections and counts the rest', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `not json ${i}`).join('\n');
    const summary = await ingest(lines, { maxRejected: 5 });
    expect(summary.rejected.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(summary).toMatchObject({ rejectedCount: 30, rejectedOmitted: 25, linesRead: 30 });
  });

  it('streams 20 000 records in batches, calling back with progress, and rebuilds the index for a big load', async () => {
    const progress: IngestProgress[] = [];
    async function* generate() {
      for (let i = 0; i < 10_000; i++) {
        const key = `hive://gold.bulk/t${i}`;
        yield `${JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'bulk', name: `t${i}`, columns: [{ name: 'id', col_type: 'int' }] })}\n`;
        yield `${JSON.stringify({ type: 'usage', table_key: key, user_email: `u${i % 50}@example.org`, read_count: i + 1 })}\n`;
      }
    }
    const summary = await ingestNdjson(db, generate(), {
      // No time budget: the batches must end on the count alone, however slow the machine.
      batchSize: 2000, maxBatchMs: Infinity, progressIntervalMs: 0, rebuildThreshold: 5000, onProgress: (p) => progress.push(p),
    });
    expect(summary).toMatchObject({ loaded: { table: 10_000, usage: 10_000 }, rejectedCount: 0, linesRead: 20_000, searchIndex: 'rebuilt' });
    const loading = progress.filter((p) => p.phase === 'loading');
    // After each commit, and (the interval being 0) each time reading looks at the clock, with what has committed so far.
    expect([...new Set(loading.map((p) => p.recordsLoaded))]).toEqual(Array.from({ length: 11 }, (_, i) => i * 2000));
    expect(loading.map((p) => p.linesRead)).toEqual([...loading.map((p) => p.linesRead)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ phase: 'done', linesRead: 20_000, recordsLoaded: 20_000 });
    expect(one('SELECT count(*) FROM table_search')).toBe(10_000);
    expect(one('SELECT total_reads FROM tables WHERE key = ?', 'hive://gold.bulk/t9999')).toBe(10_000);
    expect(one('SELECT key FROM table_search ORDER BY doc_id LIMIT 1')).toBe('hive://gold.bulk/t9999');
  });

  describe('progress while a big batch is read', () => {
    // A clock that moves 2 ms per line read (the input yields one line at a time), so progress is
    // checked against time without waiting for it: 1 000 ms is 500 lines.
    const timedInput = (lines: number, clock: { now: number }) => (async function* () {
      for (let i = 0; i < lines; i++) {
        clock.now += 2;
        yield `${JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'big', name: `t${i}` })}\n`;
      }
    })();

    it('comes about once a second of reading, not only when a batch commits', async () => {
      const clock = { now: 0 };
      const progress: IngestProgress[] = [];
      // One batch for the whole input, as the CLI's 25 000 records are: the old code reported nothing until it committed.
      await ingestNdjson(db, timedInput(5000, clock), { batchSize: 25_000, maxBatchMs: Infinity, clock: () => clock.now, onProgress: (p) => progress.push(p) });
      const loading = progress.filter((p) => p.phase === 'loading');
      expect(loading.length).toBeGreaterThanOrEqual(8); // 10 s of reading
      for (const [i, p] of loading.entries()) {
        const sinceLast = p.elapsedMs - (i === 0 ? 0 : loading[i - 1]!.elapsedMs);
        // Never more often than once a second, and at most one check (PROGRESS_CHECK_LINES lines) late.
        expect(sinceLast).toBeGreaterThanOrEqual(1000);
        expect(sinceLast).toBeLessThan(1000 + 2 * PROGRESS_CHECK_LINES + 2);
        expect(p).toMatchObject({ recordsLoaded: 0, recordsRejected: 0 }); // nothing committed yet
      }
      expect(progress.at(-1)).toMatchObject({ phase: 'done', recordsLoaded: 5000, linesRead: 5000 });
    });

    it('comes every N lines with progressEveryRecords, whatever the clock says', async () => {
      const clock = { now: 0 };
      const lines: number[] = [];
      await ingestNdjson(db, timedInput(1000, clock), {
        batchSize: 25_000, progressIntervalMs: Infinity, progressEveryRecords: 300, clock: () => clock.now,
        onProgress: (p) => p.phase === 'loading' && lines.push(p.linesRead),
      });
      expect(lines).toEqual([300, 600, 900]);
    });

    it('reads no clock per line: once every PROGRESS_CHECK_LINES lines while reading', async () => {
      const clock = { now: 0, readings: 0 };
      await ingestNdjson(db, timedInput(10 * PROGRESS_CHECK_LINES, clock), {
        batchSize: 25_000, maxBatchMs: Infinity, clock: () => (clock.readings++, clock.now), onProgress: () => {},
      });
      // 10 while reading, plus the start, the one commit, the indexing and done reports and the summary's duration.
      expect(clock.readings).toBeLessThanOrEqual(10 + 6);
    });
  });

  describe('the search index refresh after a load', () => {
    const tableNamed = (schema: string, name: string) => ({ type: 'table', database: 'hive', cluster: 'gold', schema, name, columns: [{ name: 'id', col_type: 'int' }] });
    const newTables = ndjson(...['a', 'b', 'c', 'd', 'e'].map((name) => tableNamed('fresh', name)));
    const freshDocs = () => one("SELECT count(*) FROM table_search WHERE key LIKE 'hive://gold.fresh/%'") as number;

    it('rebuilds the whole index when the touched tables are most of the catalog', async () => {
      expect((await ingest(newTables, { rebuildThreshold: 1 })).searchIndex).toBe('rebuilt');
      expect(freshDocs()).toBe(5);
    });

    it('otherwise refreshes what was touched, a chunk per transaction, letting other work run in between', async () => {
      await ingest(ndjson(...Array.from({ length: 20 }, (_, i) => tableNamed('old', `t${i}`))));
      // Other work scheduled on the event loop while the load runs sees each chunk as it commits.
      const seen: number[] = [];
      let running = true;
      const sample = () => {
        seen.push(freshDocs());
        if (running) setImmediate(sample);
      };
      setImmediate(sample);
      const summary = await ingest(newTables, { rebuildThreshold: 1, refreshChunk: 2 });
      running = false;
      expect(summary.searchIndex).toBe('refreshed');
      expect(freshDocs()).toBe(5);
      expect(seen).toContain(2);
      expect(seen).toContain(4);
      expect(one(`SELECT count(*) FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`)).toBe(0);
    });
  });

  describe('time budget of a transaction (maxBatchMs)', () => {
    const bulkTable = (name: string) => ({ type: 'table', database: 'hive', cluster: 'gold', schema: 'bulk', name, columns: [{ name: 'id', col_type: 'int' }] });
    const input = ndjson(
      bulkTable('a'), bulkTable('b'),
      { type: 'usage', table_key: 'hive://gold.bulk/missing', user_email: 'u@example.org', read_count: 1 }, // line 3
      bulkTable('c'), bulkTable('d'), bulkTable('e'),
    );
    // Progress is reported after each commit; a second connection sees only committed rows.
    const loadWatchingCommits = async (options: IngestOptions) => {
      const reader = openCatalogDatabase(catalog.dbPath);
      const commits: { loaded: number; tablesVisible: unknown }[] = [];
      try {
        const summary = await ingest(input, {
          batchSize: 1000, progressIntervalMs: 0, ...options,
          onProgress: (p) => {
            if (p.phase === 'loading') commits.push({ loaded: p.recordsLoaded, tablesVisible: reader.prepare('SELECT count(*) FROM tables').pluck().get() });
          },
        });
        return { summary, commits };
      } finally {
        reader.close();
      }
    };

    it('without a budget the record count alone ends the transaction', async () => {
      const { summary, commits } = await loadWatchingCommits({ maxBatchMs: Infinity });
      expect(commits).toEqual([{ loaded: 5, tablesVisible: 5 }]);
      expect(summary.rejected).toEqual([{ line: 3, reason: 'unknown table "hive://gold.bulk/missing" (load the table record first)' }]);
    });

    it('commits when the budget is spent and goes on with the rest of the batch in the next transaction', async () => {
      // A fake clock that ticks 1 ms per reading: inside a transaction it is read once for the
      // deadline and once after each record, so a 3 ms budget ends a transaction after 3 records.
      let now = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
      const { summary, commits } = await loadWatchingCommits({ maxBatchMs: 3 });
      expect(commits).toEqual([
        { loaded: 2, tablesVisible: 2 }, // a, b and the rejected line 3
        { loaded: 5, tablesVisible: 5 }, // c, d, e
      ]);
      expect(summary.loaded).toMatchObject({ table: 5, usage: 0 });
      expect(summary.rejected).toEqual([{ line: 3, reason: 'unknown table "hive://gold.bulk/missing" (load the table record first)' }]);
    });

    it('still applies one record per transaction when the budget is 0', async () => {
      const { summary, commits } = await loadWatchingCommits({ maxBatchMs: 0 });
      expect(commits.map((c) => c.loaded)).toEqual([1, 2, 2, 3, 4, 5]);
      expect(commits.map((c) => c.tablesVisible)).toEqual([1, 2, 2, 3, 4, 5]);
      expect(summary).toMatchObject({ loaded: { table: 5 }, rejectedCount: 1, searchIndex: 'refreshed' });
      expect(one(`SELECT count(*) FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`)).toBe(0);
      expect(one('SELECT count(*) FROM table_search')).toBe(5);
    });
  });

  it('rejects a record that breaks a constraint inside a batch and keeps the others of that batch', async () => {
    // The same column twice in one table is caught by the schema; a watermark type twice hits the
    // primary key of `watermarks` (INSERT OR REPLACE keeps the last one), so use a lineage self-loop.
    const summary = await ingest(ndjson(
      table1,
      { type: 'lineage', upstream: T1, downstream: T1 },
      { type: 'tag', resource_key: T1, tag: 'after' },
    ), { batchSize: 10 });
    expect(summary.rejected).toEqual([{ line: 2, reason: `upstream and downstream are the same key "${T1}"` }]);
    expect(summary.loaded).toMatchObject({ table: 1, tag: 1, lineage: 0 });
  });

  it('writes search documents once, after the load, and clears its pending flag', async () => {
    await ingest(ndjson(table1));
    expect(one('SELECT count(*) FROM table_search WHERE key = ?', T1)).toBe(1);
    expect(one(`SELECT count(*) FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`)).toBe(0);
    const hits = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term: 'test_table1', resource_types: ['table'] });
    expect(hits.body.results.table.results.map((h: { key: string }) => h.key)).toEqual([T1]);
  });

  it('leaves a flag when it stops before writing search documents; the search app rebuilds them on its next start', async () => {
    const writer = createIngestWriter(db);
    const parsed = parseIngestLine(JSON.stringify(table1));
    if (!parsed.ok) throw new Error(parsed.reason);
    writer.runBatch(() => writer.applyRecord(parsed.record)); // committed, and then the process "dies"
    expect(one('SELECT count(*) FROM tables WHERE key = ?', T1)).toBe(1);
    expect(one('SELECT count(*) FROM table_search WHERE key = ?', T1)).toBe(0);
    expect(one(`SELECT value FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`)).toBe('1');

    const restarted = openTestCatalog({ dbPath: catalog.dbPath });
    try {
      const hits = await request(restarted.searchApp).post('/v2/search').set(...AUTH_HEADER)
        .send({ query_term: 'test_table1', resource_types: ['table'] });
      expect(hits.body.results.table.results.map((h: { key: string }) => h.key)).toEqual([T1]);
      expect(one(`SELECT count(*) FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`)).toBe(0);
    } finally {
      restarted.cleanup();
    }
  });

  it('counts overlapping ingests: the flag stays until the last one has written its documents', async () => {
    const pending = () => one(`SELECT value FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`);
    const first = createIngestWriter(db);
    const second = createIngestWriter(db);
    const parsed = parseIngestLine(JSON.stringify(table1));
    if (!parsed.ok) throw new Error(parsed.reason);
    first.runBatch(() => first.applyRecord(parsed.record));
    second.runBatch(() => second.applyRecord(parsed.record));
    second.runBatch(() => second.applyRecord(parsed.record)); // a second batch counts nothing more
    expect(pending()).toBe('2');
    first.refreshSearchIndex();
    expect(pending()).toBe('1'); // the second ingest's documents may still be missing
    second.refreshSearchIndex();
    expect(pending()).toBeUndefined();
  });
});

describe('keys that may not mean what they seem: loaded as written, with a warning on their line', () => {
  const t = (database: string, cluster: string, schema: string, name: string) => ({ type: 'table', database, cluster, schema, name });

  it('a table key that differs only in case from one in the catalog, or earlier in the load, whichever spelling comes first', async () => {
    await ingest(ndjson(t('hive', 'gold', 'events', 'page_views')));
    const summary = await ingest(ndjson(
      t('Hive', 'Gold', 'Events', 'Page_Views'),
      t('hive', 'gold', 'events', 'clicks'),
      t('hive', 'gold', 'events', 'Clicks'),
      t('hive', 'gold', 'events', 'clicks'),
      { type: 'usage', table_key: 'hive://gold.events/PAGE_VIEWS', user_email: 'u@example.org', read_count: 1 },
    ));
    // The record is the truth: each spelling is a table of its own, as in Amundsen.
    expect(summary.loaded.table).toBe(4);
    expect(all('SELECT key FROM tables ORDER BY key').map((r) => (r as { key: string }).key)).toEqual([
      'Hive://Gold.Events/Page_Views', 'hive://gold.events/Clicks', 'hive://gold.events/clicks', 'hive://gold.events/page_views',
    ]);
    expect(summary.warningCount).toBe(3);
    expect(summary.warnings).toEqual([
      { line: 1, message: 'table key "Hive://Gold.Events/Page_Views" differs only in case from "hive://gold.events/page_views", which the catalog has: keys are case-sensitive, ' +
        'so this is a second table beside it (the importers write keys in lower case; to update that table, write its key as the catalog has it)' },
      { line: 3, message: expect.stringMatching(/^table key "hive:\/\/gold\.events\/Clicks" differs only in case from "hive:\/\/gold\.events\/clicks"/) },
      { line: 4, message: expect.stringMatching(/^table key "hive:\/\/gold\.events\/clicks" differs only in case from "hive:\/\/gold\.events\/Clicks"/) },
    ]);
    // A reference by another spelling is still unknown, and says which spelling the catalog has.
    expect(summary.rejected).toEqual([{ line: 5, reason: 'unknown table "hive://gold.events/PAGE_VIEWS" (load the table record first; the catalog has "hive://gold.events/page_views", which differs only in case: keys are case-sensitive)' }]);
  });

  it('a lower-case table key — what the importers write — whose other spelling the catalog has', async () => {
    await ingest(ndjson(t('Hive', 'Gold', 'Events', 'Page_Views'), t('hive', 'gold', 'events', 'Clicks')));
    const summary = await ingest(ndjson(t('hive', 'gold', 'events', 'page_views'), t('hive', 'gold', 'events', 'CLICKS'), t('hive', 'gold', 'events', 'orders')));
    expect(summary.loaded.table).toBe(3);
    expect(summary.warnings).toEqual([
      { line: 1, message: 'table key "hive://gold.events/page_views" differs only in case from "Hive://Gold.Events/Page_Views", which the catalog has: keys are case-sensitive, ' +
        'so this is a second table beside it (the importers write keys in lower case; to update that table, write its key as the catalog has it)' },
      { line: 2, message: expect.stringMatching(/^table key "hive:\/\/gold\.events\/CLICKS" differs only in case from "hive:\/\/gold\.events\/Clicks"/) },
    ]);
    // A load of the same keys again says the same: both spellings are in the catalog now.
    const again = await ingest(ndjson(t('hive', 'gold', 'events', 'page_views')));
    expect(again.warnings.map((w) => w.message)).toEqual([summary.warnings[0].message]);
  });

  it('a table name with a "/" (its key is a column\'s key too) and a schema with a "." (its key reads back as other parts)', async () => {
    const summary = await ingest(ndjson(
      { ...t('hive', 'gold', 's', 'sl'), columns: [{ name: 'ash', col_type: 'int' }] },
      t('hive', 'gold', 's', 'sl/ash'),
      t('hive', 'gold', 'a.b', 'orders'),
      t('hive', 'gold', 's', 'plain'),
    ));
    expect(summary.loaded.table).toBe(4);
    expect(summary.warnings).toEqual([
      { line: 2, message: 'table name "sl/ash" has a "/": its key "hive://gold.s/sl/ash" is also the key of column "ash" of table "hive://gold.s/sl" ' +
        '(Amundsen\'s keys cannot tell the two apart: column lineage and links by that key may mean either)' },
      { line: 3, message: 'the key "hive://gold.a.b/orders" reads back as database "hive", cluster "gold.a", schema "b", name "orders", not as this record\'s parts ' +
        '(a "." in the schema or a "/" in the database, cluster or schema moves where Amundsen\'s keys split): the table page and references by key find it under those parts' },
    ]);
  });
});
