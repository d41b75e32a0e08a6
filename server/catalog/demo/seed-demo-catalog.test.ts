import request from 'supertest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { createCatalogOverview } from '../store/read-catalog-overview';
import { AUTH_HEADER, openTestCatalog } from '../testing/open-test-catalog';
import { createDemoCatalogFile, seedDemoCatalog } from './seed-demo-catalog';
import { DAY, HOUR, MINUTE } from './demo-times';

let dir: string;
let db: CatalogDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-seed-'));
  db = openCatalogDatabase(join(dir, 'catalog.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string) => db.prepare(sql).pluck().get() as number;

describe('seedDemoCatalog', () => {
  it('writes tables, lineage, dashboards and every search document, and reports progress', () => {
    const lines: string[] = [];
    const result = seedDemoCatalog(db, { count: 1500, batchSize: 400, onProgress: (l) => lines.push(l) });
    expect(result).toMatchObject({ tables: 1500, dashboards: 30 });
    expect(count('SELECT count(*) FROM tables')).toBe(1500);
    expect(count('SELECT count(*) FROM table_search')).toBe(1500);
    expect(count('SELECT count(*) FROM table_lineage')).toBeGreaterThan(100);
    expect(count('SELECT count(*) FROM dashboard_search')).toBe(30);
    expect(count('SELECT count(*) FROM user_search')).toBe(result.users);
    expect(count('SELECT count(*) FROM dashboard_tables')).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(/1500\/1500 tables written/);
  });

  it('gives a dashboard whose last run failed an earlier last successful run, and the same one when it succeeded', () => {
    seedDemoCatalog(db, { count: 1500 });
    const runs = db.prepare('SELECT last_run_state AS state, last_run_timestamp AS lastRun, last_successful_run_timestamp AS lastSuccess, created_timestamp AS created FROM dashboards').all() as {
      state: string; lastRun: number; lastSuccess: number; created: number;
    }[];
    const failed = runs.filter((r) => r.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.lastSuccess).toBeLessThan(r.lastRun);
      expect(r.lastSuccess).toBeGreaterThan(r.created);
    }
    for (const r of runs.filter((r) => r.state === 'succeeded')) expect(r.lastSuccess).toBe(r.lastRun);
  });

  it('sets the catalog\'s latest-updated time to the time of the load (GET /latest_updated_ts: 200, not 204)', () => {
    const overview = createCatalogOverview(db);
    expect(overview.getLatestUpdatedTimestamp()).toBeUndefined();
    const before = Math.floor(Date.now() / 1000);
    seedDemoCatalog(db, { count: 30 });
    const after = Math.ceil(Date.now() / 1000);
    const latest = overview.getLatestUpdatedTimestamp();
    expect(latest).toBeGreaterThanOrEqual(before);
    expect(latest).toBeLessThanOrEqual(after);
  });

  describe('times counted back from when the demo is built (decision 112)', () => {
    const NOW = Date.parse('2026-12-08T01:37:00Z') / 1000;
    const dashboardTimes = (on: CatalogDatabase) => on.prepare(`SELECT created_timestamp AS created, updated_timestamp AS updated,
      last_run_timestamp AS lastRun, last_successful_run_timestamp AS lastSuccess, last_run_state AS state FROM dashboards ORDER BY id`).all() as {
      created: number; updated: number; lastRun: number; lastSuccess: number; state: string;
    }[];
    const tableTimes = (on: CatalogDatabase) => on.prepare('SELECT key, last_updated_timestamp FROM tables ORDER BY key').all();

    it('ran every dashboard within the last day, edited it within 30 days, created it before that, none after now', () => {
      seedDemoCatalog(db, { count: 1500, now: NOW });
      const runs = dashboardTimes(db);
      expect(runs).toHaveLength(30);
      for (const r of runs) {
        expect(r.lastRun).toBeLessThanOrEqual(NOW - 5 * MINUTE);
        expect(r.lastRun).toBeGreaterThan(NOW - DAY);
        expect(r.lastSuccess).toBeLessThanOrEqual(r.lastRun);
        expect(r.updated).toBeLessThanOrEqual(NOW - 10 * MINUTE);
        expect(r.updated).toBeGreaterThan(NOW - 30 * DAY);
        expect(r.created).toBeLessThanOrEqual(r.updated - 30 * DAY);
        expect(r.created).toBeLessThan(r.lastSuccess);
      }
      // Spread over the day, not all at one time.
      expect(runs.filter((r) => r.lastRun > NOW - HOUR).length).toBeGreaterThan(0);
      expect(runs.filter((r) => r.lastRun < NOW - 6 * HOUR).length).toBeGreaterThan(0);
      expect(count(`SELECT count(*) FROM tables WHERE last_updated_timestamp > ${NOW} OR last_updated_timestamp < ${NOW - 90 * DAY}`)).toBe(0);
      expect(createCatalogOverview(db).getLatestUpdatedTimestamp()).toBe(NOW);
    });

    it('builds the same catalog times for the same now, and another now moves them', () => {
      seedDemoCatalog(db, { count: 300, now: NOW });
      const again = openCatalogDatabase(join(dir, 'again.db'));
      const earlier = openCatalogDatabase(join(dir, 'earlier.db'));
      try {
        seedDemoCatalog(again, { count: 300, now: NOW });
        seedDemoCatalog(earlier, { count: 300, now: NOW - 7 * DAY });
        expect(tableTimes(again)).toEqual(tableTimes(db));
        expect(dashboardTimes(again)).toEqual(dashboardTimes(db));
        expect(dashboardTimes(earlier)).not.toEqual(dashboardTimes(db));
        for (const r of dashboardTimes(earlier)) expect(r.lastRun).toBeLessThan(NOW - 7 * DAY);
      } finally {
        again.close();
        earlier.close();
      }
    });
  });

  it('restores the connection settings it changed for the bulk load', () => {
    seedDemoCatalog(db, { count: 50 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.prepare("SELECT v FROM table_text_fts_config WHERE k = 'automerge'").pluck().get()).toBe(4);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('locking_mode', { simple: true })).toBe('normal');
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536); // openCatalogDatabase's 64 MiB
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    // The secondary indexes dropped for the load are back.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['tables_by_popularity', 'table_readers_by_user', 'table_lineage_by_downstream',
      'table_search_by_name', 'table_owners_by_user', 'table_tags_by_tag', 'tables_by_schema']));
  });

  it('loads an existing empty catalog in place with its WAL journal on (a crash loses one batch at most)', () => {
    const modes: string[] = [];
    seedDemoCatalog(db, { count: 60, batchSize: 20, onProgress: () => modes.push(String(db.pragma('journal_mode', { simple: true }))) });
    expect(modes.length).toBeGreaterThan(0);
    expect(new Set(modes)).toEqual(new Set(['wal']));
  });
});

describe('createDemoCatalogFile', () => {
  it('builds the catalog under another name and renames it into place when complete', () => {
    const target = join(dir, 'fresh', 'catalog.db');
    const seenDuringLoad: string[][] = [];
    const result = createDemoCatalogFile(target, { count: 80, onProgress: () => seenDuringLoad.push(readdirSync(join(dir, 'fresh'))) });
    expect(result.tables).toBe(80);
    expect(seenDuringLoad.length).toBeGreaterThan(0);
    for (const files of seenDuringLoad) {
      expect(files).toContain('catalog.db.loading');
      expect(files).not.toContain('catalog.db'); // nothing at the catalog's path until done
      expect(files).toEqual(['catalog.db.loading']); // and no journal (-wal / -journal) beside it
    }
    expect(readdirSync(join(dir, 'fresh'))).toEqual(['catalog.db']); // no .loading, no WAL left behind
    const built = openCatalogDatabase(target);
    try {
      expect(built.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(80);
      expect(built.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      built.close();
    }
  });

  it('leaves nothing behind when the build fails part-way, and replaces what a crashed build left', () => {
    const target = join(dir, 'catalog-new.db');
    writeFileSync(`${target}.loading`, 'left by a crashed build');
    let calls = 0;
    expect(() => createDemoCatalogFile(target, { count: 60, batchSize: 20, onProgress: () => {
      if (++calls === 2) throw new Error('disk full');
    } })).toThrow('disk full');
    expect(readdirSync(dir).filter((f) => f.startsWith('catalog-new'))).toEqual([]);
    expect(createDemoCatalogFile(target, { count: 30 }).tables).toBe(30);
  });

  it('gives a default (demo) install a latest-updated time: GET /latest_updated_ts answers 200, not 204', async () => {
    const catalog = openTestCatalog({ demoTables: 30 });
    try {
      const res = await request(catalog.metadataApp).get('/latest_updated_ts').set(...AUTH_HEADER);
      expect(res.status).toBe(200);
      expect(res.body.neo4j_latest_timestamp).toBeGreaterThan(Math.floor(Date.now() / 1000) - 600);
    } finally {
      catalog.cleanup();
    }
  });

  it('leaves the times of an existing demo catalog as they were when the server opens it again', async () => {
    const target = join(dir, 'built-last-year.db');
    const lastYear = Date.parse('2025-12-08T09:00:00Z') / 1000;
    createDemoCatalogFile(target, { count: 30, now: lastYear });
    const catalog = openTestCatalog({ dbPath: target, demoTables: 30 }); // as the server opens its catalog
    try {
      const res = await request(catalog.metadataApp).get('/table/hive://gold.core/customers').set(...AUTH_HEADER);
      expect(res.body.last_updated_timestamp).toBe(lastYear - 47 * MINUTE);
      expect((await request(catalog.metadataApp).get('/latest_updated_ts').set(...AUTH_HEADER)).body.neo4j_latest_timestamp).toBe(lastYear);
    } finally {
      catalog.close();
    }
  });

  it('refuses to overwrite an existing catalog', () => {
    expect(() => createDemoCatalogFile(join(dir, 'catalog.db'), { count: 10 })).toThrow(/already exists/);
  });
});
