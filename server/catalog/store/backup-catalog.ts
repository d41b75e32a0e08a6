// Backing up and restoring the embedded catalog's SQLite file while the catalog runs
// (docs/operations.md). The backup is SQLite's online backup API: the copy is one consistent
// snapshot, taken in one step inside one read transaction, which in WAL mode never blocks the
// catalog's writers (a copy in small steps would restart whenever another connection writes, and a
// busy catalog could keep it from ever finishing). The copy is written beside its destination and
// renamed into place when whole and checked, so a failed backup never leaves a half file under
// the name asked for. The backup's folder is created when missing (`--out backups/…` on a fresh
// checkout); a restore's is not (a missing folder there is a wrong --db, named with the fix).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { howToNameTheCatalog, type CatalogDbSource } from '../../config/catalog-db-path';
import { describeNotACatalog, nameCatalogFile, readCatalogKind } from './check-catalog-file';

export interface BackupResult {
  out: string;
  pages: number;
  bytes: number;
  durationMs: number;
}

/** Everything past SQLite's 32-bit page count: one backup step copies every page. */
const ALL_PAGES = 0x7fffffff;

/** Where the catalog is, for messages about a wrong --db. */
const CATALOG_DB_HINT = "the catalog's file: the server's CATALOG_DB, default DATA_DIR/catalog.sqlite";

/** True when both paths name one file, however spelled (relative, `..`, a symlink, a hard link). */
function isSameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  const x = statSync(a);
  const y = statSync(b);
  return x.dev === y.dev && x.ino === y.ino;
}

function sidecars(dbPath: string): string[] {
  return [`${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`];
}

/** Opens a copy, makes it a self-contained file (no WAL beside it) and runs integrity_check. */
function checkCopy(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = DELETE');
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the copy at ${path} failed SQLite's integrity_check: ${String(result)}`);
  } finally {
    db.close();
  }
}

/** A wrong catalog path's fix, by where it came from: --db, or the server's setting that chose it. */
function checkTheCatalogPath(dbSource: CatalogDbSource): string {
  return dbSource === '--db' ? `check --db (${CATALOG_DB_HINT})` : `${howToNameTheCatalog(dbSource)}`;
}

/** `dbSource`: where dbPath came from (--db by default), for the messages that name it. */
export async function backupCatalog(dbPath: string, out: string, options: { dbSource?: CatalogDbSource } = {}): Promise<BackupResult> {
  const dbSource = options.dbSource ?? '--db';
  const catalog = nameCatalogFile(dbPath, dbSource);
  if (!existsSync(dbPath)) {
    throw new Error(dbSource === '--db' ? `no catalog database at ${dbPath}: ${checkTheCatalogPath(dbSource)}` : `no catalog database at ${catalog}. ${checkTheCatalogPath(dbSource)}`);
  }
  if (isSameFile(dbPath, out)) throw new Error(`--out ${out} is the catalog itself (${catalog}): give the backup a path of its own, e.g. backups/catalog-${new Date().toISOString().slice(0, 10)}.sqlite`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new Error(`--out ${out} is a folder: give the backup's file name, e.g. ${out.replace(/\/$/, '')}/catalog-${new Date().toISOString().slice(0, 10)}.sqlite`);
  const folder = dirname(out);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new Error(`cannot create the folder ${folder} for --out ${out}: ${(err as Error).message}`);
  }
  const started = performance.now();
  const pages = await snapshotInto(dbPath, out);
  return { out, pages, bytes: statSync(out).size, durationMs: Math.round(performance.now() - started) };
}

/**
 * One consistent copy of the SQLite file at `dbPath` (open elsewhere or not) into `out`: written to
 * `<out>.partial`, checked, made self-contained and renamed into place; on failure nothing is left.
 * Returns the pages copied.
 */
async function snapshotInto(dbPath: string, out: string): Promise<number> {
  const partial = `${out}.partial`;
  for (const file of [partial, ...sidecars(partial)]) rmSync(file, { force: true });
  const source = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const progress = await source.backup(partial, { progress: () => ALL_PAGES });
    checkCopy(partial);
    renameSync(partial, out);
    return progress.totalPages;
  } catch (err) {
    for (const file of [partial, ...sidecars(partial)]) rmSync(file, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

/**
 * True when another connection has the catalog open — a running catalog keeps its connection
 * open for its whole life. The test: ask for SQLite's exclusive lock without waiting. An open
 * connection in WAL mode holds a shared lock, so the request fails at once with SQLITE_BUSY; a file
 * nobody has open (even one a crash left a -wal beside) grants it.
 */
export function isCatalogInUse(dbPath: string): boolean {
  if (!existsSync(dbPath)) return false;
  const probe = new Database(dbPath, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    probe.close();
  }
}

export class CatalogInUseError extends Error {
  constructor(dbPath: string) {
    super(
      `the catalog at ${dbPath} is open (a running Nansen or another program holds it): stop it and run the restore again, ` +
        'or add --force to copy the backup into the running catalog (a copy of the catalog it replaces is kept first; its readers see the restored data at their next request)',
    );
    this.name = 'CatalogInUseError';
  }
}

export interface RestoreResult {
  db: string;
  /**
   * Where the catalog that was replaced is kept: the file itself (offline), a snapshot of it taken
   * just before the restore (online); null when there was no catalog there.
   */
  previous: string | null;
  /** 'offline': the file was replaced; 'online': the backup was copied into the open catalog. */
  mode: 'offline' | 'online';
  durationMs: number;
}

/**
 * Puts a backup in place of the catalog. Offline (nobody has it open): the backup is copied beside
 * the catalog, checked, and renamed into place; the old file is kept as `<db>.before-restore-<time>`
 * and a stale -wal/-shm is removed so SQLite cannot replay it over the restored file. Online
 * (`force` while it is open): a snapshot of the live catalog is kept under the same name first, then
 * the backup API copies the backup into the live database, which its other connections see as one
 * change.
 */
export async function restoreCatalog(
  from: string,
  dbPath: string,
  options: { force?: boolean; now?: Date; /** Where dbPath came from (--db by default), for the messages that name it. */ dbSource?: CatalogDbSource } = {},
): Promise<RestoreResult> {
  const dbSource = options.dbSource ?? '--db';
  const catalog = nameCatalogFile(dbPath, dbSource);
  if (!existsSync(from)) throw new Error(`no backup at ${from}: check --from`);
  if (statSync(from).isDirectory()) throw new Error(describeFolderAsBackup(from));
  const folder = dirname(dbPath);
  if (!existsSync(folder)) {
    throw new Error(
      dbSource === '--db'
        ? `the folder ${folder} of --db ${dbPath} does not exist: ${checkTheCatalogPath(dbSource)}, or create the folder (mkdir -p ${folder}) to restore the catalog there`
        : `the folder ${folder} of ${catalog} does not exist. ${checkTheCatalogPath(dbSource)}, or create the folder (mkdir -p ${folder}) to restore the catalog there`,
    );
  }
  if (isSameFile(from, dbPath)) throw new Error(`--from ${from} is the catalog itself (${catalog}): give the backup to restore`);
  const started = performance.now();
  checkCopyReadOnly(from);
  const keptAs = `${dbPath}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
  if (isCatalogInUse(dbPath)) {
    if (!options.force) throw new CatalogInUseError(dbPath);
    // The catalog about to be overwritten is kept first, as an offline restore keeps the file it
    // replaces: a snapshot of the live database under the same name. No copy, no restore.
    try {
      await snapshotInto(dbPath, keptAs);
    } catch (err) {
      throw new Error(`could not keep a copy of the running catalog at ${keptAs} (${(err as Error).message}), so nothing was restored: fix that and run the restore again`);
    }
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await source.backup(dbPath, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    return { db: dbPath, previous: keptAs, mode: 'online', durationMs: Math.round(performance.now() - started) };
  }
  const incoming = `${dbPath}.restoring`;
  for (const file of [incoming, ...sidecars(incoming)]) rmSync(file, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  checkCopy(incoming);
  let previous: string | null = null;
  if (existsSync(dbPath)) {
    previous = keptAs;
    renameSync(dbPath, previous);
  }
  for (const file of sidecars(dbPath)) rmSync(file, { force: true });
  renameSync(incoming, dbPath);
  return { db: dbPath, previous, mode: 'offline', durationMs: Math.round(performance.now() - started) };
}

/** "--from backups/ is a folder: give the backup file …", naming the newest backups in it. */
function describeFolderAsBackup(folder: string): string {
  let newest: string[] = [];
  try {
    newest = readdirSync(folder)
      .filter((name) => /\.(sqlite|sqlite3|db)$/i.test(name))
      .map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(0, 3)
      .map((f) => join(folder, f.name));
  } catch {
    // unreadable: name no file
  }
  const hint = newest.length ? ` — the newest there: ${newest.join(', ')}` : ' (it holds no .sqlite file)';
  return `--from ${folder} is a folder, not a backup: give the backup file to restore${hint}`;
}

function checkCopyReadOnly(path: string): void {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new Error(`${path} is not a SQLite file: ${(err as Error).message}`);
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the backup at ${path} failed SQLite's integrity_check: ${String(result)}`);
    const found = readCatalogKind(db);
    if (found.kind !== 'catalog') throw new Error(`${path} is a SQLite file but not a Nansen catalog (${describeNotACatalog(found.tables)})`);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`${path} is not a SQLite file`);
    throw err;
  } finally {
    db.close();
  }
}
