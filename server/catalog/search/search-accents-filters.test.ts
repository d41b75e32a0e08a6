// Filter values and the exact column-name tier fold accents as words do (decision 076, after 071):
// `schema:cafe` finds the schema `café`, `column:prenom` the column `prénom`, and a term that is a
// column's whole name ranks its table in the column tier with or without its accents. Migration 13
// re-indexes older catalogs whose filter values hold a letter that folds.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore } from '../store/create-catalog-store';
import { catalogBeforeMigration, searchIndexStale } from '../testing/catalog-before-migration';
import { AUTH_HEADER, makeReaders, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';

const CAFE = 'hive://gold.café/commandes';
const ORDERS = 'hive://gold.sales/orders';
const TABLES = [
  makeTable(CAFE, {
    readers: makeReaders(2),
    tags: ['données'],
    badges: [{ badge_name: 'Vérifié', category: 'table_status' }],
    columns: [{ name: 'prénom', col_type: 'string' }, { name: 'id', col_type: 'bigint' }],
  }),
  makeTable(ORDERS, { readers: makeReaders(5), tags: ['sales'], columns: [{ name: 'order_id', col_type: 'bigint' }] }),
  // "prenom" as a word of its text (a description), not as a column: the text tier, below the column tier.
  makeTable('hive://gold.sales/people', { readers: makeReaders(50), description: 'prenom and nom of each person' }),
];

let catalog: TestCatalog;
const search = (query_term: string, filters: { name: string; values: string[]; operation?: string }[] = []) =>
  request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term, resource_types: ['table'], filters });
const keysOf = (res: request.Response) => (res.body.results.table.results as { key: string }[]).map((h) => h.key);

beforeAll(() => {
  catalog = openTestCatalog({ tables: TABLES });
});
afterAll(() => catalog.cleanup());

describe('filters with or without accents', () => {
  it('find the same tables by schema, tag, badge and column, in any case, with or without wildcards', async () => {
    const cases: [string, string[]][] = [
      ['schema', ['café', 'cafe', 'CAFÉ', 'Cafe', 'caf*', 'cafè']],
      ['tag', ['données', 'donnees', 'DONNÉES', 'donn*es']],
      ['badges', ['Vérifié', 'verifie', 'VERIF*']],
      ['column', ['prénom', 'prenom', 'PRÉNOM', 'pré*']],
    ];
    for (const [name, values] of cases) {
      for (const value of values) {
        // Browsing (no term: the SQL check) and with a term (the FTS facet tokens, name and text tiers).
        expect(keysOf(await search('', [{ name, values: [value] }])), `${name}:${value}`).toEqual([CAFE]);
        expect(keysOf(await search('commandes', [{ name, values: [value] }])), `commandes ${name}:${value}`).toEqual([CAFE]);
      }
    }
    // Still one value, not any: other schemas and tags stay out.
    expect(keysOf(await search('', [{ name: 'schema', values: ['sales'] }])).sort()).toEqual([ORDERS, 'hive://gold.sales/people'].sort());
    expect(keysOf(await search('', [{ name: 'schema', values: ['caff'] }]))).toEqual([]);
  });

  it('AND and OR over accented values', async () => {
    expect(keysOf(await search('', [{ name: 'tag', values: ['donnees', 'sales'], operation: 'OR' }])).sort()).toEqual([CAFE, ORDERS].sort());
    expect(keysOf(await search('', [{ name: 'tag', values: ['donnees', 'sales'], operation: 'AND' }]))).toEqual([]);
    expect(keysOf(await search('', [{ name: 'column', values: ['prenom', 'ID'], operation: 'AND' }]))).toEqual([CAFE]);
  });
});

describe('the exact column-name tier with or without accents', () => {
  it('ranks the table whose column is the term above a more popular one with the word in its text', async () => {
    const accented = await search('prénom');
    const plain = await search('prenom');
    expect(keysOf(plain)).toEqual([CAFE, 'hive://gold.sales/people']);
    expect(keysOf(accented)).toEqual(keysOf(plain));
    expect(accented.body.results.table.results[0].search_score).toBe(plain.body.results.table.results[0].search_score);
  });
});

describe('migration 13 (filter values without diacritics)', () => {
  /** A catalog written by this version, marked as if migration 13 had not run yet. */
  const catalogBefore = (tables: ReturnType<typeof makeTable>[]) =>
    catalogBeforeMigration(tables, 13, (db) => db.prepare("DELETE FROM catalog_settings WHERE name = 'search_index_stale'").run());
  const staleAfterMigrating = (dbPath: string) => {
    createCatalogStore(dbPath).close();
    return searchIndexStale(dbPath);
  };

  it('re-indexes a catalog with a filter value holding a letter that folds, in either case', () => {
    for (const table of [
      makeTable('hive://gold.café/t'),
      makeTable('hive://gold.s/t', { tags: ['données'] }),
      makeTable('hive://gold.s/t', { badges: [{ badge_name: 'VÉRIFIÉ', category: 'table_status' }] }),
      makeTable('hive://gold.s/t', { columns: [{ name: 'Prénom', col_type: 'string' }] }),
      makeTable('hive://gold.s/t', { columns: [{ name: 'PRÉNOM', col_type: 'string' }] }),
    ]) {
      const { dbPath, cleanup } = catalogBefore([table]);
      try {
        expect(staleAfterMigrating(dbPath), JSON.stringify(table)).toBe(1);
      } finally {
        cleanup();
      }
    }
  });

  it('keeps the index of a catalog whose filter values have none (ASCII, ø, æ)', () => {
    const { dbPath, cleanup } = catalogBefore([makeTable('hive://gold.børge/orders', { tags: ['ærø'], columns: [{ name: 'order_id', col_type: 'bigint' }] })]);
    try {
      expect(staleAfterMigrating(dbPath)).toBe(0);
    } finally {
      cleanup();
    }
  });
});
