// End to end: the real `npm run catalog:import` entry (import-cli.ts) in a child process, against a
// real PostgreSQL server and real SQLite files: the summary and the JSON report, --dry-run, the exit
// codes, and errors that name the option and the fix without printing the password.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../../testing/run-cli';
import { getFreePort } from '../../../testing/free-port';
import { startPostgres, type PostgresServer } from '../../../testing/start-postgres';
import { generateShopSchema, shopRelationCount } from './generate-shop-schema';

const CLI = join(import.meta.dirname, '..', 'import-cli.ts');
const SHOP = generateShopSchema();

const runCli = (args: string[]) => runCliEntry(CLI, args);

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
  await server.sql('CREATE DATABASE shop');
  await server.sql(SHOP.sql, 'shop');
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-db-import-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run catalog:import -- postgres', () => {
  it('imports a database, prints a summary and a JSON report without the password, and reports a re-run as unchanged', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const url = server.url('shop');
    const first = await runCli(['postgres', '--url', url, '--exclude-schema', 'scratch_*', '--db', dbPath]);
    expect(first.code).toBe(0);
    const tables = shopRelationCount(SHOP) - SHOP.relations.scratch_tmp.length;
    const location = `postgres://postgres@127.0.0.1:${server.port}/shop`;
    expect(JSON.parse(first.stdout)).toMatchObject({
      source: 'postgres', database: 'shop', location, keyPrefix: 'postgres://shop.', filter: 'all schemas except scratch_*',
      tables: { added: tables, changed: 0, unchanged: 0, removed: 0, disappeared: 0 }, views: 6,
    });
    expect(first.stderr).toMatch(new RegExp(`^postgres: imported PostgreSQL [\\d.]+ database "shop" \\(${location}\\) into ${dbPath} \\(from --db\\) as postgres://shop\\.…$`, 'm'));
    // Only the schemas tables came from: public has none.
    expect(first.stderr).toContain(`  read:       ${tables} tables and views (6 views) in schemas hr, inventory, sales, staging (none in public; left out: scratch_tmp)\n`);
    expect(first.stderr).toContain(`  tables:     ${tables} added, 0 changed, 0 unchanged, 0 removed\n`);
    expect(`${first.stdout}${first.stderr}`).not.toContain(server.superuserPassword);

    const again = await runCli(['postgres', '--url', url, '--exclude-schema', 'scratch_*', '--db', dbPath, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`  tables:     0 added, 0 changed, ${tables} unchanged, 0 removed\n`);
    expect(again.stderr).toContain('search index unchanged');
    expect(again.stderr).not.toContain('reading the catalog');
  });

  it('exits 2 when a table was bad, naming it, after importing the rest', async () => {
    await server.sql('CREATE DATABASE odd');
    await server.sql('CREATE SCHEMA "a/b"; CREATE TABLE "a/b".t (id int); CREATE TABLE public.fine (id int)', 'odd');
    const run = await runCli(['postgres', '--url', server.url('odd'), '--db', join(dir, 'catalog.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('  1 bad table(s) left out:\n    a/b.t: schema "a/b" has a "." or "/"');
    expect(JSON.parse(run.stdout).tables.added).toBe(1);
  });

  it('refuses a --schema that matches no schema, warns of one of several that matches none, and names the tables that changed', async () => {
    await server.sql('CREATE DATABASE threes');
    await server.sql('CREATE SCHEMA sales; CREATE SCHEMA scratch; CREATE TABLE sales.a (id int); CREATE TABLE sales.b (id int); CREATE TABLE scratch.c (id int)', 'threes');
    const dbPath = join(dir, 'catalog.sqlite');
    const url = server.url('threes');
    const nosuch = await runCli(['postgres', '--url', url, '--schema', 'nosuch', '--db', dbPath]);
    expect(nosuch.code).toBe(1);
    expect(nosuch.stderr).toContain('import: --schema nosuch matched no schema (there are: public, sales, scratch)\n');
    expect(nosuch.stdout).toBe('');
    expect(existsSync(dbPath)).toBe(false);

    const some = await runCli(['postgres', '--url', url, '--schema', 'sales,nosuch,public', '--db', dbPath, '--quiet']);
    expect(some.code).toBe(0);
    expect(some.stderr).toContain('  read:       2 tables and views (0 views) in schema sales (none in public; left out: scratch)\n' +
      '  --schema nosuch matched no schema (there are: public, sales, scratch)\n');
    expect(JSON.parse(some.stdout).schemas).toEqual({ imported: ['sales'], empty: ['public'], leftOut: ['scratch'], unmatched: ['nosuch'] });

    await server.sql("COMMENT ON TABLE sales.b IS 'Changed.'", 'threes');
    const changed = await runCli(['postgres', '--url', url, '--schema', 'sales', '--db', dbPath]);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain('postgres: read PostgreSQL');
    expect(changed.stderr).toContain('"threes" (schemas sales): 2 tables and views in 1 schema, 0 lineage edges, 0 bad\n');
    expect(changed.stderr).toContain('  read:       2 tables and views (0 views) in schema sales (left out: public, scratch)\n');
    expect(changed.stderr).toContain('  tables:     0 added, 1 changed, 1 unchanged, 0 removed\n    changed: postgres://threes.sales/b\n');
    expect(JSON.parse(changed.stdout).changed).toEqual({ tables: ['postgres://threes.sales/b'] });
  });

  it('creates no catalog file in a dry run', async () => {
    const dbPath = join(dir, 'never.sqlite');
    const dry = await runCli(['postgres', '--url', server.url('shop'), '--schema', 'hr', '--db', dbPath, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('postgres: dry run, nothing written — would import PostgreSQL');
    expect(JSON.parse(dry.stdout).tables.added).toBe(SHOP.relations.hr.length);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('exits 1 naming --url and the fix when the password is wrong or the server unreachable, and never prints the password', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const wrong = await runCli(['postgres', '--url', server.url('shop', 'postgres', 'hunter2-wrong'), '--db', dbPath]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`import: PostgreSQL refused the password of user "postgres": check the password in --url (postgres://postgres@127.0.0.1:${server.port}/shop) or PGPASSWORD`);
    expect(wrong.stderr).not.toContain('hunter2-wrong');
    expect(wrong.stderr).not.toMatch(/^\s+at /m);

    const port = await getFreePort();
    const down = await runCli(['postgres', '--url', `postgres://app:hunter2@127.0.0.1:${port}/shop`, '--db', dbPath]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`import: cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
    expect(down.stderr).not.toContain('hunter2');

    // What it does not take is quoted: the URL as a positional argument, without its password.
    const positional = await runCli(['postgres', 'postgres://app:hunter2@db.internal/shop', '--db', dbPath]);
    expect(positional.code).toBe(1);
    expect(positional.stderr).toContain('import: unexpected argument "postgres://app@db.internal/shop" (give the database with --url or --file)\nusage: npm run catalog:import -- postgres --url');
    expect(positional.stderr).toContain('(give the database with --url or --file)');
    expect(positional.stderr).not.toContain('hunter2');

    const missing = await runCli(['postgres', '--db', dbPath]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('import: --url is required: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE');
    expect(existsSync(dbPath)).toBe(false);
  });
});

describe('npm run catalog:import -- sqlite', () => {
  it('imports a SQLite file and refuses a missing one naming --file', async () => {
    const file = join(dir, 'inventory.db');
    const source = new Database(file);
    source.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); CREATE VIEW named AS SELECT name FROM items;');
    source.close();
    const dbPath = join(dir, 'catalog.sqlite');
    const run = await runCli(['sqlite', '--file', file, '--db', dbPath]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ source: 'sqlite', database: 'inventory', keyPrefix: 'sqlite://inventory.', tables: { added: 2 }, views: 1 });
    expect(run.stderr).toMatch(/sqlite: imported SQLite 3[\d.]+ database "inventory" \(.+inventory\.db\) into .+ as sqlite:\/\/inventory\.…/);
    expect(run.stderr).toContain('  read:       2 tables and views (1 view) in schema main\n');

    const missing = await runCli(['sqlite', '--file', join(dir, 'gone.db'), '--db', dbPath]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`import: --file ${join(dir, 'gone.db')}: no such file; give the path of a SQLite database file`);
  });

  it('refuses the catalog it writes to as --file, by any path to it, and any other Nansen catalog', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const source = join(dir, 'app.sqlite');
    new Database(source).exec('CREATE TABLE things (id INTEGER PRIMARY KEY)').close();
    expect((await runCli(['sqlite', '--file', source, '--db', dbPath, '--quiet'])).code).toBe(0);
    const before = readFileSync(dbPath);

    const same = await runCli(['sqlite', '--file', dbPath, '--db', dbPath]);
    expect(same.code).toBe(1);
    expect(same.stderr).toBe(`import: --file ${dbPath} is the catalog this import writes to (${dbPath} (from --db)), not a database to import: ` +
      'give --file the SQLite file of the application whose tables you want in the catalog\n');
    // The server's catalog, chosen by DATA_DIR, named through a link.
    const link = join(dir, 'link.sqlite');
    symlinkSync(dbPath, link);
    const live = await runCliEntry(CLI, ['sqlite', '--file', link], undefined, { ...process.env, DATA_DIR: dir, CATALOG_DB: undefined });
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(new RegExp(`^import: --file ${link} is the catalog this import writes to \\(${dbPath} \\(from DATA_DIR\\)\\)`));

    const other = join(dir, 'other-catalog.sqlite');
    copyFileSync(dbPath, other);
    const copy = await runCli(['sqlite', '--file', other, '--db', dbPath]);
    expect(copy.code).toBe(1);
    expect(copy.stderr).toContain(`\nimport: --file ${other} is a Nansen catalog (it has the catalog's "schema_version" and "tables" tables), not a database to import: ` +
      'give --file the SQLite file of the application whose tables you want in the catalog\n');
    expect(readFileSync(dbPath).equals(before)).toBe(true);

    const folder = await runCli(['sqlite', '--file', dir, '--db', dbPath]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(new RegExp(`^import: --file ${dir} is a folder, not a SQLite database file: give the path of the database file in it, such as ${join(dir, 'app.sqlite')} or `));
  });
});
