import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from './create-catalog-store';
import { makeReaders, makeTable } from '../testing/open-test-catalog';
import { createSearchIndexMaintainer } from './search-index';

let dir: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-write-'));
  store = createCatalogStore(join(dir, 'catalog.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ftsHits = (term: string) =>
  store.db.prepare("SELECT s.key FROM table_text_fts f JOIN table_search s ON s.doc_id = f.rowid WHERE table_text_fts MATCH ?")
    .pluck().all(`"${term}"`);

describe('createTableWriter', () => {
  it('replaces a table\'s columns and tags on re-write and keeps the search index in step', () => {
    store.writer.writeTables([makeTable('hive://gold.core/things', { tags: ['alpha'], columns: [{ name: 'old_col', col_type: 'int' }] })]);
    expect(ftsHits('old')).toEqual(['hive://gold.core/things']);
    store.writer.writeTables([makeTable('hive://gold.core/things', { tags: ['beta'], columns: [{ name: 'new_col', col_type: 'int' }] })]);
    const detail = store.tables.getTableDetail('hive://gold.core/things')!;
    expect(detail.columns.map((c) => c.name)).toEqual(['new_col']);
    expect(detail.tags).toEqual([{ tag_type: 'default', tag_name: 'beta' }]);
    expect(ftsHits('old')).toEqual([]);
    expect(ftsHits('new')).toEqual(['hive://gold.core/things']);
    expect(ftsHits('alpha')).toEqual([]);
    expect(ftsHits('beta')).toEqual(['hive://gold.core/things']);
    expect(store.db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT tag_names FROM table_search').pluck().get()).toBe('["beta"]');
  });

  it('removes a table by key with its columns and search document, and says when there was none', () => {
    store.writer.writeTables([makeTable('hive://gold.core/gone', { tags: ['alpha'] }), makeTable('hive://gold.core/kept')]);
    expect(store.writer.removeTable('hive://gold.core/gone')).toBe(true);
    expect(store.writer.removeTable('hive://gold.core/gone')).toBe(false);
    expect(store.tables.getTableDetail('hive://gold.core/gone')).toBeFalsy();
    expect(store.db.prepare('SELECT key FROM table_search').pluck().all()).toEqual(['hive://gold.core/kept']);
    expect(ftsHits('gone')).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM columns').pluck().get()).toBe(1);
  });

  it('orders search documents by popularity (readers × ln(1 + reads))', () => {
    store.writer.writeTables([
      makeTable('hive://gold.core/quiet', { readers: makeReaders(1, 5) }),
      makeTable('hive://gold.core/busy', { readers: makeReaders(4, 50) }),
      makeTable('hive://gold.core/unread'),
    ]);
    expect(store.db.prepare('SELECT key FROM table_search ORDER BY doc_id').pluck().all())
      .toEqual(['hive://gold.core/busy', 'hive://gold.core/quiet', 'hive://gold.core/unread']);
    const busy = store.db.prepare("SELECT popularity FROM tables WHERE name = 'busy'").pluck().get() as number;
    expect(busy).toBeCloseTo(4 * Math.log(201), 6);
  });

  it('creates unknown owners as bare users keyed by email', () => {
    store.writer.writeTables([makeTable('hive://gold.core/owned', { owners: ['someone@example.org'] })]);
    const [owner] = store.tables.getTableDetail('hive://gold.core/owned')!.owners;
    expect(owner).toMatchObject({ user_id: 'someone@example.org', email: 'someone@example.org', full_name: null, display_name: 'someone@example.org' });
  });

  it('writes table documents even in a deferred bulk write, and indexes new users when the load is finished', () => {
    store.writer.writeTables([makeTable('hive://gold.core/later', { readers: makeReaders(2) })], { deferSearchIndex: true });
    expect(ftsHits('later')).toEqual(['hive://gold.core/later']);
    expect(store.db.prepare('SELECT reader_count FROM tables').pluck().get()).toBe(2);
    expect(store.db.prepare('SELECT count(*) FROM user_search').pluck().get()).toBe(0);
    store.writer.rebuildSearchIndex();
    expect(store.db.prepare('SELECT user_id FROM user_search ORDER BY user_id').pluck().all()).toEqual(['reader0@example.org', 'reader1@example.org']);
  });

  it('rebuilds every document from the store with rebuildAll, matching what the writer built', () => {
    store.writer.writeTables([
      makeTable('hive://gold.core/a', { readers: makeReaders(3), tags: ['t1'], columns: [{ name: 'x_id', col_type: 'int', description: 'Zebra stripes' }] }),
      makeTable('hive://gold.core/b', { readers: makeReaders(1, 3) }),
    ]);
    const snapshot = () => ({
      docs: store.db.prepare('SELECT * FROM table_search ORDER BY doc_id').all(),
      zebra: ftsHits('zebra'),
    });
    const before = snapshot();
    createSearchIndexMaintainer(store.db).rebuildAll();
    expect(snapshot()).toEqual(before);
    expect(before.zebra).toEqual(['hive://gold.core/a']);
  });

  it('deleting a table removes its search document and full-text entries', () => {
    store.writer.writeTables([makeTable('hive://gold.core/gone', { columns: [{ name: 'quux', col_type: 'int' }] })]);
    store.db.prepare("DELETE FROM tables WHERE key = 'hive://gold.core/gone'").run();
    expect(ftsHits('quux')).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(0);
  });
});
