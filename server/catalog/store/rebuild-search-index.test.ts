// A full rebuild of the search index (search-index.ts rebuildAll) writes every table's document in
// doc_id order, in chunks of tables that are spread over the whole id range, and counts popularity
// in one pass: it must leave exactly the index the table writer wrote from its records.
import { describe, expect, it } from 'vitest';
import type { CatalogDatabase } from './open-catalog-database';
import { createSearchIndexMaintainer } from './search-index';
import { createTableWriter } from './write-tables';
import { makeReaders, makeTable } from '../testing/open-test-catalog';
import { tempCatalogDatabases } from '../testing/temp-catalog-databases';
import { buildDocId } from '../search/search-terms';

const databases = tempCatalogDatabases('nansen-rebuild-');

/** More tables than one chunk of the rebuild (2 000), popularity not in id order, words and facets of every kind. */
function writeCatalog(db: CatalogDatabase, count = 2600): void {
  const tables = Array.from({ length: count }, (_, i) => makeTable(`hive://gold.schema${i % 7}/table_${i}_${['orders', 'refunds', 'items'][i % 3]}`, {
    description: i % 5 === 0 ? null : `Table ${i} of the ${['zebrafish', 'quokka', 'narwhal'][i % 3]} shop`,
    readers: makeReaders((i * 7919) % 13, 1 + (i % 4)),
    tags: i % 4 === 0 ? [] : [`tag${i % 11}`],
    badges: i % 6 === 0 ? [{ badge_name: `badge${i % 2}`, category: 'table_status' }] : [],
    columns: Array.from({ length: 1 + (i % 5) }, (_, c) => ({
      name: `col_${(i + c) % 17}`, col_type: 'bigint', sort_order: c, description: c === 1 ? `Column ${c} of ${i}` : null,
    })),
  }));
  createTableWriter(db).writeTables(tables);
}

/**
 * Every document row, vocabulary row and index term (with its document and occurrence counts).
 * Popularity to 12 digits: the writer computes it in JS, a rebuild in SQL, and Math.log and SQLite's
 * ln may differ in the last bit (ln 9: 2.197224577336219 against 2.1972245773362196).
 */
function indexContents(db: CatalogDatabase) {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.name_terms USING fts5vocab(main, table_name_fts, 'col');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_terms USING fts5vocab(main, table_text_fts, 'row');`);
  return {
    documents: db.prepare('SELECT *, round(popularity, 12) AS popularity FROM table_search ORDER BY doc_id').all(),
    vocabulary: db.prepare('SELECT * FROM search_vocabulary ORDER BY term').all(),
    nameTerms: db.prepare('SELECT term, col, doc, cnt FROM temp.name_terms ORDER BY term, col').all(),
    textTerms: db.prepare('SELECT term, doc, cnt FROM temp.text_terms ORDER BY term').all(),
    popularity: db.prepare('SELECT id, total_reads, reader_count, round(popularity, 12) AS popularity FROM tables ORDER BY id').all(),
  };
}

describe('a full rebuild of the search index', () => {
  it('writes the documents, vocabulary and index terms the table writer wrote, over more than one chunk', () => {
    const db = databases.open();
    writeCatalog(db);
    const written = indexContents(db);
    expect(written.documents).toHaveLength(2600);
    createSearchIndexMaintainer(db).rebuildAll();
    const rebuilt = indexContents(db);
    for (const part of Object.keys(written) as (keyof typeof written)[]) expect(rebuilt[part], part).toEqual(written[part]);
  });

  it('counts popularity again for every table: one whose readers are gone goes back to 0, stale counts are corrected', () => {
    const db = databases.open();
    writeCatalog(db, 10);
    const ids = db.prepare('SELECT id FROM tables ORDER BY id').pluck().all() as number[];
    const withReaders = db.prepare('SELECT DISTINCT table_id FROM table_readers ORDER BY table_id').pluck().all() as number[];
    const [gone, stale] = withReaders;
    db.prepare('DELETE FROM table_readers WHERE table_id = ?').run(gone);
    db.prepare('UPDATE tables SET total_reads = 1, reader_count = 1, popularity = 0 WHERE id = ?').run(stale);
    createSearchIndexMaintainer(db).rebuildAll();
    const row = (id: number) => db.prepare('SELECT total_reads, reader_count, popularity FROM tables WHERE id = ?').get(id) as
      { total_reads: number; reader_count: number; popularity: number };
    expect(row(gone)).toEqual({ total_reads: 0, reader_count: 0, popularity: 0 });
    const counted = db.prepare('SELECT sum(read_count) AS total, count(*) AS readers FROM table_readers WHERE table_id = ?').get(stale) as
      { total: number; readers: number };
    expect(row(stale)).toEqual({ total_reads: counted.total, reader_count: counted.readers, popularity: counted.readers * Math.log(1 + counted.total) });
    // Documents are filed under the recounted popularity.
    const docIds = db.prepare('SELECT table_id, doc_id FROM table_search').all() as { table_id: number; doc_id: number }[];
    expect(docIds).toHaveLength(ids.length);
    for (const { table_id, doc_id } of docIds) expect(doc_id).toBe(buildDocId(row(table_id).popularity, table_id));
  });
});
