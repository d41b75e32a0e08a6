// Is a file a Nansen catalog? One answer for every command that takes a catalog file: restore (a
// backup must be one), ingest and the importers (`--db` must be a catalog, an empty SQLite file, or a
// new path in a folder that exists — never another program's database, which they would otherwise
// fill with the catalog's schema). The mark of a catalog: the store's `schema_version` table (written by
// open-catalog-database.ts before any migration) and its `tables` table.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describeCatalogDbSource, howToNameTheCatalog, type CatalogDbSource } from '../../config/catalog-db-path';

export type CatalogFileKind = 'catalog' | 'empty' | 'other';

const MARKS = ['schema_version', 'tables'];

/** What an open SQLite database is to Nansen, and the names of its own tables (SQLite's left out). */
export function readCatalogKind(db: Database.Database): { kind: CatalogFileKind; tables: string[] } {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck().all() as string[];
  if (MARKS.every((mark) => tables.includes(mark))) return { kind: 'catalog', tables };
  return { kind: tables.length === 0 ? 'empty' : 'other', tables };
}

/** "it has no tables" / "it has tables (a, b, c, …) but not the catalog's "schema_version" and "tables"". */
export function describeNotACatalog(tables: string[]): string {
  if (tables.length === 0) return 'it has no tables';
  const shown = tables.slice(0, 3).map((t) => `"${t}"`).join(', ') + (tables.length > 3 ? `, … (${tables.length} in all)` : '');
  return `it has tables (${shown}) but not the catalog's ${MARKS.map((m) => `"${m}"`).join(' and ')}`;
}

/** A `--db` that is refused before anything is written; the message names the file and the fix. */
export class CatalogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogFileError';
  }
}

/** The server's default DATA_DIR, which it creates itself at start: a command may create it too. */
export const DEFAULT_DATA_FOLDER = 'data';

export interface CatalogTargetOptions {
  /** How the command names the path, for messages; default `--db`. */
  option?: string;
  /** A sentence added to the "not a catalog" and "not a SQLite database" messages, e.g. "Did you swap --file and --db?". */
  hint?: string;
  /** A missing folder that may be created for a new catalog (resolved from the working folder); default `data`. */
  creatableFolder?: string;
  /** Where the path came from (cli-arguments.ts catalogDbOption): the messages name it and its fix; default --db. */
  from?: CatalogDbSource;
  /** Whether the command has --dry-run, which creates no catalog (default true: the importers have it). */
  hasDryRun?: boolean;
}

/** Prints checkCatalogTarget's new-catalog line, if any, as `{command}: …` on stderr. */
export function sayNewCatalog(command: string, notice: string | undefined): void {
  if (notice) process.stderr.write(`${command}: ${notice}\n`);
}

/** The line that says a new catalog is being created, naming the file, the setting that chose it and the fix. */
function describeNewCatalog(dbPath: string, from: CatalogDbSource, file: string, hasDryRun: boolean): string {
  const created = `there is no catalog at ${file} yet: a new one is created there for what this command loads${hasDryRun ? ' (none with --dry-run)' : ''}.`;
  if (from === '--db') return `${created} If you meant an existing catalog, check --db.`;
  const setting = from === 'default' ? 'DATA_DIR (or CATALOG_DB)' : from;
  return `${created} A running Nansen reads it only if its ${setting} is the same; if the server's catalog is elsewhere, ` +
    `remove ${resolve(dbPath)} and ${howToNameTheCatalog(from).replace(/^Set/, 'set')}.`;
}

/**
 * The file as the messages name it: "--db x.sqlite (/work/x.sqlite)", "--db /srv/c.sqlite", or the
 * server's with the setting that chose it, "/srv/nansen/catalog.sqlite (from DATA_DIR)".
 */
export function nameCatalogFile(dbPath: string, from: CatalogDbSource = '--db', option = '--db'): string {
  if (from !== '--db') return `${resolve(dbPath)} (${describeCatalogDbSource(from)})`;
  return isAbsolute(dbPath) ? `${option} ${dbPath}` : `${option} ${dbPath} (${resolve(dbPath)})`;
}

/**
 * Checks a `--db` before ingest or an import opens it (and would create its schema in it): a Nansen
 * catalog, an empty SQLite file, or a path that does not exist yet in a folder that does (a new
 * catalog is created there, as documented) or in the server's default data folder (created as the
 * server creates it: `--db data/catalog.sqlite` on a fresh checkout, or no --db and neither DATA_DIR nor
 * CATALOG_DB set). For a new catalog it returns the line that says so (a mistyped DATA_DIR or --db would
 * otherwise go unnoticed: the records land in a catalog no server reads), for the command to print with
 * `sayNewCatalog` once its arguments and its source have been read, right before it writes. Everything else is refused with a
 * CatalogFileError, before anything is written — a folder of DATA_DIR or CATALOG_DB that does not
 * exist too: a mistyped setting, whose catalog no server would read.
 */
export function checkCatalogTarget(dbPath: string, options: CatalogTargetOptions = {}): string | undefined {
  if (dbPath === ':memory:') return undefined;
  const from = options.from ?? '--db';
  const file = nameCatalogFile(dbPath, from, options.option);
  const fix = `${howToNameTheCatalog(from)}.`;
  // Which argument is which matters only when the path was an argument.
  const hint = options.hint && from === '--db' ? ` ${options.hint}` : '';
  if (!existsSync(dbPath)) {
    const folder = dirname(dbPath);
    const creatable = resolve(folder) === resolve(options.creatableFolder ?? DEFAULT_DATA_FOLDER);
    if (!existsSync(folder) && !creatable) {
      if (from !== '--db') {
        // DATA_DIR or CATALOG_DB names a folder that is not there: most likely not the server's.
        throw new CatalogFileError(
          `${file}: the folder ${folder} does not exist, so no server keeps its catalog there. ${fix.replace(/\.$/, '')}; ` +
            `or, to start a new catalog there, create the folder (mkdir -p ${folder}).`,
        );
      }
      throw new CatalogFileError(
        `${file}: the folder ${folder} does not exist. Check the path, or create the folder (mkdir -p ${folder}) to start a new catalog there. ${fix}`,
      );
    }
    if (existsSync(folder) && !statSync(folder).isDirectory()) throw new CatalogFileError(`${file}: ${folder} is not a folder. ${fix}`);
    // A new catalog in an existing folder (or the default data folder, created as the server creates it).
    return describeNewCatalog(dbPath, from, file, options.hasDryRun ?? true);
  }
  if (statSync(dbPath).isDirectory()) {
    throw new CatalogFileError(`${file} is a folder, not the catalog's file (such as ${dbPath.replace(/\/$/, '')}/catalog.sqlite). ${fix}`);
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new CatalogFileError(`${file}: cannot open it (${(err as Error).message}); check that it is readable.`);
  }
  try {
    let found: { kind: CatalogFileKind; tables: string[] };
    try {
      found = readCatalogKind(db);
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_NOTADB') throw err;
      throw new CatalogFileError(`${file} is not a SQLite database (${(err as Error).message}), so nothing was written to it. ${fix}${hint}`);
    }
    if (found.kind === 'other') {
      throw new CatalogFileError(
        `${file} is a SQLite database but not a Nansen catalog (${describeNotACatalog(found.tables)}), so nothing was written to it. ${fix}${hint}`,
      );
    }
  } finally {
    db.close();
  }
}
