// The catalog:backup and catalog:restore commands, run as an operator runs them, against real
// SQLite files while another process keeps writing or holds the catalog open.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCatalogFile } from '../demo/seed-demo-catalog';
import { runCli } from '../testing/run-cli';
import { restoreCatalog } from '../store/backup-catalog';

/** A text to match as written inside a RegExp. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function run(script: 'backup' | 'restore', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [path.join(ROOT, `server/catalog/cli/${script}.ts`), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Another process writing numbered rows, one transaction each, as fast as it can, until killed. */
function startWriter(dbPath: string): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))});
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS write_probe (n INTEGER PRIMARY KEY, payload TEXT)');
    const insert = db.prepare('INSERT INTO write_probe (payload) VALUES (?)');
    let n = 0;
    (function loop() {
      for (let i = 0; i < 20; i++) insert.run('x'.repeat(500));
      n += 20;
      if (n === 400) process.stdout.write('ready\\n');
      setImmediate(loop);
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
  });
}

function count(dbPath: string, sql: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('catalog:backup and catalog:restore', () => {
  let dir: string;
  let template: string;
  const cleanups: (() => void)[] = [];

  beforeAll(() => {
    template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-backup-template-')), 'catalog.sqlite');
    createDemoCatalogFile(template, { count: 300 });
  });

  afterAll(() => {
    fs.rmSync(path.dirname(template), { recursive: true, force: true });
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  function freshCatalog(): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-backup-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dbPath = path.join(dir, 'catalog.sqlite');
    fs.copyFileSync(template, dbPath);
    return dbPath;
  }

  /** A catalog of 300 tables backed up to `out`, then open in this process (WAL) with 50 of its tables deleted since. */
  async function backedUpThenChangedWhileOpen() {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backup.sqlite');
    expect((await run('backup', ['--db', dbPath, '--out', out])).code).toBe(0);
    const running = new Database(dbPath);
    cleanups.push(() => running.close());
    running.pragma('journal_mode = WAL');
    running.exec('DELETE FROM tables WHERE rowid IN (SELECT rowid FROM tables LIMIT 50)');
    return { dbPath, out, running };
  }

  it('backs up a catalog while another process keeps writing, and the copy is whole and consistent', async () => {
    const dbPath = freshCatalog();
    const writer = await startWriter(dbPath);
    cleanups.push(() => writer.kill());
    const out = path.join(dir, 'backup.sqlite');

    const result = await run('backup', ['--db', dbPath, '--out', out]);
    const writtenAfter = count(dbPath, 'SELECT max(n) FROM write_probe');
    writer.kill();

    expect(result.stderr).toMatch(new RegExp(`^catalog:backup: backing up ${escape(dbPath)} \\(from --db\\) to ${escape(out)}\ncatalog:backup: backed up ${escape(dbPath)} \\(from --db\\), \\d+ pages \\([\\d.]+ MiB\\), to ${escape(out)} in \\d+ ms\n$`));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ out, pages: expect.any(Number) });
    const copy = new Database(out, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(300);
      const probe = copy.prepare('SELECT count(*) AS rows, max(n) AS last FROM write_probe').get() as { rows: number; last: number };
      // One snapshot: every row up to the last one it holds, none missing in between.
      expect(probe.rows).toBeGreaterThanOrEqual(400);
      expect(probe.rows).toBe(probe.last);
      expect(writtenAfter).toBeGreaterThan(probe.last);
    } finally {
      copy.close();
    }
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    expect(fs.existsSync(`${out}-wal`)).toBe(false);
  });

  it('fails clearly and leaves nothing at --out when the catalog does not exist', async () => {
    const dbPath = path.join(freshCatalog(), '..', 'missing.sqlite');
    const out = path.join(dir, 'backup.sqlite');
    const result = await run('backup', ['--db', dbPath, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `catalog:backup: backing up ${path.resolve(dbPath)} (from --db) to ${out}\n` +
        `catalog:backup: no catalog database at ${dbPath}: check --db (the catalog's file: the server's CATALOG_DB, default DATA_DIR/catalog.sqlite)\n`,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('creates the folder of --out when it is missing, as the documented --out backups/catalog-$(date +%F).sqlite needs on a fresh checkout', async () => {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backups', 'nightly', 'catalog-2026-12-06.sqlite');
    const result = await run('backup', ['--db', dbPath, '--out', out]);
    expect(result.stderr).toMatch(/\ncatalog:backup: backed up .*, \d+ pages/);
    expect(result.code).toBe(0);
    expect(count(out, 'SELECT count(*) FROM tables')).toBe(300);
  });

  it('refuses to back up onto the catalog itself — its path, another spelling of it, a symlink to it — and leaves the catalog as it was', async () => {
    const dbPath = freshCatalog();
    const link = path.join(dir, 'link.sqlite');
    fs.symlinkSync(dbPath, link);
    const before = fs.readFileSync(dbPath);
    for (const out of [dbPath, path.relative(ROOT, dbPath), path.join(dir, '..', path.basename(dir), '.', 'catalog.sqlite'), link]) {
      const result = await run('backup', ['--db', dbPath, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`\ncatalog:backup: --out ${escape(out)} is the catalog itself \\(--db .*\\): give the backup a path of its own`));
    }
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['catalog.sqlite', 'link.sqlite']);
  });

  it('refuses an --out that is a folder, naming a file to give instead', async () => {
    const dbPath = freshCatalog();
    const result = await run('backup', ['--db', dbPath, '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`\ncatalog:backup: --out ${dir} is a folder: give the backup's file name, e\\.g\\. ${dir}/catalog-\\d{4}-\\d\\d-\\d\\d\\.sqlite\n$`));
  });

  it('refuses a restore into a folder that does not exist, naming the folder and the fix, and creates nothing', async () => {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backup.sqlite');
    expect((await run('backup', ['--db', dbPath, '--out', out])).code).toBe(0);
    const missing = path.join(dir, 'missing');
    const target = path.join(missing, 'catalog.sqlite');
    const result = await run('restore', ['--from', out, '--db', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `catalog:restore: restoring ${out} into ${target} (from --db)\n` +
      `catalog:restore: the folder ${missing} of --db ${target} does not exist: check --db (the catalog's file: the server's CATALOG_DB, ` +
        `default DATA_DIR/catalog.sqlite), or create the folder (mkdir -p ${missing}) to restore the catalog there\n`,
    );
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('restores into a new path in a folder that exists (a new machine), as documented', async () => {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backup.sqlite');
    expect((await run('backup', ['--db', dbPath, '--out', out])).code).toBe(0);
    const target = path.join(dir, 'new.sqlite');
    const result = await run('restore', ['--from', out, '--db', target]);
    expect(result.code).toBe(0);
    expect(count(target, 'SELECT count(*) FROM tables')).toBe(300);
  });

  it('refuses to restore the catalog onto itself', async () => {
    const dbPath = freshCatalog();
    const result = await run('restore', ['--from', path.relative(ROOT, dbPath), '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `catalog:restore: restoring ${path.relative(ROOT, dbPath)} into ${dbPath} (from --db)\n` +
        `catalog:restore: --from ${path.relative(ROOT, dbPath)} is the catalog itself (--db ${dbPath}): give the backup to restore\n`,
    );
    expect(fs.readdirSync(dir)).toEqual(['catalog.sqlite']);
  });

  it('restores a backup over a stopped catalog, keeping the replaced file beside it', async () => {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backup.sqlite');
    expect((await run('backup', ['--db', dbPath, '--out', out])).code).toBe(0);
    const db = new Database(dbPath);
    db.exec('DELETE FROM tables WHERE rowid IN (SELECT rowid FROM tables LIMIT 100)');
    db.close();
    expect(count(dbPath, 'SELECT count(*) FROM tables')).toBe(200);

    const result = await run('restore', ['--from', out, '--db', dbPath]);

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { mode: string; previous: string };
    expect(summary.mode).toBe('offline');
    expect(count(dbPath, 'SELECT count(*) FROM tables')).toBe(300);
    expect(count(summary.previous, 'SELECT count(*) FROM tables')).toBe(200);
    expect(result.stderr).toMatch(new RegExp(
      `^catalog:restore: restoring ${escape(out)} into ${escape(dbPath)} \\(from --db\\)\n` +
        `catalog:restore: restored ${escape(out)} into ${escape(dbPath)} \\(from --db\\) in \\d+ ms \\(offline\\); the catalog it replaced is kept at ${escape(summary.previous)}\n$`,
    ));
  });

  it('refuses to restore over a catalog that is open, naming --force, and changes nothing', async () => {
    const { dbPath, out, running } = await backedUpThenChangedWhileOpen();

    const result = await run('restore', ['--from', out, '--db', dbPath]);

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/the catalog at .* is open .* add --force/);
    expect(running.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(250);
  });

  it('with --force copies the backup into the open catalog, whose connection then reads the restored rows', async () => {
    const { dbPath, out, running } = await backedUpThenChangedWhileOpen();

    const result = await run('restore', ['--from', out, '--db', dbPath, '--force']);

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { mode: string; previous: string };
    expect(summary).toMatchObject({ mode: 'online', previous: expect.stringMatching(new RegExp(`^${escape(dbPath)}\\.before-restore-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z$`)) });
    expect(running.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(300);
    expect(running.pragma('integrity_check', { simple: true })).toBe('ok');
    // The catalog it overwrote is kept, as an offline restore keeps it: the 250 tables of the moment
    // before, in a whole, self-contained file, named on stderr.
    expect(count(summary.previous, 'SELECT count(*) FROM tables')).toBe(250);
    const kept = new Database(summary.previous, { readonly: true });
    try {
      expect(kept.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(kept.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      kept.close();
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([path.basename(summary.previous)]);
    expect(result.stderr).toMatch(new RegExp(
      `\ncatalog:restore: restored ${escape(out)} into ${escape(dbPath)} \\(from --db\\) in \\d+ ms \\(online\\); the catalog it replaced is kept at ${escape(summary.previous)}\n$`,
    ));
  });

  it('with --force, restores nothing when the copy of the running catalog cannot be kept', async () => {
    const { dbPath, out, running } = await backedUpThenChangedWhileOpen();
    // The name the copy would be kept under is taken (by a folder with a file in it): it cannot be kept.
    const now = new Date('2026-12-07T04:30:00.000Z');
    const keptAs = `${dbPath}.before-restore-2026-12-07T04-30-00-000Z`;
    fs.mkdirSync(keptAs);
    fs.writeFileSync(path.join(keptAs, 'x'), 'x');

    await expect(restoreCatalog(out, dbPath, { force: true, now })).rejects.toThrow(
      new RegExp(`^could not keep a copy of the running catalog at ${escape(keptAs)} \\(.+\\), so nothing was restored: fix that and run the restore again$`),
    );
    expect(fs.existsSync(`${keptAs}.partial`)).toBe(false);
    expect(running.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(250);
  });

  it('names a --from that is a folder, with the newest backups in it', async () => {
    const dbPath = freshCatalog();
    const backups = path.join(dir, 'backups');
    const empty = await run('restore', ['--from', `${backups}/`, '--db', dbPath]);
    expect(empty.stderr).toContain(`no backup at ${backups}/: check --from`);
    fs.mkdirSync(backups);
    const none = await run('restore', ['--from', `${backups}/`, '--db', dbPath]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `catalog:restore: restoring ${backups}/ into ${dbPath} (from --db)\n` +
        `catalog:restore: --from ${backups}/ is a folder, not a backup: give the backup file to restore (it holds no .sqlite file)\n`,
    );
    for (const [name, age] of [['catalog-2026-12-05.sqlite', 2], ['catalog-2026-12-06.sqlite', 1], ['notes.txt', 0]] as const) {
      expect((await run('backup', ['--db', dbPath, '--out', path.join(backups, name)])).code).toBe(0);
      const when = new Date(Date.now() - age * 86_400_000);
      fs.utimesSync(path.join(backups, name), when, when);
    }
    const named = await run('restore', ['--from', backups, '--db', dbPath]);
    expect(named.code).toBe(1);
    expect(named.stderr.split('\n')[1]).toBe(
      `catalog:restore: --from ${backups} is a folder, not a backup: give the backup file to restore — the newest there: ` +
        `${path.join(backups, 'catalog-2026-12-06.sqlite')}, ${path.join(backups, 'catalog-2026-12-05.sqlite')}`,
    );
    expect(count(dbPath, 'SELECT count(*) FROM tables')).toBe(300);
  });

  it('refuses a file that is not a catalog backup', async () => {
    const dbPath = freshCatalog();
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just text that is long enough to have a header'.repeat(10));
    const result = await run('restore', ['--from', junk, '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${junk} is not a SQLite file`);
    expect(count(dbPath, 'SELECT count(*) FROM tables')).toBe(300);
  });

  it('refuses a SQLite file that is not a catalog, naming its tables', async () => {
    const dbPath = freshCatalog();
    const app = path.join(dir, 'app.sqlite');
    const db = new Database(app);
    db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY); CREATE TABLE orders (id INTEGER PRIMARY KEY)');
    db.close();
    const result = await run('restore', ['--from', app, '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`catalog:restore: restoring ${app} into ${dbPath} (from --db)\ncatalog:restore: ${app} is a SQLite file but not a Nansen catalog (it has tables ("orders", "users") but not the catalog's "schema_version" and "tables")\n`);
    expect(count(dbPath, 'SELECT count(*) FROM tables')).toBe(300);
  });

  it('answer an unknown option or a missing one with one line and the usage, and exit 1', async () => {
    const DB_LINE = "       --db FILE: the catalog; by default the server's: CATALOG_DB, else DATA_DIR/catalog.sqlite (DATA_DIR defaults to data)";
    const backup = await runCli(path.join(ROOT, 'server/catalog/cli/backup.ts'), ['--bogus', '--out', 'x.sqlite']);
    expect(backup.code).toBe(1);
    expect(backup.stderr.split('\n')).toEqual(['catalog:backup: unknown option --bogus', 'usage: npm run catalog:backup -- [--db FILE] --out path/to/backup.sqlite', DB_LINE, '']);
    const restore = await runCli(path.join(ROOT, 'server/catalog/cli/restore.ts'), ['--from', 'x.sqlite', '-f']);
    expect(restore.code).toBe(1);
    expect(restore.stderr.split('\n')).toEqual(['catalog:restore: unknown option -f', 'usage: npm run catalog:restore -- --from path/to/backup.sqlite [--db FILE] [--force]', DB_LINE, '']);
    const noOut = await runCli(path.join(ROOT, 'server/catalog/cli/backup.ts'), []);
    expect(noOut.stderr.split('\n').slice(0, 2)).toEqual(['catalog:backup: --out is required: the file to write the backup to', 'usage: npm run catalog:backup -- [--db FILE] --out path/to/backup.sqlite']);
    const noFrom = await runCli(path.join(ROOT, 'server/catalog/cli/restore.ts'), []);
    expect(noFrom.code).toBe(1);
    expect(noFrom.stderr.split('\n')[0]).toBe('catalog:restore: --from is required: the backup to restore');
  });

  it('back up and restore the server\'s catalog without --db: CATALOG_DB, else DATA_DIR/catalog.sqlite', async () => {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backup.sqlite');
    const backup = await runCli(path.join(ROOT, 'server/catalog/cli/backup.ts'), ['--out', out], undefined, { ...process.env, DATA_DIR: dir, CATALOG_DB: undefined });
    expect(backup.code).toBe(0);
    expect(backup.stderr).toMatch(new RegExp(
      `^catalog:backup: backing up ${escape(dbPath)} \\(from DATA_DIR\\) to ${escape(out)}\n` +
        `catalog:backup: backed up ${escape(dbPath)} \\(from DATA_DIR\\), \\d+ pages \\([\\d.]+ MiB\\), to ${escape(out)} in \\d+ ms\n$`,
    ));
    expect(count(out, 'SELECT count(*) FROM tables')).toBe(300);
    const restored = await runCli(path.join(ROOT, 'server/catalog/cli/restore.ts'), ['--from', out], undefined, { ...process.env, DATA_DIR: dir, CATALOG_DB: 'restored.sqlite' });
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ db: path.join(dir, 'restored.sqlite') });
    const target = escape(path.join(dir, 'restored.sqlite'));
    expect(restored.stderr).toMatch(new RegExp(
      `^catalog:restore: restoring ${escape(out)} into ${target} \\(from CATALOG_DB\\)\n` +
        `catalog:restore: restored ${escape(out)} into ${target} \\(from CATALOG_DB\\) in \\d+ ms \\(offline\\)\n$`,
    ));
    expect(count(path.join(dir, 'restored.sqlite'), 'SELECT count(*) FROM tables')).toBe(300);
    expect(count(dbPath, 'SELECT count(*) FROM tables')).toBe(300);
  });

  it('without --db names the server\'s file and the setting that chose it when it is missing, with that setting as the fix', async () => {
    const dbPath = freshCatalog();
    const out = path.join(dir, 'backup.sqlite');
    expect((await run('backup', ['--db', dbPath, '--out', out])).code).toBe(0);
    const nowhere = path.join(dir, 'nowhere');
    const env = { ...process.env, DATA_DIR: nowhere, CATALOG_DB: undefined };
    const FIX = 'Set DATA_DIR as the server has it (the catalog is DATA_DIR/catalog.sqlite unless CATALOG_DB names another file), or give --db';
    const backup = await runCli(path.join(ROOT, 'server/catalog/cli/backup.ts'), ['--out', path.join(dir, 'again.sqlite')], undefined, env);
    expect(backup.code).toBe(1);
    expect(backup.stderr.split('\n')[1]).toBe(`catalog:backup: no catalog database at ${nowhere}/catalog.sqlite (from DATA_DIR). ${FIX}`);
    const restore = await runCli(path.join(ROOT, 'server/catalog/cli/restore.ts'), ['--from', out], undefined, env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toBe(
      `catalog:restore: restoring ${out} into ${nowhere}/catalog.sqlite (from DATA_DIR)\n` +
        `catalog:restore: the folder ${nowhere} of ${nowhere}/catalog.sqlite (from DATA_DIR) does not exist. ${FIX}, ` +
        `or create the folder (mkdir -p ${nowhere}) to restore the catalog there\n`,
    );
    expect(fs.existsSync(nowhere)).toBe(false);
  });
});
