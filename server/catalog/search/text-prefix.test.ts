// How the table text tier matches the last, still-being-typed word (migration 4): prefix indexes
// for 1–2 characters, and for 3+ characters an OR of the most common indexed words it starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../store/create-catalog-store';
import { createSearchIndexMaintainer } from '../store/search-index';
import { makeTable } from '../testing/open-test-catalog';
import { createCatalogSearch } from './search-catalog';
import { parseSearchRequest } from './parse-search-request';
import { MAX_PREFIX_EXPANSION } from './tiered-search';

// 40 common words starting with "quar" (each in 3 tables), and two rare ones (each in 1 table):
// "quar" itself and "quarzzrare". Only descriptions hold them, so only the text tier can match.
const COMMON = Array.from({ length: 40 }, (_, i) => `quar${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
const tables = [
  ...COMMON.flatMap((word, i) => [0, 1, 2].map((copy) =>
    makeTable(`hive://gold.text/common_${i}_${copy}`, { description: `Holds ${word} values` }))),
  makeTable('hive://gold.text/rare_long', { description: 'Holds quarzzrare values' }),
  makeTable('hive://gold.text/rare_short', { description: 'Holds quar values' }),
];

let dir: string;
let store: CatalogStore;
let searchCatalog: ReturnType<typeof createCatalogSearch>;
const find = (queryTerm: string, resultsPerPage = 200) => {
  const response = searchCatalog.search(parseSearchRequest({ query_term: queryTerm, resource_types: ['table'], results_per_page: resultsPerPage }));
  const group = response.results.table!;
  return { total: group.total_results, keys: group.results.map((hit) => (hit as { key: string }).key) };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-text-prefix-'));
  store = createCatalogStore(join(dir, 'catalog.db'));
  store.writer.writeTables(tables);
  searchCatalog = createCatalogSearch(store.db);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the last word of a table search, in the text tier', () => {
  it('uses the prefix index for 1–2 characters: every word with that start matches', () => {
    const { keys, total } = find('qu');
    expect(keys).toContain('hive://gold.text/rare_long');
    expect(keys).toContain('hive://gold.text/rare_short');
    expect(total).toBe(tables.length);
  });

  it(`expands 3+ characters to the ${MAX_PREFIX_EXPANSION} most common words it starts, so a rare one needs more letters`, () => {
    const broad = find('qua');
    expect(broad.keys).not.toContain('hive://gold.text/rare_long');
    expect(broad.total).toBe(MAX_PREFIX_EXPANSION * 3);
    expect(find('quarz').keys).toEqual(['hive://gold.text/rare_long']);
    expect(find('quarzzrare').keys).toEqual(['hive://gold.text/rare_long']);
  });

  it('always includes the typed word itself when it is indexed, however rare', () => {
    const { keys } = find('quar');
    expect(keys).toContain('hive://gold.text/rare_short');
    expect(keys).not.toContain('hive://gold.text/rare_long');
  });

  it('matches nothing in the text tier when no indexed word starts with the prefix', () => {
    expect(find('quarzzz')).toEqual({ total: 0, keys: [] });
  });

  it('sees a word added by an edit at once (no stale expansion)', () => {
    expect(find('quarzy').keys).toEqual([]);
    store.writer.writeTables([makeTable('hive://gold.text/edited', { description: 'Now holds quarzyx values' })]);
    expect(find('quarzy').keys).toEqual(['hive://gold.text/edited']);
  });

  it('keeps document counts per word, recounted exactly by a full rebuild', () => {
    const docs = store.db.prepare('SELECT docs FROM search_vocabulary WHERE term = ?').pluck();
    expect(docs.get(COMMON[0])).toBe(3);
    // Re-writing a table adds its words again (counts only ever grow between rebuilds) …
    store.writer.writeTables([makeTable('hive://gold.text/common_0_0', { description: `Holds ${COMMON[0]} values` })]);
    expect(docs.get(COMMON[0])).toBe(4);
    // … and a rebuild counts the documents as they are.
    createSearchIndexMaintainer(store.db).rebuildAll();
    expect(docs.get(COMMON[0])).toBe(3);
    // The rebuild wrote in FTS5 load mode and restored the incremental-merge settings after.
    const ftsConfig = (fts: string, k: string) => store.db.prepare(`SELECT v FROM ${fts}_config WHERE k = ?`).pluck().get(k);
    expect([ftsConfig('table_text_fts', 'automerge'), ftsConfig('table_name_fts', 'hashsize')]).toEqual([4, 1024 * 1024]);
  });
});
