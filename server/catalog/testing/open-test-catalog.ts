// Test support: a catalog on a fresh SQLite file in its own temp dir, with a stand-in bearer-token
// check, optionally pre-filled with hand-made tables, users, dashboards, lineage and column types.
// The stand-in accepts `Bearer ok` (principal TEST_EDITOR) and `Bearer ok:<email>` (that principal),
// and sets `res.locals.principal` like the real bearer auth does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RequestHandler } from 'express';
import { parseTableKey } from '../../../contract/table-key';
import { openCatalog, type Catalog } from '../create-catalog';
import { createCatalogStore } from '../store/create-catalog-store';
import { loadThroughIngest } from './load-through-ingest';
import type { TokenPrincipal } from '../auth/create-bearer-auth';
import type { BadgeRecord, DashboardRecord, TableRecord, TypeMetadataRecord, UserRecord } from '../store/catalog-records';

export const TEST_TOKEN = 'ok';
export const AUTH_HEADER = ['Authorization', `Bearer ${TEST_TOKEN}`] as const;

/** Whom `Bearer ok` authenticates (the edit log records this). */
export const TEST_EDITOR = 'tester@example.org';

/** Headers authenticating as `email`. */
export function authAs(email: string): readonly ['Authorization', string] {
  return ['Authorization', `Bearer ${TEST_TOKEN}:${email}`];
}

export const requireTestToken: RequestHandler = (req, res, next) => {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ok(?::(?<email>.+))?$/.exec(header);
  if (!match) {
    res.status(401).json({ message: 'A valid bearer token is required.' });
    return;
  }
  const email = match.groups?.email ?? TEST_EDITOR;
  const principal: TokenPrincipal = { subject: `sub-${email}`, email, claims: { sub: `sub-${email}`, email } };
  res.locals.principal = principal;
  next();
};

export interface TestCatalogContent {
  demoTables?: number;
  tables?: TableRecord[];
  users?: UserRecord[];
  dashboards?: DashboardRecord[];
  lineage?: { tables?: [string, string][]; columns?: [string, string][] };
  typeMetadata?: { table: string; column: string; type: TypeMetadataRecord }[];
  badgeWhitelist?: BadgeRecord[];
  /** Description ETags (default on); off behaves like Amundsen's services. */
  descriptionEtags?: boolean;
  /** Use this file instead of a new temp dir (a second catalog on the same database). */
  dbPath?: string;
}

export interface TestCatalog extends Catalog {
  dir: string;
  dbPath: string;
  /** Closes the catalog and deletes the temp dir. */
  cleanup(): void;
}

export function openTestCatalog(options: TestCatalogContent = {}): TestCatalog {
  const dir = options.dbPath ? dirname(options.dbPath) : mkdtempSync(join(tmpdir(), 'nansen-catalog-'));
  const dbPath = options.dbPath ?? join(dir, 'catalog.db');
  if (options.tables || options.users || options.dashboards || options.lineage || options.typeMetadata) {
    const store = createCatalogStore(dbPath);
    try {
      store.writer.writeUsers(options.users ?? []);
      store.writer.writeTables(options.tables ?? []);
      // Dashboards and lineage as production loads them: ingest records through the ingest writer.
      loadThroughIngest(store.db, { dashboards: options.dashboards, lineage: options.lineage });
      for (const t of options.typeMetadata ?? []) {
        if (!store.related.writeTypeMetadata(t.table, t.column, t.type)) throw new Error(`no column ${t.table}/${t.column}`);
      }
    } catch (err) {
      store.close();
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    store.close();
  }
  const catalog = openCatalog({
    dbPath, demoTables: options.demoTables ?? 0, authenticate: requireTestToken, log: { error() {} },
    badgeWhitelist: options.badgeWhitelist, descriptionEtags: options.descriptionEtags,
  });
  return {
    ...catalog,
    dir,
    dbPath,
    cleanup() {
      catalog.close();
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal table record; override what the test cares about. */
export function makeTable(key: string, extra: Partial<TableRecord> = {}): TableRecord {
  const coordinates = parseTableKey(key);
  if (!coordinates) throw new Error(`not a table key: ${key}`);
  return { ...coordinates, columns: [{ name: 'id', col_type: 'bigint' }], ...extra };
}

/** `n` readers with `count` reads each, for steering popularity. */
export function makeReaders(n: number, count = 10): { user_id: string; read_count: number }[] {
  return Array.from({ length: n }, (_, i) => ({ user_id: `reader${i}@example.org`, read_count: count }));
}
