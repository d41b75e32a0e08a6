// End to end: the real `npm run catalog:import` entry (import-cli.ts) in a child process on temp files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../testing/run-cli';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { generateDbtProject, writeDbtProject } from './dbt/generate-dbt-project';

const CLI = join(import.meta.dirname, 'import-cli.ts');
const FIXTURES = join(import.meta.dirname, 'dbt', 'fixtures');
const V4 = ['--manifest', join(FIXTURES, 'manifest-v4.json'), '--catalog', join(FIXTURES, 'catalog-v4.json')];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-import-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runCli = (args: string[]) => runCliEntry(CLI, args);

const tableKeys = (dbPath: string) => {
  const db = openCatalogDatabase(dbPath);
  try {
    return db.prepare('SELECT key FROM tables ORDER BY key').pluck().all();
  } finally {
    db.close();
  }
};

describe('npm run catalog:import -- dbt', () => {
  it('imports a dbt 1.0 project, says which manifest version it read, and reports a re-run as unchanged', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const first = await runCli(['dbt', ...V4, '--db', dbPath]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      project: 'jaffle_shop', manifestVersion: 'v4 (dbt 1.0)', database: 'postgres',
      tables: { added: 4, changed: 0, unchanged: 0, removed: 0 }, dashboards: { added: 1 }, lineage: { added: 3 },
    });
    expect(first.stderr).toContain(`dbt: imported project "jaffle_shop" (manifest v4 (dbt 1.0), written by dbt 1.0.1) into ${dbPath} (from --db) as postgres://…`);
    expect(first.stderr).toContain('  tables:     4 added, 0 changed, 0 unchanged, 0 removed');
    expect(tableKeys(dbPath)).toEqual([
      'postgres://analytics.jaffle_shop/customers', 'postgres://analytics.jaffle_shop/raw_orders',
      'postgres://analytics.jaffle_shop/stg_customers', 'postgres://raw.jaffle/raw_customers',
    ]);

    const again = await runCli(['dbt', ...V4, '--db', dbPath]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('  tables:     0 added, 0 changed, 4 unchanged, 0 removed');
    expect(again.stderr).toContain('search index unchanged');
  });

  it('takes the engine from --database over the manifest\'s adapter type', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const { code } = await runCli(['dbt', ...V4, '--db', dbPath, '--database', 'Redshift']);
    expect(code).toBe(0);
    expect(tableKeys(dbPath)).toContain('redshift://analytics.jaffle_shop/customers');
  });

  it('refuses a manifest older than dbt 1.0 by its version, exits 1 and creates no catalog', async () => {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v2.json' }, nodes: {} }));
    const dbPath = join(dir, 'catalog.sqlite');
    const { code, stderr, stdout } = await runCli(['dbt', '--manifest', manifest, '--db', dbPath]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`import: ${manifest}: manifest schema v2 (dbt 0.20) is older than this importer reads (v4, dbt 1.0, and later).`);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('writes nothing in a dry run, not even a new catalog file', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const { code, stdout, stderr } = await runCli(['dbt', ...V4, '--db', dbPath, '--dry-run']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, tables: { added: 4 } });
    expect(stderr).toContain('dbt: dry run, nothing written — would import project "jaffle_shop"');
    expect(existsSync(dbPath)).toBe(false);
  });

  it('names each bad node by its unique_id, loads the rest and exits 2', async () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest-v4.json'), 'utf8'));
    manifest.nodes['model.jaffle_shop.customers'].meta.owner = 7;
    const manifestFile = join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const dbPath = join(dir, 'catalog.sqlite');
    const { code, stdout, stderr } = await runCli(['dbt', '--manifest', manifestFile, '--catalog', join(FIXTURES, 'catalog-v4.json'), '--db', dbPath]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).bad).toEqual([{ uniqueId: 'model.jaffle_shop.customers', reason: 'field "meta.owner": expected an email (or {"email": …}), got 7' }]);
    expect(stderr).toContain('  1 bad node(s) left out:\n    model.jaffle_shop.customers: field "meta.owner": expected an email');
    expect(tableKeys(dbPath)).toHaveLength(3);
  });

  it('asks for --database when the manifest names no adapter, and for a known source', async () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest-v4.json'), 'utf8'));
    delete manifest.metadata.adapter_type;
    const manifestFile = join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const noEngine = await runCli(['dbt', '--manifest', manifestFile, '--db', join(dir, 'c.sqlite')]);
    expect(noEngine.code).toBe(1);
    expect(noEngine.stderr).toContain('--database is required: ');
    const unknown = await runCli(['dbtt']);
    expect(unknown.code).toBe(1);
    // Every importer is named (the list grows with each: dbt, openlineage, …).
    expect(unknown.stderr).toMatch(/import: unknown source "dbtt" \(expected one of dbt(, [a-z]+)*\)/);
    expect(unknown.stderr).toContain('openlineage');
    expect(unknown.stderr).toMatch(/, postgres, sqlite\)/);
  });

  it('answers an unknown option of any source with one line naming it and that source\'s usage, and exits 1', async () => {
    const usageOf = { dbt: 'usage: npm run catalog:import -- dbt --manifest', openlineage: 'usage: npm run catalog:import -- openlineage --events', postgres: 'usage: npm run catalog:import -- postgres --url', sqlite: 'usage: npm run catalog:import -- sqlite --file' };
    for (const [source, usage] of Object.entries(usageOf)) {
      const { code, stdout, stderr } = await runCli([source, '--bogus']);
      expect(code, source).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.split('\n');
      expect(lines[0], source).toBe('import: unknown option --bogus');
      expect(lines[1], source).toMatch(new RegExp(`^${usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(stderr, source).toContain("--db FILE: the catalog; by default the server's: CATALOG_DB, else DATA_DIR/catalog.sqlite (DATA_DIR defaults to data)\n");
      // Only this source's usage, not every source's.
      expect(stderr.match(/usage: /g), source).toHaveLength(1);
    }
  });

  it('says where a manifest that is not JSON breaks by line and column, as for the UI config file, not by JSON.parse\'s character offset', async () => {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, '{\n  "metadata": {},\n  "nodes": {,}\n}\n');
    const { code, stderr } = await runCli(['dbt', '--manifest', manifest, '--db', join(dir, 'catalog.sqlite')]);
    expect(code).toBe(1);
    // Only the error: that no catalog is at --db yet is said right before one would be written, which never came.
    expect(stderr).toBe(`import: ${manifest}: not valid JSON at line 3, column 13: expected a property name in double quotes, found ","\n`);
    const catalog = join(dir, 'catalog.json');
    writeFileSync(catalog, '{"nodes": {}, }');
    const badCatalog = await runCli(['dbt', ...V4.slice(0, 2), '--catalog', catalog, '--db', join(dir, 'catalog.sqlite')]);
    expect(badCatalog.stderr).toContain(`${catalog}: not valid JSON at line 1, column 13: a comma before } (JSON allows no trailing comma)`);
  });

  it('imports into the server\'s catalog without --db: CATALOG_DB, else DATA_DIR/catalog.sqlite', async () => {
    const dataDir = join(dir, 'data-dir');
    mkdirSync(dataDir); // a DATA_DIR folder that does not exist is refused (check-catalog-file.ts)
    const { code, stderr } = await runCliEntry(CLI, ['dbt', ...V4, '--quiet'], undefined, { ...process.env, DATA_DIR: dataDir, CATALOG_DB: undefined });
    expect(code).toBe(0);
    expect(stderr).toContain(`into ${join(dataDir, 'catalog.sqlite')} (from DATA_DIR) as postgres://`);
    expect(tableKeys(join(dataDir, 'catalog.sqlite'))).toHaveLength(4);
  });

  it('imports a generated project of 300 models from files, with --prune removing a model that left it', async () => {
    const project = generateDbtProject({ models: 300 });
    const paths = writeDbtProject(dir, project);
    const dbPath = join(dir, 'catalog.sqlite');
    const args = ['dbt', '--manifest', paths.manifest, '--catalog', paths.catalog, '--db', dbPath];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('dbt: read manifest v12 (dbt 1.8 and later) of project "polar_analytics": 228 tables');
    expect(tableKeys(dbPath)).toHaveLength(228);

    delete project.manifest.nodes['model.polar_analytics.fct_5'];
    writeDbtProject(dir, project);
    const kept = await runCli(args);
    expect(kept.stderr).toContain('  tables:     0 added, 0 changed, 227 unchanged, 0 removed, 1 gone from the project (kept; --prune removes them)');
    const pruned = await runCli([...args, '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain('  tables:     0 added, 0 changed, 227 unchanged, 1 removed');
    expect(tableKeys(dbPath)).not.toContain('snowflake://analytics.marts/fct_5');
  });
});

describe('npm run catalog:import refuses a --db that is not a catalog, before writing anything', () => {
  const GIVE = "Give the catalog's file with --db, or a new path to create a catalog (without --db: the server's, CATALOG_DB, else DATA_DIR/catalog.sqlite)";
  /** Another program's database: one table of its own. */
  const appDatabase = () => {
    const app = join(dir, 'shop.sqlite');
    const db = new Database(app);
    db.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders (total) VALUES (12.5)");
    db.close();
    return app;
  };

  it('sqlite with --file and --db swapped: refuses to write into the application database, asks whether they were swapped', async () => {
    const app = appDatabase();
    const catalogPath = join(dir, 'catalog.sqlite');
    openCatalogDatabase(catalogPath).close();
    const before = readFileSync(app);
    const result = await runCli(['sqlite', '--file', catalogPath, '--db', app]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `import: --db ${app} is a SQLite database but not a Nansen catalog (it has tables ("orders") but not the catalog's "schema_version" and "tables"), ` +
        `so nothing was written to it. ${GIVE}. Did you swap --file (the database to read) and --db (the catalog)?\n`,
    );
    expect(readFileSync(app).equals(before)).toBe(true);
  });

  it('dbt and openlineage refuse another program\'s database and a file that is no database, naming the file', async () => {
    const app = appDatabase();
    const before = readFileSync(app);
    const dbt = await runCli(['dbt', ...V4, '--db', app]);
    expect(dbt.code).toBe(1);
    expect(dbt.stderr).toBe(
      `import: --db ${app} is a SQLite database but not a Nansen catalog (it has tables ("orders") but not the catalog's "schema_version" and "tables"), so nothing was written to it. ${GIVE}.\n`,
    );
    expect(readFileSync(app).equals(before)).toBe(true);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database, only words, '.repeat(40));
    const events = join(dir, 'events.ndjson');
    writeFileSync(events, '');
    const lineage = await runCli(['openlineage', '--events', events, '--db', text]);
    expect(lineage.code).toBe(1);
    expect(lineage.stderr).toBe(`import: --db ${text} is not a SQLite database (file is not a database), so nothing was written to it. ${GIVE}.\n`);
  });

  it('refuses a --db in a folder that does not exist, naming the folder and the fix, and creates nothing — a dry run too', async () => {
    const folder = join(dir, 'catalogs');
    const dbPath = join(folder, 'catalog.sqlite');
    for (const extra of [[], ['--dry-run']]) {
      const result = await runCli(['dbt', ...V4, '--db', dbPath, ...extra]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `import: --db ${dbPath}: the folder ${folder} does not exist. Check the path, or create the folder (mkdir -p ${folder}) ` +
          `to start a new catalog there. ${GIVE}.\n`,
      );
    }
    expect(existsSync(folder)).toBe(false);
  });
});
