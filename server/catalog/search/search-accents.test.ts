// Words typed with or without their accents match alike, in names, descriptions and columns, as
// FTS5 folds them (decision 071); migration 12 brings older catalogs' search words in line.
import { rmSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../store/migrations';
import { catalogBeforeMigration, searchIndexStale } from '../testing/catalog-before-migration';
import { AUTH_HEADER, makeReaders, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { ORDER_RANKING_TABLES } from '../testing/order-ranking-tables';

const TABLES = [
  ...ORDER_RANKING_TABLES,
  makeTable('hive://gold.fr/commandes', {
    readers: makeReaders(2),
    description: 'Commandes réglées, une ligne par commande',
    columns: [{ name: 'date_de_création', col_type: 'date', description: 'Jour où la commande a été passée' }],
  }),
  makeTable('hive://gold.fr/crème_brûlée', { readers: makeReaders(3) }),
];

let catalog: TestCatalog;
const search = (query_term: string, extra: object = {}) =>
  request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term, resource_types: ['table'], ...extra });
const keysOf = (res: request.Response, type = 'table') => (res.body.results[type].results as { key: string }[]).map((h) => h.key);

beforeAll(() => {
  catalog = openTestCatalog({ tables: TABLES });
});
afterAll(() => catalog.cleanup());

describe('accents', () => {
  it('finds the same tables with or without them, in names, descriptions and columns', async () => {
    const plain = await search('orders');
    const accented = await search('ordérs');
    expect(keysOf(accented)).toEqual(keysOf(plain));
    expect(accented.body.results.table.total_results).toBe(plain.body.results.table.total_results);
    expect(keysOf(plain)).toContain('hive://gold.sales/order_items'); // "orders" in its description only

    for (const term of ['reglees', 'réglées', 'régl', 'regl']) expect(keysOf(await search(term)), term).toEqual(['hive://gold.fr/commandes']);
    for (const term of ['creation', 'création', 'créat', 'date de creation']) expect(keysOf(await search(term)), term).toEqual(['hive://gold.fr/commandes']);
    for (const term of ['creme brulee', 'crème brûlée', 'CRÈME_BRÛ']) expect(keysOf(await search(term)), term).toEqual(['hive://gold.fr/crème_brûlée']);
  });

  it('treats a name spelled with or without accents as the exact name', async () => {
    const score = async (term: string) => {
      const res = await search(term);
      expect(keysOf(res), term).toEqual(['hive://gold.fr/crème_brûlée']);
      return res.body.results.table.results[0].search_score as number;
    };
    const exact = await score('crème_brûlée');
    expect(await score('creme_brulee')).toBe(exact);
    expect(await score('creme brul')).toBeLessThan(exact); // the name starts with it: a lower tier
  });

  it('highlights the words they match', async () => {
    const res = await search('reglees', { highlight_options: { table: { enable_highlight: true } } });
    expect(res.body.results.table.results[0].highlight.description).toEqual(['Commandes <em>réglées</em>, une ligne par commande']);
  });
});

describe('migration 12 (search words without diacritics)', () => {
  /** A catalog at migration 11 whose search words were kept with their accents, as before. */
  const catalogBefore = (tables: ReturnType<typeof makeTable>[], accented: [string, string][]) =>
    catalogBeforeMigration(tables, 12, (db) => {
      for (const [folded, asTyped] of accented) {
        db.prepare('UPDATE search_vocabulary SET term = ? WHERE term = ?').run(asTyped, folded);
        db.prepare('UPDATE table_search SET name_norm = replace(name_norm, ?, ?)').run(folded, asTyped);
      }
    });
  const stale = searchIndexStale;

  it('rebuilds the search words of a catalog that has accented ones, so a typed prefix finds them', async () => {
    const { dir, dbPath } = catalogBefore(
      [makeTable('hive://gold.fr/crème_brûlée', { description: 'Commandes réglées' })],
      [['creme', 'crème'], ['brulee', 'brûlée'], ['reglees', 'réglées']],
    );
    try {
      expect(MIGRATIONS.some((m) => m.version === 10)).toBe(true);
      expect(stale(dbPath)).toBe(1);
      const upgraded = openTestCatalog({ dbPath });
      try {
        const keys = async (query_term: string) => ((await request(upgraded.searchApp).post('/v2/search').set(...AUTH_HEADER)
          .send({ query_term, resource_types: ['table'] })).body.results.table.results as { key: string }[]).map((h) => h.key);
        expect(await keys('regl')).toEqual(['hive://gold.fr/crème_brûlée']);
        expect(await keys('creme brulee')).toEqual(['hive://gold.fr/crème_brûlée']);
      } finally {
        upgraded.cleanup();
      }
      expect(stale(dbPath)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the index of a catalog whose words have no letter that folds (ASCII, ø, æ, ł)', () => {
    const { dir, dbPath } = catalogBefore([makeTable('hive://gold.sales/orders', { description: 'Every order from Børge on Ærø and Łeba' })], []);
    try {
      expect(stale(dbPath)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
