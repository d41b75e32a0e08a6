// A table description edit rewrites only its document's description and text index row
// (search-index.ts refreshTableDescription): search must answer exactly as after a full rebuild.
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, makeReaders, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { createSearchIndexMaintainer } from './search-index';

const ORDERS = 'hive://gold.sales/orders';
const TABLES = [
  makeTable(ORDERS, {
    readers: makeReaders(3), description: 'Every zebrafish order', tags: ['sales'], badges: [{ badge_name: 'gold', category: 'table_status' }],
    columns: [{ name: 'order_id', col_type: 'bigint', description: 'Narwhal identifier' }],
  }),
  makeTable('hive://gold.sales/refunds', { readers: makeReaders(1), description: 'Refunds of zebrafish orders' }),
  makeTable('hive://gold.core/order_items', { readers: makeReaders(5), description: 'Lines of an order' }),
];

let catalog: TestCatalog;
beforeEach(() => {
  catalog = openTestCatalog({ tables: TABLES });
});
afterEach(() => catalog.cleanup());

const putDescription = (description: string | null) =>
  request(catalog.metadataApp).put(`/table/${ORDERS}/description`).set(...AUTH_HEADER).set('Content-Type', 'text/plain').send(JSON.stringify({ description }));
const keysFor = async (body: Record<string, unknown>) => {
  const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ resource_types: ['table'], ...body });
  expect(res.status).toBe(200);
  return (res.body.results.table.results as { key: string }[]).map((h) => h.key);
};
const QUERIES: Record<string, unknown>[] = [
  { query_term: 'zebrafish' }, { query_term: 'quokka' }, { query_term: 'quok' }, { query_term: 'order' }, { query_term: 'orders' },
  { query_term: 'narwhal' }, { query_term: 'gold' }, { query_term: 'ord', filters: [{ name: 'tag', values: ['sales'], operation: 'OR' }] },
  { query_term: '', filters: [{ name: 'badges', values: ['gold'], operation: 'OR' }] },
  { query_term: 'lines', filters: [{ name: 'column', values: ['order_id'], operation: 'OR' }] },
];
const answers = async () => Promise.all(QUERIES.map(keysFor));
const vocabulary = (term: string) => {
  const db = new Database(catalog.dbPath, { readonly: true });
  try {
    return db.prepare('SELECT docs FROM search_vocabulary WHERE term = ?').pluck().get(term);
  } finally {
    db.close();
  }
};

describe('a table description edit in search', () => {
  it('finds the table by its new words and no longer by the old ones; its name, tags, badges and columns still find it', async () => {
    expect(await keysFor({ query_term: 'zebrafish' })).toEqual(expect.arrayContaining([ORDERS]));
    expect((await putDescription('Quarterly quokka figures')).status).toBe(200);
    expect(await keysFor({ query_term: 'quokka' })).toEqual([ORDERS]);
    expect(await keysFor({ query_term: 'quok' })).toEqual([ORDERS]);
    expect(await keysFor({ query_term: 'zebrafish' })).toEqual(['hive://gold.sales/refunds']);
    expect(await keysFor({ query_term: 'orders' })).toContain(ORDERS);
    expect(await keysFor({ query_term: 'narwhal' })).toEqual([ORDERS]);
    expect(await keysFor({ query_term: 'ord', filters: [{ name: 'tag', values: ['sales'], operation: 'OR' }] })).toContain(ORDERS);
    expect(await keysFor({ query_term: '', filters: [{ name: 'badges', values: ['gold'], operation: 'OR' }] })).toEqual([ORDERS]);
  });

  it('answers every query as a full rebuild of the index would, after several edits and a blanked description', async () => {
    for (const description of ['Quarterly quokka figures', 'Order lines, quokka-checked', null, 'Back to zebrafish orders']) {
      expect((await putDescription(description)).status).toBe(200);
    }
    const afterEdits = await answers();
    const db = new Database(catalog.dbPath);
    try {
      createSearchIndexMaintainer(db).rebuildAll();
    } finally {
      db.close();
    }
    expect(await answers()).toEqual(afterEdits);
  });

  it('counts in the vocabulary only the words the document did not hold before', async () => {
    const zebrafish = vocabulary('zebrafish');
    expect((await putDescription('Every zebrafish order, and a quokka')).status).toBe(200);
    expect(vocabulary('zebrafish')).toBe(zebrafish);
    expect(vocabulary('quokka')).toBe(1);
  });
});
