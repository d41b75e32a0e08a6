// Opens (and creates) the catalog's SQLite file: WAL mode, foreign keys on, pending migrations applied.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type CatalogDatabase = Database.Database;

export interface OpenCatalogOptions {
  /**
   * For a new file that nothing else opens until it is complete (demo/seed-demo-catalog.ts
   * createDemoCatalogFile): an exclusive lock and no journal at all, so every page is written once,
   * to the file itself. Call `enableWal` when the file is complete.
   */
  unjournaled?: boolean;
}

export function openCatalogDatabase(
  dbPath: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenCatalogOptions = {},
): CatalogDatabase {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    // New files get 16 KiB pages (a no-op for existing ones): a table row with ~20 columns and the
    // FTS5 segment blobs fit in fewer pages; a 100 k-table demo load measured ~20 % faster than with
    // the 4 KiB default, detail and search latency unchanged (docs/benchmarks.md).
    db.pragma('page_size = 16384');
    if (options.unjournaled) {
      db.unsafeMode(true); // better-sqlite3's defensive mode refuses journal_mode = OFF
      db.pragma('locking_mode = EXCLUSIVE');
      if (String(db.pragma('journal_mode = OFF', { simple: true })) !== 'off') throw new Error(`${dbPath}: could not turn the journal off`);
      db.pragma('foreign_keys = ON');
      db.pragma('temp_store = MEMORY');
      applyMigrations(db, migrations);
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MiB page cache
    db.pragma('temp_store = MEMORY');
    applyMigrations(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function readSchemaVersion(db: CatalogDatabase): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!exists) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

export function applyMigrations(db: CatalogDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = readSchemaVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new Error(
      `The catalog database is at schema version ${current}, newer than this program knows (${latest}). Use a newer Nansen or another database file.`,
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
  return latest;
}

/** Ends an `unjournaled` build: back to WAL, shared locking and defensive mode. */
export function enableWal(db: CatalogDatabase): void {
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.unsafeMode(false);
}
