import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from './create-catalog-store';
import { makeReaders, makeTable } from '../testing/open-test-catalog';

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
  store.db.prepare("SELECT s.key FROM table_search_fts f JOIN table_search s ON s.doc_id = f.rowid WHERE table_search_fts MATCH ?").pluck().all(term);

describe('createTableWriter', () => {
  it('replaces a table\'s columns and tags on re-write and keeps the search index in step', () => {
    store.writer.writeTables([makeTable('hive://gold.core/things', { tags: ['alpha'], columns: [{ name: 'old_col', col_type: 'int' }] })]);
    expect(ftsHits('old_col')).toEqual(['hive://gold.core/things']);
    store.writer.writeTables([makeTable('hive://gold.core/things', { tags: ['beta'], columns: [{ name: 'new_col', col_type: 'int' }] })]);
    const detail = store.tables.getTableDetail('hive://gold.core/things')!;
    expect(detail.columns.map((c) => c.name)).toEqual(['new_col']);
    expect(detail.tags).toEqual([{ tag_type: 'default', tag_name: 'beta' }]);
    expect(ftsHits('old_col')).toEqual([]);
    expect(ftsHits('new_col')).toEqual(['hive://gold.core/things']);
    expect(store.db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(1);
    expect(store.db.prepare("SELECT value FROM table_search_values WHERE field = 'tag'").pluck().all()).toEqual(['beta']);
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

  it('rebuilds the whole search index after a deferred bulk write', () => {
    store.writer.writeTables([makeTable('hive://gold.core/later', { readers: makeReaders(2) })], { deferSearchIndex: true });
    expect(store.db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(0);
    store.writer.rebuildSearchIndex();
    expect(ftsHits('later')).toEqual(['hive://gold.core/later']);
    expect(store.db.prepare('SELECT reader_count FROM tables').pluck().get()).toBe(2);
  });
});
