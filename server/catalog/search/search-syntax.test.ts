// Decision 097: "phrases", -exclusions and OR in the embedded catalog's search, and that no term
// whatever reaches FTS5 as syntax (every answer a 200).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADER, makeReaders, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';

let catalog: TestCatalog;
const search = (query_term: string, resource_types = ['table']) =>
  request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term, resource_types, results_per_page: 50 });
const keys = async (term: string) => {
  const res = await search(term);
  expect(res.status, term).toBe(200);
  return (res.body.results.table.results as { key: string }[]).map((h) => h.key);
};

beforeAll(() => {
  catalog = openTestCatalog({
    tables: [
      makeTable('hive://gold.core/customers', { readers: makeReaders(1), description: 'One row per customer' }),
      makeTable('hive://gold.sales/orders', { readers: makeReaders(50), description: 'Orders, joined with core.customers' }),
      makeTable('hive://gold.sales/customers_core', { readers: makeReaders(30), description: 'The customers we count on' }),
      makeTable('hive://gold.sales/refunds', { readers: makeReaders(5), description: 'Money sent back' }),
      makeTable('hive://gold.legacy/orders_old', { readers: makeReaders(10), description: 'Orders before 2020' }),
    ],
    users: [{ user_id: 'jorgen@example.org', email: 'jorgen@example.org', full_name: 'Jørgen Ødegård', team_name: 'Core Data' }],
  });
});
afterAll(() => catalog.cleanup());

describe('query syntax', () => {
  it('"quoted words" are a phrase: next to each other, in order; a quoted full name keeps its exact-name rank', async () => {
    const res = await search('"core.customers"');
    const hits = res.body.results.table.results as { key: string; search_score: number }[];
    expect(hits.map((h) => h.key)).toEqual(['hive://gold.core/customers', 'hive://gold.sales/orders']);
    expect(hits[0].search_score).toBeGreaterThanOrEqual(6); // the reference tier, as unquoted
    expect(res.body.results.table.total_results).toBe(2);
    // Unquoted, the words are anywhere, in any order.
    expect(await keys('core.customers')).toContain('hive://gold.sales/customers_core');
    expect(await keys('"customers core"')).toEqual(['hive://gold.sales/customers_core']);
    expect(await keys('"customers we count"')).toEqual(['hive://gold.sales/customers_core']);
    expect(await keys('"we customers"')).toEqual([]);
    // An open quote is being typed: its last word is a prefix (both text matches: popularity decides).
    expect(await keys('"core.cust')).toEqual(['hive://gold.sales/orders', 'hive://gold.core/customers']);
  });

  it('-word leaves out what holds the word, -"phrase" what holds the phrase', async () => {
    expect(await keys('orders')).toContain('hive://gold.legacy/orders_old');
    expect(await keys('orders -legacy')).toEqual(['hive://gold.sales/orders']);
    expect(await keys('customers -"core customers"')).toEqual(['hive://gold.sales/customers_core']);
    // Only exclusions: everything else, most popular first.
    expect(await keys('-orders')).toEqual(['hive://gold.sales/customers_core', 'hive://gold.sales/refunds', 'hive://gold.core/customers']);
  });

  it('OR between words means either', async () => {
    expect(await keys('orders refunds')).toEqual([]);
    const either = await search('orders OR refunds');
    expect((either.body.results.table.results as { key: string }[]).map((h) => h.key).sort()).toEqual(
      ['hive://gold.legacy/orders_old', 'hive://gold.sales/orders', 'hive://gold.sales/refunds']);
    expect(either.body.results.table.total_results).toBe(3);
    // Exact names still rank first.
    expect((await keys('refunds OR orders')).slice(0, 2).sort()).toEqual(['hive://gold.sales/orders', 'hive://gold.sales/refunds']);
    expect(await keys('"money sent" OR legacy')).toEqual(['hive://gold.legacy/orders_old', 'hive://gold.sales/refunds']);
  });

  it('applies to people too', async () => {
    const res = await search('"core data" -nobody', ['user']);
    expect(res.body.results.user.results.map((u: { user_id: string }) => u.user_id)).toEqual(['jorgen@example.org']);
  });

  it('answers every term, however odd, with a 200', async () => {
    const pieces = ['"', '-', ' ', 'OR', 'AND', 'NOT', 'NEAR(', ')', '(', '*', '^', ':', 'ǂs', 'ø', 'é', '\u0301', '😀', '\\', "'",
      'core', 'orders', 'c', '-"', '" ', '{', '}', '+', 'name:', '\u0000', '\u200b', '–', '«', '»', '“', '”'];
    let seed = 97;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const terms = ['"', '-', 'OR', '""""', '-"', '- -', 'OR OR OR', '"OR"', '-OR', 'a OR -b', '"a" -"a"', '*', '"*"', 'NEAR("a" "b")'];
    for (let i = 0; i < 250; i++) {
      terms.push(Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : ''));
    }
    for (const term of terms) {
      const res = await search(term, ['table', 'dashboard', 'user']);
      expect(res.status, JSON.stringify(term)).toBe(200);
      expect(res.body.results.table.total_results, JSON.stringify(term)).toBeGreaterThanOrEqual(0);
    }
  });
});
