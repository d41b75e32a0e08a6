// End to end: the real CLI (server/catalog/cli/ingest.ts) in a child process on temp files.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../testing/run-cli';
import { openCatalogDatabase } from '../store/open-catalog-database';

const CLI = join(import.meta.dirname, '..', 'cli', 'ingest.ts');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-ingest-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runCli = (args: string[], stdin?: string, env?: Record<string, string | undefined>) => runCliEntry(CLI, args, stdin, env);

/** The CLI run from another folder (where its default catalog, data/catalog.sqlite, is). */
function runCliIn(cwd: string, args: string[], stdin: string, env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CLI, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const table = (name: string) => JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name });
const countTables = (dbPath: string) => {
  const db = openCatalogDatabase(dbPath);
  try {
    return db.prepare('SELECT count(*) FROM tables').pluck().get();
  } finally {
    db.close();
  }
};

describe('catalog:ingest CLI', () => {
  it('loads the good records, prints the summary with the bad lines and exits 2', async () => {
    const file = join(dir, 'records.ndjson');
    writeFileSync(file, [table('a'), 'nope', table('b'), '{"type":"usage","table_key":"hive://gold.core/zz","user_email":"u@x.org","read_count":1}'].join('\n'));
    const dbPath = join(dir, 'catalog.sqlite');
    const { code, stdout, stderr } = await runCli(['--db', dbPath, file]);
    expect(code).toBe(2);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ loaded: { table: 2 }, rejectedCount: 2, linesRead: 4 });
    expect(summary.rejected.map((r: { line: number }) => r.line)).toEqual([2, 4]);
    expect(stderr).toMatch(/ingest: loaded 2 records \(table 2\), 2 rejected \(first: line 2: invalid JSON at column 1: expected a value \(a string, number, object, array, true, false or null\), found "n"\)/);
    expect(countTables(dbPath)).toBe(2);
  });

  it('loads a key that differs only in case from another and says so on its line, exiting 0', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const mixed = JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name: 'A' });
    const { code, stdout, stderr } = await runCli(['--db', dbPath, '--quiet', '-'], `${table('a')}\n${mixed}\n`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ loaded: { table: 2 }, warningCount: 1, warnings: [{ line: 2 }] });
    expect(stderr).toContain('ingest: loaded 2 records (table 2), 1 warning (first: line 2: table key "hive://gold.core/A" differs only in case from "hive://gold.core/a", ');
  });

  it('exits 1, not 2, when every record was rejected: nothing loaded', async () => {
    const file = join(dir, 'records.ndjson');
    writeFileSync(file, ['nope', '{"type":"table","database":"hive"}', ''].join('\n'));
    const dbPath = join(dir, 'catalog.sqlite');
    const { code, stdout, stderr } = await runCli(['--db', dbPath, file]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ loaded: { table: 0 }, rejectedCount: 2 });
    expect(stderr).toMatch(/^ingest: loaded 0 records \(nothing\), 2 rejected \(first: line 1: /m);
  });

  it('says "no records in FILE: nothing loaded" and exits 1 for an empty input or one of blank lines only, creating no catalog', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const why = 'an empty export usually means the job that writes it failed';
    const empty = join(dir, 'export.ndjson');
    writeFileSync(empty, '');
    const blank = join(dir, 'blank.ndjson');
    writeFileSync(blank, '\uFEFF\n  \n\r\n\n');
    for (const [args, stdin, message] of [
      [[empty], undefined, `no records in ${empty}: nothing loaded (the file is empty; ${why})`],
      [[blank], undefined, `no records in ${blank}: nothing loaded (the file has only blank lines; ${why})`],
      [['-'], '', `no records in stdin: nothing loaded (the input is empty; ${why})`],
    ] as const) {
      const result = await runCli(['--db', dbPath, ...args], stdin);
      expect(result).toEqual({ code: 1, stdout: '', stderr: `ingest: ${message}\n` });
    }
    expect(existsSync(dbPath)).toBe(false);
    // Blank lines beyond the bytes looked at first: the summary is printed, the words and the exit code are the same.
    const long = join(dir, 'long.ndjson');
    writeFileSync(long, '\n'.repeat(100_000));
    const result = await runCli(['--db', dbPath, '--quiet', long]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ loaded: { table: 0 }, rejectedCount: 0, linesRead: 100_000 });
    expect(result.stderr.split('\n').slice(-2)).toEqual([`ingest: no records in ${long}: nothing loaded (the file has only blank lines; ${why})`, '']);
  });

  it('names a file of another kind — a SQLite database, a dbt manifest — with the command that reads it, loads nothing and exits 1', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const shop = join(dir, 'shop.sqlite');
    const app = new Database(shop);
    app.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO orders (note) VALUES ('{\"type\": \"table\"}')");
    app.close();
    const sqlite = await runCli(['--db', dbPath, shop]);
    expect(sqlite.code).toBe(1);
    expect(sqlite.stdout).toBe('');
    expect(sqlite.stderr).toBe(
      `ingest: ${shop} is a SQLite database, not NDJSON: nothing was loaded. To load its tables and columns: \`npm run catalog:import -- sqlite --file ${shop}\`\n`,
    );

    const manifest = join(dir, 'manifest.json');
    const nodes = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`model.p.m${i}`, { name: `m${i}`, resource_type: 'model' }]));
    writeFileSync(manifest, JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' }, nodes }, null, 2));
    const dbt = await runCli(['--db', dbPath, manifest]);
    expect(dbt.code).toBe(1);
    expect(dbt.stdout).toBe('');
    expect(dbt.stderr).toBe(
      `ingest: ${manifest} is one JSON document (a dbt manifest), not NDJSON: nothing was loaded. ` +
        `To load a dbt project: \`npm run catalog:import -- dbt --manifest ${manifest}\` (add --catalog target/catalog.json for column types)\n`,
    );
    // The same on stdin, where the file has no name.
    const piped = await runCli(['--db', dbPath, '-'], readFileSync(manifest, 'utf8'));
    expect(piped.code).toBe(1);
    expect(piped.stderr).toBe(
      'ingest: the input is one JSON document (a dbt manifest), not NDJSON: nothing was loaded. ' +
        'To load a dbt project: `npm run catalog:import -- dbt --manifest FILE` (add --catalog target/catalog.json for column types)\n',
    );
    // Refused before the catalog was looked at: no catalog was created for it.
    expect(existsSync(dbPath)).toBe(false);
  });

  it('loads NDJSON whose first record is longer than the bytes looked at to recognise a file, from a file and from stdin', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const columns = Array.from({ length: 4000 }, (_, i) => ({ name: `c${i}`, col_type: 'string' }));
    const input = `${JSON.stringify({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name: 'wide', columns })}\n${table('b')}\n`;
    expect(input.indexOf('\n')).toBeGreaterThan(64 * 1024);
    const file = join(dir, 'wide.ndjson');
    writeFileSync(file, input);
    expect((await runCli(['--db', dbPath, '--quiet', file])).code).toBe(0);
    const piped = await runCli(['--db', dbPath, '--quiet', '-'], input);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ loaded: { table: 2 }, rejectedCount: 0, linesRead: 2, bytesRead: Buffer.byteLength(input) });
    expect(countTables(dbPath)).toBe(2);
  });

  it('reads stdin for "-", reports progress on stderr and exits 0 when everything loaded', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const input = Array.from({ length: 3000 }, (_, i) => table(`t${i}`)).join('\n');
    const { code, stdout, stderr } = await runCli(['--db', dbPath, '--batch-size', '500', '--progress-every', '1000', '-'], input);
    expect(stderr).toMatch(/ingest: \d+ lines \([\d.]+ MB\), \d+ loaded, 0 rejected, \d+ records\/s/);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ loaded: { table: 3000 }, rejectedCount: 0 });
    expect(countTables(dbPath)).toBe(3000);
  });

  it('exits 1 with a clear message when the input file does not exist', async () => {
    const missing = join(dir, 'missing.ndjson');
    const { code, stdout, stderr } = await runCli(['--db', join(dir, 'catalog.sqlite'), missing]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ingest: input file not found: ${missing}\n`);
  });

  it('takes a time budget per transaction with --max-batch-ms and refuses one that is not a whole number ≥ 1', async () => {
    const dbPath = join(dir, 'catalog.sqlite');
    const input = Array.from({ length: 50 }, (_, i) => table(`t${i}`)).join('\n');
    const ok = await runCli(['--db', dbPath, '--max-batch-ms', '1', '--quiet', '-'], input);
    expect(ok.code).toBe(0);
    expect(countTables(dbPath)).toBe(50);
    const bad = await runCli(['--db', dbPath, '--max-batch-ms', '0.5', '-'], input);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--max-batch-ms must be a whole number ≥ 1, got "0.5"[\s\S]*usage: .*--max-batch-ms N/);
    // Only digits: what Number() would also read is refused.
    for (const value of ['0x10', '1e3', ' 5 ']) {
      const refused = await runCli(['--db', dbPath, '--batch-size', value, '-'], input);
      expect(refused.code, value).toBe(1);
      expect(refused.stderr).toContain(`--batch-size must be a whole number ≥ 1, got "${value}"`);
    }
  });

  it('answers an unknown option with one line naming it and the usage, as npm runs it, and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(['--bogus', join(dir, 'x.ndjson')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const [first, usage, ...rest] = stderr.split('\n');
    expect(first).toBe('ingest: unknown option --bogus');
    expect(usage).toBe('usage: npm run catalog:ingest -- [--db FILE] [--batch-size N] [--max-batch-ms N] [--progress-every N] [--quiet] FILE.ndjson|-');
    // Then one line per option, saying what it does (help-texts.test.ts), and where the docs are.
    expect(rest).toContain("       --db FILE: the catalog; by default the server's: CATALOG_DB, else DATA_DIR/catalog.sqlite (DATA_DIR defaults to data)");
    expect(rest.slice(-2)).toEqual(['       More, with examples: docs/ingest.md', '']);
    expect((await runCli(['-x', '-'])).stderr.split('\n')[0]).toBe('ingest: unknown option -x');
    expect((await runCli(['--db'])).stderr.split('\n')[0]).toBe('ingest: --db needs a value');
    expect((await runCli(['--quiet=yes', '-'])).stderr.split('\n')[0]).toBe('ingest: --quiet takes no value');
  });

  it('loads into the server\'s catalog without --db: CATALOG_DB, else DATA_DIR/catalog.sqlite, saying so when that catalog is new', async () => {
    const input = `${table('a')}\n`;
    const dataDir = join(dir, 'data-dir');
    mkdirSync(dataDir);
    const catalog = join(dataDir, 'catalog.sqlite');
    const byDataDir = await runCli(['--quiet', '-'], input, { ...process.env, DATA_DIR: dataDir, CATALOG_DB: undefined });
    expect(byDataDir.code).toBe(0);
    // A new catalog is said before anything is written, with what to do if it is not the server's.
    expect(byDataDir.stderr.split('\n')[0]).toBe(
      `ingest: there is no catalog at ${catalog} (from DATA_DIR) yet: a new one is created there for what this command loads. ` +
        `A running Nansen reads it only if its DATA_DIR is the same; if the server's catalog is elsewhere, remove ${catalog} and ` +
        'set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db.',
    );
    // The result line names the file and which setting chose it, as backup and restore do.
    expect(byDataDir.stderr).toContain(` into ${catalog} (from DATA_DIR) in `);
    expect(countTables(catalog)).toBe(1);
    // The second time the catalog is there: nothing to say about it.
    const again = await runCli(['--quiet', '-'], input, { ...process.env, DATA_DIR: dataDir, CATALOG_DB: undefined });
    expect(again.stderr).toMatch(/^ingest: loaded 1 records \(table 1\) from 1 lines into /);
    const byCatalogDb = await runCli(['--quiet', '-'], input, { ...process.env, DATA_DIR: dir, CATALOG_DB: 'other.sqlite' });
    expect(byCatalogDb.code).toBe(0);
    expect(byCatalogDb.stderr).toContain(`ingest: there is no catalog at ${join(dir, 'other.sqlite')} (from CATALOG_DB) yet: `);
    expect(byCatalogDb.stderr).toContain(` into ${join(dir, 'other.sqlite')} (from CATALOG_DB) in `);
    expect(countTables(join(dir, 'other.sqlite'))).toBe(1);
  });

  it('refuses a DATA_DIR (or CATALOG_DB) folder that does not exist — a mistyped setting — naming the fix, and creates nothing', async () => {
    const input = `${table('a')}\n`;
    const typo = join(dir, 'dta2');
    const result = await runCli(['--quiet', '-'], input, { ...process.env, DATA_DIR: typo, CATALOG_DB: undefined });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `ingest: ${join(typo, 'catalog.sqlite')} (from DATA_DIR): the folder ${typo} does not exist, so no server keeps its catalog there. ` +
        'Set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db; ' +
        `or, to start a new catalog there, create the folder (mkdir -p ${typo}).\n`,
    );
    expect(existsSync(typo)).toBe(false);
    const byCatalogDb = await runCli(['--quiet', '-'], input, { ...process.env, DATA_DIR: dir, CATALOG_DB: 'nested/other.sqlite' });
    expect(byCatalogDb.code).toBe(1);
    expect(byCatalogDb.stderr).toContain(`(from CATALOG_DB): the folder ${join(dir, 'nested')} does not exist, so no server keeps its catalog there. Set CATALOG_DB as the server has it`);
    expect(existsSync(join(dir, 'nested'))).toBe(false);
  });

  it('says when --db names a new catalog, and creates the default data folder as the server does (a fresh checkout, as documented)', async () => {
    const input = `${table('a')}\n`;
    const created = await runCli(['--db', join(dir, 'new.sqlite'), '--quiet', '-'], input);
    expect(created.code).toBe(0);
    expect(created.stderr.split('\n')[0]).toBe(
      `ingest: there is no catalog at --db ${join(dir, 'new.sqlite')} yet: a new one is created there for what this command loads. If you meant an existing catalog, check --db.`,
    );
    // Without --db or settings: data/catalog.sqlite in the folder the command runs in, data/ created.
    const fresh = await runCliIn(dir, ['--quiet', '-'], input, { ...process.env, DATA_DIR: undefined, CATALOG_DB: undefined });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr.split('\n')[0]).toMatch(/^ingest: there is no catalog at .*\/data\/catalog\.sqlite \(the default: CATALOG_DB and DATA_DIR are unset\) yet: a new one is created there/);
    expect(countTables(join(dir, 'data', 'catalog.sqlite'))).toBe(1);
  });
});

describe('catalog:ingest refuses a --db that is not a catalog, before writing anything', () => {
  const GIVE = "Give the catalog's file with --db, or a new path to create a catalog (without --db: the server's, CATALOG_DB, else DATA_DIR/catalog.sqlite). The NDJSON to load is the last argument, not --db.";
  const records = () => {
    const file = join(dir, 'records.ndjson');
    writeFileSync(file, `${table('a')}\n`);
    return file;
  };

  it('refuses another program\'s SQLite database, naming the file and its tables, and leaves it byte for byte as it was', async () => {
    const app = join(dir, 'app.sqlite');
    const db = new Database(app);
    db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users (email) VALUES ('liv@example.org')");
    db.close();
    const before = readFileSync(app);
    const { code, stdout, stderr } = await runCli(['--db', app, records()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ingest: --db ${app} is a SQLite database but not a Nansen catalog (it has tables ("users") but not the catalog's "schema_version" and "tables"), so nothing was written to it. ${GIVE}\n`);
    expect(readFileSync(app).equals(before)).toBe(true);
    expect(existsSync(`${app}-wal`)).toBe(false);
  });

  it('refuses a file that is no SQLite database at all (e.g. /etc/passwd), naming it and what is expected', async () => {
    const text = join(dir, 'passwd');
    writeFileSync(text, 'root:x:0:0:root:/root:/bin/bash\n'.repeat(20));
    const { code, stderr } = await runCli(['--db', text, records()]);
    expect(code).toBe(1);
    expect(stderr).toBe(`ingest: --db ${text} is not a SQLite database (file is not a database), so nothing was written to it. ${GIVE}\n`);
    expect(readFileSync(text, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n'.repeat(20));
  });

  it('refuses a --db in a folder that does not exist, naming the folder, and creates nothing', async () => {
    const folder = join(dir, 'no-such-folder');
    const { code, stderr } = await runCli(['--db', join(folder, 'catalog.sqlite'), records()]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `ingest: --db ${join(folder, 'catalog.sqlite')}: the folder ${folder} does not exist. Check the path, or create the folder ` +
        `(mkdir -p ${folder}) to start a new catalog there. ${GIVE.replace(' The NDJSON to load is the last argument, not --db.', '')}\n`,
    );
    expect(existsSync(folder)).toBe(false);
  });

  it('without --db names the server\'s catalog it refused and the setting that chose it, with that setting as the fix', async () => {
    const app = join(dir, 'catalog.sqlite');
    new Database(app).exec('CREATE TABLE users (id INTEGER)').close();
    const NOT_A_CATALOG = 'is a SQLite database but not a Nansen catalog (it has tables ("users") but not the catalog\'s "schema_version" and "tables"), so nothing was written to it.';
    const byDataDir = await runCli([records()], undefined, { ...process.env, DATA_DIR: dir, CATALOG_DB: undefined });
    expect(byDataDir.code).toBe(1);
    expect(byDataDir.stderr).toBe(
      `ingest: ${app} (from DATA_DIR) ${NOT_A_CATALOG} Set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db.\n`,
    );
    const byCatalogDb = await runCli([records()], undefined, { ...process.env, DATA_DIR: dir, CATALOG_DB: 'catalog.sqlite' });
    expect(byCatalogDb.stderr).toBe(
      `ingest: ${app} (from CATALOG_DB) ${NOT_A_CATALOG} Set CATALOG_DB as the server has it (the catalog's file; a relative path is taken from DATA_DIR), or give --db.\n`,
    );
    expect(byCatalogDb.stderr).not.toContain('data/catalog.sqlite');
  });

  it('loads into an existing catalog, a new path in an existing folder, and an empty file', async () => {
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    for (const dbPath of [join(dir, 'new.sqlite'), empty]) {
      expect((await runCli(['--db', dbPath, records()])).code).toBe(0);
      expect((await runCli(['--db', dbPath, records()])).code).toBe(0);
      expect(countTables(dbPath)).toBe(1);
    }
  });
});

describe('docs/ingest.md\'s way to keep the summary', () => {
  const ROOT = join(import.meta.dirname, '..', '..', '..');

  /** The docs' sh block that captures catalog:ingest's stdout into summary.json. */
  function readDocsExample(): string {
    const docs = readFileSync(join(ROOT, 'docs', 'ingest.md'), 'utf8');
    const example = [...docs.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('catalog:ingest') && b.includes('> summary.json'));
    if (!example) throw new Error('docs/ingest.md has no sh block that captures catalog:ingest\'s summary in summary.json');
    return example;
  }

  it('runs as written (npm run -s, from the project folder): summary.json is the JSON summary, and jq reads it', async () => {
    writeFileSync(join(dir, 'records.ndjson'), `${table('a')}\n${table('b')}\n`);
    const script = readDocsExample()
      .replaceAll('data/catalog.sqlite', join(dir, 'catalog.sqlite'))
      .replaceAll('records.ndjson', join(dir, 'records.ndjson'))
      .replaceAll('summary.json', join(dir, 'summary.json'));
    expect(script).toContain('npm run -s catalog:ingest');
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toBe('0\n');
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toMatchObject({ loaded: { table: 2 }, rejectedCount: 0 });

    // Why the docs say -s: without it npm's banner comes first on stdout.
    const loud = await promisify(execFile)('bash', ['-c', script.replace('npm run -s ', 'npm run ')], { cwd: ROOT, timeout: 60_000 }).catch((err: { stdout: string }) => err);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toMatch(/^\s*> \S+ catalog:ingest/);
    expect(loud.stdout).not.toBe('0\n');
  });
});
