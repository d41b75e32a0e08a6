// Which files the catalog's commands accept as a catalog, on real SQLite files. (The commands
// themselves are run in cli/backup-restore.test.ts, ingest/ingest-cli.test.ts, import/import-cli.test.ts.)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogFileError, checkCatalogTarget, describeNotACatalog, readCatalogKind, type CatalogTargetOptions } from './check-catalog-file';
import { openCatalogDatabase } from './open-catalog-database';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-check-catalog-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sqlite(name: string, sql: string): string {
  const path = join(dir, name);
  const db = new Database(path);
  db.exec(sql);
  db.close();
  return path;
}

describe('readCatalogKind', () => {
  it('tells a catalog (schema_version and tables) from an empty database and from another program\'s', () => {
    const catalog = join(dir, 'catalog.sqlite');
    openCatalogDatabase(catalog).close();
    const kinds = [catalog, sqlite('empty.sqlite', ''), sqlite('app.sqlite', 'CREATE TABLE tables (id INTEGER)'), sqlite('versioned.sqlite', 'CREATE TABLE schema_version (v INTEGER)')]
      .map((path) => {
        const db = new Database(path, { readonly: true });
        try {
          return readCatalogKind(db).kind;
        } finally {
          db.close();
        }
      });
    expect(kinds).toEqual(['catalog', 'empty', 'other', 'other']);
  });

  it('names at most three of another program\'s tables', () => {
    expect(describeNotACatalog([])).toBe('it has no tables');
    expect(describeNotACatalog(['a', 'b', 'c', 'd', 'e'])).toBe('it has tables ("a", "b", "c", … (5 in all)) but not the catalog\'s "schema_version" and "tables"');
  });
});

describe('checkCatalogTarget', () => {
  it('accepts a catalog, an empty file, a new path in an existing folder, and a missing default data folder (the server creates it too)', () => {
    const catalog = join(dir, 'catalog.sqlite');
    openCatalogDatabase(catalog).close();
    writeFileSync(join(dir, 'empty.sqlite'), '');
    for (const path of [catalog, join(dir, 'empty.sqlite'), join(dir, 'new.sqlite'), ':memory:']) expect(() => checkCatalogTarget(path)).not.toThrow();
    expect(() => checkCatalogTarget(join(dir, 'data', 'catalog.sqlite'), { creatableFolder: join(dir, 'data') })).not.toThrow();
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('words a new catalog for the command to announce before anything is written, naming the file, the setting that chose it and the fix', () => {
    const catalog = join(dir, 'catalog.sqlite');
    const told = [
      checkCatalogTarget(catalog),
      checkCatalogTarget(catalog, { from: 'DATA_DIR', hasDryRun: false }),
      checkCatalogTarget(join(dir, 'data', 'catalog.sqlite'), { from: 'default', creatableFolder: join(dir, 'data') }),
    ];
    expect(told).toEqual([
      `there is no catalog at --db ${catalog} yet: a new one is created there for what this command loads (none with --dry-run). If you meant an existing catalog, check --db.`,
      `there is no catalog at ${catalog} (from DATA_DIR) yet: a new one is created there for what this command loads. A running Nansen reads it only if its DATA_DIR is the same; ` +
        `if the server's catalog is elsewhere, remove ${catalog} and set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db.`,
      `there is no catalog at ${join(dir, 'data', 'catalog.sqlite')} (the default: CATALOG_DB and DATA_DIR are unset) yet: a new one is created there for what this command loads (none with --dry-run). ` +
        `A running Nansen reads it only if its DATA_DIR (or CATALOG_DB) is the same; if the server's catalog is elsewhere, remove ${join(dir, 'data', 'catalog.sqlite')} and set DATA_DIR (or CATALOG_DB) as the server has it, or give --db.`,
    ]);
    // A catalog that is there, and an empty file someone created for one, are not new.
    openCatalogDatabase(catalog).close();
    writeFileSync(join(dir, 'empty.sqlite'), '');
    expect(checkCatalogTarget(catalog, { from: 'DATA_DIR' })).toBeUndefined();
    expect(checkCatalogTarget(join(dir, 'empty.sqlite'))).toBeUndefined();
  });

  it('refuses a DATA_DIR or CATALOG_DB folder that does not exist (a mistyped setting), even as a creatable one for --db would be', () => {
    const typo = join(dir, 'dta2');
    expect(() => checkCatalogTarget(join(typo, 'catalog.sqlite'), { from: 'DATA_DIR' })).toThrow(
      `${join(typo, 'catalog.sqlite')} (from DATA_DIR): the folder ${typo} does not exist, so no server keeps its catalog there. ` +
        'Set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db; ' +
        `or, to start a new catalog there, create the folder (mkdir -p ${typo}).`,
    );
    expect(() => checkCatalogTarget(join(typo, 'c.sqlite'), { from: 'CATALOG_DB' })).toThrow(/^.*\(from CATALOG_DB\): the folder .* does not exist, so no server keeps its catalog there\. Set CATALOG_DB as the server has it/);
    expect(existsSync(typo)).toBe(false);
  });

  it('refuses any other missing folder, and a folder given as the file', () => {
    expect(() => checkCatalogTarget(join(dir, 'data', 'catalog.sqlite'), { creatableFolder: join(dir, 'elsewhere') })).toThrow(CatalogFileError);
    expect(() => checkCatalogTarget(dir)).toThrow(`--db ${dir} is a folder, not the catalog's file (such as ${dir}/catalog.sqlite). Give the catalog's file with --db, or a new path to create a catalog (without --db: the server's, CATALOG_DB, else DATA_DIR/catalog.sqlite).`);
  });

  it('names the file actually opened and the setting that chose it, never a default it did not use', () => {
    const app = sqlite('app.sqlite', 'CREATE TABLE users (id INTEGER)');
    const messageFor = (path: string, options: CatalogTargetOptions) => {
      try {
        checkCatalogTarget(path, options);
      } catch (err) {
        expect(err).toBeInstanceOf(CatalogFileError);
        return (err as Error).message;
      }
      throw new Error('expected a refusal');
    };
    const notACatalog = 'is a SQLite database but not a Nansen catalog (it has tables ("users") but not the catalog\'s "schema_version" and "tables"), so nothing was written to it.';
    expect(messageFor(app, { from: 'DATA_DIR', hint: 'Not for the environment.' })).toBe(
      `${app} (from DATA_DIR) ${notACatalog} Set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db.`,
    );
    expect(messageFor(app, { from: 'CATALOG_DB' })).toBe(
      `${app} (from CATALOG_DB) ${notACatalog} Set CATALOG_DB as the server has it (the catalog's file; a relative path is taken from DATA_DIR), or give --db.`,
    );
    expect(messageFor(app, { from: 'default' })).toBe(
      `${app} (the default: CATALOG_DB and DATA_DIR are unset) ${notACatalog} Set DATA_DIR (or CATALOG_DB) as the server has it, or give --db.`,
    );
    expect(messageFor(app, { hint: 'The NDJSON to load is the last argument, not --db.' })).toBe(
      `--db ${app} ${notACatalog} Give the catalog's file with --db, or a new path to create a catalog (without --db: the server's, CATALOG_DB, else DATA_DIR/catalog.sqlite). The NDJSON to load is the last argument, not --db.`,
    );
    // A relative --db: as written, and the file it is.
    const relative = path.relative(process.cwd(), app);
    expect(messageFor(relative, {})).toMatch(new RegExp(`^--db ${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${app.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) is a SQLite database but not`));
    expect(messageFor(dir, { from: 'CATALOG_DB' })).toBe(
      `${dir} (from CATALOG_DB) is a folder, not the catalog's file (such as ${dir}/catalog.sqlite). Set CATALOG_DB as the server has it (the catalog's file; a relative path is taken from DATA_DIR), or give --db.`,
    );
  });

  it('names the option the command uses', () => {
    const app = sqlite('app.sqlite', 'CREATE TABLE users (id INTEGER)');
    expect(() => checkCatalogTarget(app, { option: '--catalog-db' })).toThrow(/^--catalog-db .*app\.sqlite is a SQLite database but not a Nansen catalog/);
  });
});
