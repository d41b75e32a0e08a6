// Reads a SQLite file's own catalog (sqlite_schema and the table_xinfo / foreign_key_list pragmas),
// opened read-only: tables and views of the `main` schema (not SQLite's own sqlite_* tables), columns
// with their declared types, primary and foreign keys, view definitions, and row counts — ANALYZE's
// estimate in sqlite_stat1 when the file has one, else counted (`SELECT count(*)`). SQLite keeps no
// comments, so tables and columns get no descriptions.
import { basename, extname, join } from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { CrawledDatabase, CrawledRelation } from './crawled-schema';
import { DatabaseImportError } from './database-import-error';
import { readCatalogKind } from '../../store/check-catalog-file';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A Nansen catalog given as the database to import: its tables are Nansen's own (edit_log, search shadow tables, …). */
export class CatalogAsSourceError extends DatabaseImportError {
  override name = 'CatalogAsSourceError';
}

/** The SQLite-looking files in a folder (by extension), for a `--file` that names the folder. */
function sqliteFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => /\.(sqlite3?|db3?|s3db|sl3)$/i.test(name)).sort();
  } catch {
    return [];
  }
}

/** `--file` names something that is there and no folder (checked with the other arguments, before any reading). */
export function checkSqliteFile(file: string): void {
  if (!existsSync(file)) throw new DatabaseImportError(`--file ${file}: no such file; give the path of a SQLite database file`);
  if (statSync(file).isDirectory()) {
    const found = sqliteFilesIn(file);
    const suggestion = found.length
      ? `, such as ${found.slice(0, 3).map((name) => join(file, name)).join(' or ')}`
      : ' (it has no .sqlite or .db file)';
    throw new DatabaseImportError(`--file ${file} is a folder, not a SQLite database file: give the path of the database file in it${suggestion}`);
  }
}

export function readSqliteSchema(file: string): CrawledDatabase {
  checkSqliteFile(file);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DatabaseImportError(`--file ${file}: cannot open it (${(err as Error).message}); check that it is readable`);
  }
  try {
    let objects: { type: 'table' | 'view'; name: string; sql: string | null }[];
    try {
      objects = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        ORDER BY name`).all() as typeof objects;
    } catch (err) {
      throw new DatabaseImportError(`--file ${file}: not a SQLite database (${(err as Error).message}); give the path of a SQLite database file`);
    }
    // A Nansen catalog (the live one, a copy, a backup): its tables are the catalog's workings, not an application's.
    if (readCatalogKind(db).kind === 'catalog') {
      throw new CatalogAsSourceError(
        `--file ${file} is a Nansen catalog (it has the catalog's "schema_version" and "tables" tables), not a database to import: ` +
          'give --file the SQLite file of the application whose tables you want in the catalog',
      );
    }
    // FTS and other virtual tables keep their data in shadow tables: those are not the file's tables.
    const shadow = new Set(
      (db.prepare('PRAGMA main.table_list').all() as { name: string; type: string }[]).filter((t) => t.type === 'shadow').map((t) => t.name),
    );
    objects = objects.filter((o) => !shadow.has(o.name));
    const hasStat1 = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'").get() !== undefined;
    const stat1 = hasStat1 ? db.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? ORDER BY idx IS NOT NULL LIMIT 1').pluck() : undefined;
    const primaryKeyOf = (table: string) =>
      (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[])
        .filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const readRelation = (o: (typeof objects)[number]): CrawledRelation => {
      const columns = (db.prepare(`PRAGMA table_xinfo(${quote(o.name)})`).all() as
        { cid: number; name: string; type: string; pk: number; hidden: number }[]).filter((c) => c.hidden === 0 || c.hidden >= 2);
      const foreign = o.type === 'table'
        ? (db.prepare(`PRAGMA foreign_key_list(${quote(o.name)})`).all() as { id: number; seq: number; table: string; from: string; to: string | null }[])
        : [];
      const byId = new Map<number, typeof foreign>();
      for (const f of foreign) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
      const primaryKey = o.type === 'table' ? primaryKeyOf(o.name) : [];
      let rowEstimate: number | null = null;
      if (o.type === 'table') {
        const stat = stat1?.get(o.name) as string | undefined;
        rowEstimate = stat !== undefined ? Number(stat.split(' ')[0]) : (db.prepare(`SELECT count(*) FROM ${quote(o.name)}`).pluck().get() as number);
      }
      return {
        schema: 'main',
        name: o.name,
        kind: o.type === 'view' ? 'view' : 'table',
        comment: null,
        viewDefinition: o.type === 'view' ? o.sql : null,
        columns: columns.map((c, i) => ({ name: c.name, type: c.type || 'unknown', position: i + 1, comment: null })),
        primaryKey,
        foreignKeys: [...byId.values()].map((parts) => {
          parts.sort((a, b) => a.seq - b.seq);
          return {
            columns: parts.map((p) => p.from),
            refSchema: 'main',
            refTable: parts[0].table,
            // A foreign key without target columns references the parent's primary key.
            refColumns: parts.some((p) => p.to === null) ? primaryKeyOf(parts[0].table) : parts.map((p) => p.to as string),
          };
        }),
        rowEstimate,
        estimatedAt: null,
        reads: [],
      };
    };
    const relations: CrawledRelation[] = objects.map((o) => {
      try {
        return readRelation(o);
      } catch (err) {
        // One table the reader cannot read (a virtual table of a module it lacks) is named, not fatal.
        return {
          schema: 'main', name: o.name, kind: o.type === 'view' ? 'view' : 'table', comment: null, viewDefinition: null, columns: [],
          primaryKey: [], foreignKeys: [], rowEstimate: null, estimatedAt: null, reads: [], unreadable: (err as Error).message,
        } satisfies CrawledRelation;
      }
    });
    const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    return { name: basename(file, extname(file)), version: `SQLite ${version}`, relations, schemas: ['main'] };
  } finally {
    db.close();
  }
}
