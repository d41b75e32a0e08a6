// `npm run catalog:import -- sqlite --prune` end to end (the real import-cli.ts entry in a child
// process, real SQLite files): the summary names the tables it removes and what people wrote on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../../testing/run-cli';
import { createCatalogStore } from '../../store/create-catalog-store';

const CLI = join(import.meta.dirname, '..', 'import-cli.ts');
const runCli = (args: string[]) => runCliEntry(CLI, ['sqlite', ...args]);
const LIV = 'liv.arnesen@example.org';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-sqlite-prune-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run catalog:import -- sqlite --prune', () => {
  it('names the tables it removes, counts the fields people edited that went with them, and leaves their edit-log entries', async () => {
    const shop = join(dir, 'shop.sqlite');
    const source = new Database(shop);
    source.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); CREATE TABLE refunds (id INTEGER PRIMARY KEY, reason TEXT); CREATE TABLE notes (id INTEGER)');
    source.close();
    const dbPath = join(dir, 'catalog.sqlite');
    expect((await runCli(['--file', shop, '--db', dbPath, '--quiet'])).code).toBe(0);

    const REFUNDS = 'sqlite://shop.main/refunds';
    const store = createCatalogStore(dbPath);
    try {
      store.resources.setDescription({ type: 'column', key: `${REFUNDS}/reason` }, 'Free text from the shop floor.', LIV);
      store.resources.addOwner({ type: 'table', key: REFUNDS }, LIV, LIV);
    } finally {
      store.close();
    }
    const again = new Database(shop);
    again.exec('DROP TABLE refunds; DROP TABLE notes');
    again.close();

    const run = await runCli(['--file', shop, '--db', dbPath, '--quiet', '--prune']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('  tables:     0 added, 0 changed, 1 unchanged, 2 removed\n    removed: sqlite://shop.main/notes, sqlite://shop.main/refunds\n');
    expect(run.stderr).toContain(`  removed with them: 2 fields people edited in Nansen, by ${LIV} (first: owner of ${REFUNDS} by ${LIV})\n` +
      '    their entries stay in the edit log (each person\'s profile, Edits tab; the catalog\'s GET /edits?parent_key=KEY); ');
    const report = JSON.parse(run.stdout);
    expect(report.removed).toEqual({ tables: ['sqlite://shop.main/notes', REFUNDS] });
    expect(report.prunedEdits.map((e: { resource_key: string; field: string }) => `${e.field} of ${e.resource_key}`))
      .toEqual([`owner of ${REFUNDS}`, `description of ${REFUNDS}/reason`]);

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM tables WHERE key = ?').pluck().get(REFUNDS)).toBe(0);
      expect(db.prepare("SELECT count(*) FROM edit_log WHERE parent_key = ? AND user_id = ?").pluck().get(REFUNDS, LIV)).toBe(2);
    } finally {
      db.close();
    }
  });

  it('refuses to remove every table a database that now has none had (a failed dump?), unless --allow-large-prune confirms it', async () => {
    const shop = join(dir, 'shop.sqlite');
    const source = new Database(shop);
    source.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY); CREATE TABLE refunds (id INTEGER PRIMARY KEY)');
    source.close();
    const dbPath = join(dir, 'catalog.sqlite');
    expect((await runCli(['--file', shop, '--db', dbPath, '--quiet'])).code).toBe(0);
    const again = new Database(shop);
    again.exec('DROP TABLE orders; DROP TABLE refunds');
    again.close();

    const refused = await runCli(['--file', shop, '--db', dbPath, '--quiet', '--prune']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^import: refused to prune: it would remove all 2 tables an earlier import of sqlite:\/\/shop made \(sqlite:\/\/shop.main\/orders, sqlite:\/\/shop.main\/refunds\)/);
    expect(refused.stderr).toContain('run again with --allow-large-prune');
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
    const confirmed = await runCli(['--file', shop, '--db', dbPath, '--quiet', '--prune', '--allow-large-prune']);
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.stdout).tables.removed).toBe(2);
  });
});
