import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { enableWal, openCatalogDatabase, readSchemaVersion } from './open-catalog-database';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nansen-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'catalog.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openCatalogDatabase', () => {
  it('creates the parent dir, uses WAL and 16 KiB pages, and records the schema version', () => {
    const db = openCatalogDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('opens a private build file without a journal, in defensive mode again after enableWal', () => {
    const path = tempDb();
    const db = openCatalogDatabase(path, MIGRATIONS, { unjournaled: true });
    expect([db.pragma('journal_mode', { simple: true }), db.pragma('locking_mode', { simple: true })]).toEqual(['off', 'exclusive']);
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    enableWal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Defensive mode is back: journal_mode = OFF is refused again.
    expect(db.pragma('journal_mode = OFF', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies only missing migrations when reopened with a longer list', () => {
    const path = tempDb();
    openCatalogDatabase(path).close();
    const extra = [...MIGRATIONS, { version: 99, name: 'test column', sql: 'ALTER TABLE tables ADD COLUMN test_note TEXT;' }];
    const db = openCatalogDatabase(path, extra);
    expect(readSchemaVersion(db)).toBe(99);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('tables') WHERE name = 'test_note'").pluck().get()).toBe(1);
    db.close();
    openCatalogDatabase(path, extra).close(); // no second ALTER, or this would throw
  });

  it('refuses a database written by a newer schema', () => {
    const path = tempDb();
    openCatalogDatabase(path, [...MIGRATIONS, { version: 50, name: 'future', sql: 'SELECT 1;' }]).close();
    expect(() => openCatalogDatabase(path)).toThrow(/schema version 50/);
  });
});
