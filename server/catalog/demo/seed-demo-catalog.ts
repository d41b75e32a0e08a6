// Writes the demo users, `count` demo tables, table lineage and dashboards into a catalog database
// in batched transactions, reporting progress as it goes.
//
// Into an empty database the load runs in bulk mode: synchronous = OFF, a 1 GiB page cache,
// foreign-key checks off (the writer resolves every reference itself and nothing is deleted),
// secondary indexes of the loaded tables dropped and rebuilt after the load, FTS5 merging deferred
// to one final 'optimize', 25 000 tables per transaction, and no per-table key lookups (every key
// is new). Settings are restored after.
//
// A new catalog file (createDemoCatalogFile) is built under another name without any journal
// (every page written once, to the file itself) and renamed into place when complete: a crash
// leaves no half-built catalog where the catalog belongs, only a `.loading` file the next build
// deletes. An existing (empty) catalog file is loaded in place and keeps its WAL journal, so if
// the process dies there, at most the batch being written is lost.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { enableWal, openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { MIGRATIONS } from '../store/migrations';
import { createTableWriter } from '../store/write-tables';
import { setFtsLoadMode } from '../store/search-index';
import { createDashboardWriter } from '../store/write-dashboards';
import { createTagBadgeRows } from '../store/tag-badge-rows';
import { createLineageRows } from '../store/lineage-rows';
import { createCatalogOverview } from '../store/read-catalog-overview';
import { buildTableKey, type TableRecord } from '../store/catalog-records';
import { buildDemoUsers, countExtraDemoUsers, DEFAULT_DEMO_SEED, generateDemoTables } from './generate-demo-tables';
import { createSeededRandom } from './seeded-random';
import { DAY, HOUR, MINUTE, readDemoNow } from './demo-times';

export interface SeedDemoOptions {
  count: number;
  seed?: number;
  /**
   * The instant the demo is built, in epoch seconds: every time in it is counted back from it
   * (decision 112). The clock's, read once, when not given; tests pin it.
   */
  now?: number;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

export interface SeedDemoResult {
  tables: number;
  users: number;
  dashboards: number;
  seconds: number;
}

/** Layers feed each other: raw → stg → int/fct/dim → agg/mart. Lineage follows that order. */
const LAYER_OF: Record<string, number> = { raw: 0, stg: 1, snap: 1, int: 2, fct: 3, dim: 3, agg: 4, mart: 4 };
const layerOf = (name: string) => LAYER_OF[name.split('_')[0]] ?? 2;

/**
 * Builds a new catalog file with demo data at `dbPath` (which must not exist yet): written as
 * `${dbPath}.loading` without a journal, renamed into place when complete. On failure nothing is
 * left at `dbPath` and the partial file is deleted.
 */
export function createDemoCatalogFile(dbPath: string, options: SeedDemoOptions): SeedDemoResult {
  if (existsSync(dbPath)) throw new Error(`${dbPath} already exists: demo data for an existing catalog is loaded in place (seedDemoCatalog)`);
  const loading = `${dbPath}.loading`;
  const removeLoading = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${loading}${suffix}`, { force: true });
  };
  removeLoading(); // left by a build that crashed
  const db = openCatalogDatabase(loading, MIGRATIONS, { unjournaled: true });
  let result: SeedDemoResult;
  try {
    result = seedDemoCatalog(db, options);
    enableWal(db);
  } catch (err) {
    db.close();
    removeLoading();
    throw err;
  }
  db.close(); // checkpoints and removes the WAL: the whole catalog is in the one file
  renameSync(loading, dbPath);
  return result;
}

/** Loads demo data into an open catalog (bulk mode when it has no tables yet). */
export function seedDemoCatalog(db: CatalogDatabase, options: SeedDemoOptions): SeedDemoResult {
  const started = performance.now();
  const empty = (db.prepare('SELECT count(*) FROM tables').pluck().get() as number) === 0;
  // Bulk loads commit every 25 000 tables: fewer, bigger FTS segments and page writes.
  const { count, seed = DEFAULT_DEMO_SEED, batchSize = empty ? 25_000 : 5000, onProgress } = options;
  const now = readDemoNow(options.now);
  const bulk = empty ? enterBulkMode(db) : null;
  try {
    const writer = createTableWriter(db);
    const users = buildDemoUsers(countExtraDemoUsers(count));
    writer.writeUsers(users);

    const random = createSeededRandom(seed ^ 0x5eed);
    const lineageRows = createLineageRows(db);
    // Recent keys per (schema, layer): lineage links a table to tables one layer below in its schema.
    const recent = new Map<string, string[]>();
    const remember = (t: TableRecord) => {
      const slot = `${t.schema}/${layerOf(t.name)}`;
      const list = recent.get(slot) ?? [];
      if (list.length >= 64) list[random.int(0, 63)] = buildTableKey(t);
      else list.push(buildTableKey(t));
      recent.set(slot, list);
    };
    const writeLineage = db.transaction((tables: TableRecord[]) => {
      for (const t of tables) {
        const layer = layerOf(t.name);
        if (layer > 0) {
          const below = recent.get(`${t.schema}/${layer - 1}`) ?? recent.get(`${t.schema}/${layer - 2}`);
          if (below?.length) for (const up of random.sample(below, random.int(1, 2))) lineageRows.addEdge('table', up, buildTableKey(t));
        }
        remember(t);
      }
    });

    const step = Math.max(10_000, Math.round(count / 20 / 10_000) * 10_000);
    const report = (done: number) => {
      const seconds = (performance.now() - started) / 1000;
      onProgress?.(`demo catalog: ${done}/${count} tables written (${Math.round(done / Math.max(seconds, 0.001))} tables/s)`);
    };
    let batch: TableRecord[] = [];
    let written = 0;
    let nextReport = step;
    const flush = () => {
      // Into an empty catalog every generated key is new (demo names are unique).
      writer.writeTables(batch, { deferSearchIndex: true, newTables: empty });
      writeLineage(batch);
      written += batch.length;
      batch = [];
      if (written >= nextReport) {
        report(written);
        nextReport += step;
      }
    };
    for (const table of generateDemoTables({ count, seed, now })) {
      batch.push(table);
      if (batch.length >= batchSize) flush();
    }
    if (batch.length) flush();
    // The steps after the last batch take a while on big loads: say what is happening and how long it took.
    const timedStep = (label: string, work: () => void) => {
      onProgress?.(`demo catalog: ${label}…`);
      const stepStarted = performance.now();
      work();
      onProgress?.(`demo catalog: ${label} took ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
    };
    if (bulk) timedStep('building indexes', () => bulk.recreateIndexes());
    let dashboards = 0;
    timedStep('writing dashboards', () => {
      dashboards = seedDemoDashboards(db, { tables: count, users: users.map((u) => u.user_id), seed, now });
    });
    timedStep('finishing the search index', () => writer.rebuildSearchIndex());
    // GET /latest_updated_ts is when the catalog was last loaded (ingest sets it in recordIngest):
    // the time of this load, which every demo time is counted back from, so a fresh demo install
    // answers 200 with "just now" instead of 204.
    createCatalogOverview(db).setLatestUpdatedTimestamp(now);
    db.pragma('optimize');
    report(written);
    return { tables: written, users: users.length, dashboards, seconds: (performance.now() - started) / 1000 };
  } finally {
    bulk?.restore();
  }
}

interface BulkMode {
  /** Recreates the secondary indexes dropped for the load (call before reading through them). */
  recreateIndexes(): void;
  /** Restores every setting (and index) changed for the load. */
  restore(): void;
}

/** Tables the load appends to whose secondary indexes are dropped during the load and rebuilt after. */
const DEFERRED_INDEX_TABLES = ['tables', 'table_tags', 'table_owners', 'table_readers', 'table_lineage', 'table_search'];

function enterBulkMode(db: CatalogDatabase): BulkMode {
  const previous = {
    synchronous: db.pragma('synchronous', { simple: true }),
    cache_size: db.pragma('cache_size', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    threads: db.pragma('threads', { simple: true }),
  };
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('foreign_keys = OFF');
  // Secondary indexes of the tables being appended to are built once, after the load, from sorted
  // data instead of being updated row by row (UNIQUE / PRIMARY KEY indexes stay).
  const placeholders = DEFERRED_INDEX_TABLES.map(() => '?').join(', ');
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN (${placeholders})`).all(...DEFERRED_INDEX_TABLES) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  let indexesPending = indexes.length > 0;
  const recreateIndexes = () => {
    if (!indexesPending) return;
    indexesPending = false;
    // A second sorter thread, a small page cache and temporary files on disk. The sorter sizes its
    // in-memory runs by the page cache, and spills them to temporary storage. On this VM, fresh memory
    // costs more than merging more, smaller runs through the OS's file cache. Every index at 1 M
    // tables: 6.5 s like this; 21 s with temp_store = MEMORY; 24 s with the load's 1 GiB cache.
    const settings = { cache_size: db.pragma('cache_size', { simple: true }), temp_store: db.pragma('temp_store', { simple: true }) };
    db.pragma('threads = 2');
    db.pragma('cache_size = -4096');
    db.pragma('temp_store = FILE');
    db.transaction(() => {
      for (const index of indexes) db.exec(index.sql);
    })();
    db.pragma(`cache_size = ${settings.cache_size}`);
    db.pragma(`temp_store = ${settings.temp_store}`);
    db.pragma(`threads = ${previous.threads}`);
  };
  // FTS5: no incremental merging while loading (the final 'optimize' merges once), and bigger
  // in-memory segments.
  setFtsLoadMode(db, true);
  return {
    recreateIndexes,
    restore: () => {
      recreateIndexes();
      setFtsLoadMode(db, false);
      db.pragma(`foreign_keys = ${previous.foreign_keys}`);
      db.pragma(`cache_size = ${previous.cache_size}`);
      db.pragma(`synchronous = ${previous.synchronous}`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

const DASHBOARD_PRODUCTS = [
  { product: 'mode', cluster: 'gold', host: 'app.mode.com/example-org' },
  { product: 'tableau', cluster: 'prod', host: 'tableau.example.org' },
  { product: 'looker', cluster: 'prod', host: 'example.looker.com' },
  { product: 'superset', cluster: 'analytics', host: 'superset.example.org' },
];
const DASHBOARD_TOPICS = ['Revenue', 'Orders', 'Customers', 'Marketing Spend', 'Funnel', 'Retention', 'Churn', 'Support Tickets',
  'Inventory', 'Shipping', 'Payments', 'Fraud', 'Experiments', 'Product Usage', 'Cloud Costs', 'Data Quality', 'Hiring', 'NPS',
  'Search', 'Reviews', 'Partners', 'Subscriptions', 'Refunds', 'Sessions', 'Campaigns', 'Pricing', 'Forecast', 'Cohorts'];
const DASHBOARD_VIEWS = ['Overview', 'Daily', 'Weekly Review', 'Monthly Board Pack', 'by Region', 'by Channel', 'Deep Dive',
  'Health', 'Executive Summary', 'Trends', 'Alerts', 'by Country', 'Scorecard', 'Drilldown'];
const DASHBOARD_GROUPS = ['Finance', 'Growth', 'Marketing', 'Operations', 'Product', 'Leadership', 'Support', 'Risk', 'Platform', 'Sales'];
const CHARTS = ['Trend', 'Breakdown', 'Top 10', 'Map', 'Funnel', 'Cohort Grid', 'Year over Year', 'Target vs Actual', 'Distribution', 'KPI Tiles'];

/**
 * One dashboard per 50 tables (at least 12, at most 20 000), in groups per product, written through
 * the store's dashboard writer in one transaction; returns how many. Their search documents are
 * written by the caller (seedDemoCatalog ends with writer.rebuildSearchIndex()).
 */
function seedDemoDashboards(db: CatalogDatabase, options: { tables: number; users: readonly string[]; seed: number; now: number }): number {
  if (options.tables === 0) return 0;
  const { now } = options;
  const random = createSeededRandom(options.seed ^ 0xda5b);
  // Last runs draw from a stream of their own, so the draws of `random` stay in their order.
  const runs = createSeededRandom(options.seed ^ 0x7e1e);
  const total = Math.min(20_000, Math.max(12, Math.floor(options.tables / 50)));
  const userIds = new Map((db.prepare('SELECT user_id, id FROM users').all() as { user_id: string; id: number }[]).map((u) => [u.user_id, u.id]));
  const userId = (user: string) => userIds.get(user) as number;
  const tableIdRange = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM tables').get() as { lo: number; hi: number };
  const writer = createDashboardWriter(db);
  const tagBadgeRows = createTagBadgeRows(db);
  const tagId = (tag: string) => tagBadgeRows.ensureTag(tag);
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const p = DASHBOARD_PRODUCTS[i % DASHBOARD_PRODUCTS.length];
      const groupName = DASHBOARD_GROUPS[Math.floor(i / DASHBOARD_PRODUCTS.length) % DASHBOARD_GROUPS.length];
      const groupId = `${groupName.toLowerCase()}_${p.product}`;
      const topic = DASHBOARD_TOPICS[i % DASHBOARD_TOPICS.length];
      const view = DASHBOARD_VIEWS[Math.floor(i / DASHBOARD_TOPICS.length) % DASHBOARD_VIEWS.length];
      const round = Math.floor(i / (DASHBOARD_TOPICS.length * DASHBOARD_VIEWS.length));
      const slug = `${topic}_${view}_${round}`.toLowerCase().replace(/[^a-z0-9]+/g, '_');
      // The random draws come in a fixed order (same seed ⇒ same dashboards): keep it.
      const viewers = random.sample(options.users, random.int(0, 15)).map((u) => ({ user_row_id: userId(u), view_count: random.int(1, 120) }));
      // Edited between 10 minutes and 30 days ago, created 30 days to 2 years before that; last run
      // (most are scheduled, and run daily or more often) between 5 minutes and a day ago.
      const updated = now - 10 * MINUTE - random.int(0, 30 * DAY - 10 * MINUTE);
      const created = updated - random.int(30, 700) * DAY - Math.floor(runs.next() * 8 * HOUR); // not at the edit's time of day
      const runState = random.chance(0.08) ? 'failed' : 'succeeded';
      const lastRun = now - 5 * MINUTE - Math.floor(runs.next() ** 2 * (24 * HOUR - 5 * MINUTE));
      // A failed last run had an earlier success, 1 to 5 daily runs before it (no random draw: the
      // order of the draws above and below stays as it was).
      const lastSuccessfulRun = runState === 'failed' ? lastRun - (1 + (i % 5)) * DAY : lastRun;
      const tableIds = new Set(Array.from({ length: random.int(1, 5) }, () => random.int(tableIdRange.lo, tableIdRange.hi)));
      const owners = random.sample(options.users, random.int(1, 2));
      const charts = random.sample(CHARTS, random.int(2, 6)).map((chart) => `${topic} ${chart}`);
      const queries = [];
      for (let q = 0; q < random.int(1, 3); q++) {
        queries.push({ name: `${topic} query ${q + 1}`, url: `https://${p.host}/dashboards/${slug}/queries/${q + 1}`,
          query_text: `SELECT ds, count(*) FROM ${groupName.toLowerCase()}.${topic.toLowerCase().replace(/ /g, '_')} GROUP BY ds` });
      }
      const tags = random.sample([groupName.toLowerCase(), 'kpi', 'weekly_review', 'certified'], random.int(0, 2));
      writer.writeDashboard({
        product: p.product, cluster: p.cluster, group_id: groupId, group_name: groupName,
        group_url: `https://${p.host}/spaces/${groupId}`, group_description: `${groupName} dashboards in ${p.product}`,
        dashboard_id: slug, name: `${topic} ${view}${round ? ` ${round + 1}` : ''}`, url: `https://${p.host}/dashboards/${slug}`,
        description: `${topic} ${view.toLowerCase()} for the ${groupName} team`, created_timestamp: created,
        updated_timestamp: updated, last_successful_run_timestamp: lastSuccessfulRun, last_run_timestamp: lastRun,
        last_run_state: runState, total_views: viewers.reduce((sum, v) => sum + v.view_count, 0),
        table_ids: [...tableIds], owner_ids: owners.map(userId), viewers, charts, queries, tag_ids: tags.map(tagId),
      });
    }
  })();
  return total;
}
