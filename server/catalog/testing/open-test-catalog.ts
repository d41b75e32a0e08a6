// Test support: a catalog on a fresh SQLite file in its own temp dir, with a stand-in bearer-token
// check (only `Authorization: Bearer ok` passes), optionally pre-filled with hand-made tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { openCatalog, type Catalog } from '../create-catalog';
import { createCatalogStore } from '../store/create-catalog-store';
import type { TableRecord, UserRecord } from '../store/catalog-records';

export const TEST_TOKEN = 'ok';
export const AUTH_HEADER = ['Authorization', `Bearer ${TEST_TOKEN}`] as const;

export const requireTestToken: RequestHandler = (req, res, next) => {
  if (req.headers.authorization === `Bearer ${TEST_TOKEN}`) return next();
  res.status(401).json({ message: 'A valid bearer token is required.' });
};

export interface TestCatalog extends Catalog {
  dir: string;
  dbPath: string;
  /** Closes the catalog and deletes the temp dir. */
  cleanup(): void;
}

export function openTestCatalog(options: { demoTables?: number; tables?: TableRecord[]; users?: UserRecord[] } = {}): TestCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'nansen-catalog-'));
  const dbPath = join(dir, 'catalog.db');
  if (options.tables || options.users) {
    const store = createCatalogStore(dbPath);
    store.writer.writeUsers(options.users ?? []);
    store.writer.writeTables(options.tables ?? []);
    store.close();
  }
  const catalog = openCatalog({ dbPath, demoTables: options.demoTables ?? 0, authenticate: requireTestToken, log: { error() {} } });
  return {
    ...catalog,
    dir,
    dbPath,
    cleanup() {
      catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal table record; override what the test cares about. */
export function makeTable(key: string, extra: Partial<TableRecord> = {}): TableRecord {
  const match = /^(?<database>.*?):\/\/(?<cluster>.*)\.(?<schema>.*?)\/(?<name>.*?)$/.exec(key);
  if (!match?.groups) throw new Error(`not a table key: ${key}`);
  const { database, cluster, schema, name } = match.groups;
  return { database, cluster, schema, name, columns: [{ name: 'id', col_type: 'bigint' }], ...extra };
}

/** `n` readers with `count` reads each, for steering popularity. */
export function makeReaders(n: number, count = 10): { user_id: string; read_count: number }[] {
  return Array.from({ length: n }, (_, i) => ({ user_id: `reader${i}@example.org`, read_count: count }));
}
