// The order of table results (decision 107) through the BFF: with the embedded catalog the BFF sends
// Nansen's `sort` and the hits' dates come through; with a search service that behaves like Amundsen's
// (its SearchRequest refuses any key it does not know with a 500: the gate of start-curate-stack.ts)
// the BFF sends nothing beyond Amundsen's keys, answers in relevance order, and shows no date.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponseSchema } from '../contract/bff-api';
import { makeReaders, makeTable } from './catalog/testing/open-test-catalog';
import type { BffBrowser } from './testing/bff-browser';
import { startCurateStack, type CurateStack } from './testing/start-curate-stack';

const UPDATED = 1_750_000_000;

describe('sorted table results: the embedded catalog sorts, an Amundsen-like search service is sent nothing it refuses', () => {
  let stack: CurateStack<'embedded' | 'amundsen'>;
  let embedded: BffBrowser;
  let amundsen: BffBrowser;

  beforeAll(async () => {
    stack = await startCurateStack({
      catalog: {
        demoTables: 0,
        prepare(store) {
          store.writer.writeTables([
            makeTable('hive://gold.sales/zeta_orders', { readers: makeReaders(9), last_updated_timestamp: UPDATED }),
            makeTable('hive://gold.sales/orders', { readers: makeReaders(1) }),
            makeTable('hive://gold.sales/alpha_orders', { readers: makeReaders(5), last_updated_timestamp: UPDATED - 86_400 }),
          ]);
        },
      },
      bffs: { embedded: { tableSort: true }, amundsen: { tableSort: false } },
    });
    embedded = await stack.signIn('embedded', 'liv');
    amundsen = await stack.signIn('amundsen', 'liv');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const search = async (browser: BffBrowser, body: Record<string, unknown>) => {
    const res = await browser.request('/api/search/v1/search', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify({ resources: ['table'], ...body }),
    });
    expect(res.status).toBe(200);
    return v.parse(SearchResponseSchema, await res.json()).table!.results;
  };

  it('sends `sort` to the embedded catalog, which orders by name and says when each table was updated', async () => {
    stack.gate.amundsen = false;
    const hits = await search(embedded, { searchTerm: 'orders', sort: 'name' });
    expect(hits.map((h) => h.name)).toEqual(['alpha_orders', 'orders', 'zeta_orders']);
    expect(hits.map((h) => h.last_updated_timestamp)).toEqual([UPDATED - 86_400, null, UPDATED]);
    expect(stack.gate.searchBodies.at(-1)).toMatchObject({ query_term: 'orders', sort: 'name' });
  });

  it('sends an Amundsen-like search service only its own keys, and answers in its (relevance) order', async () => {
    stack.gate.amundsen = true;
    try {
      const from = stack.gate.searchBodies.length;
      const hits = await search(amundsen, { searchTerm: 'orders', sort: 'name' });
      expect(hits.map((h) => h.name)).toEqual(['orders', 'zeta_orders', 'alpha_orders']);
      const sent = stack.gate.searchBodies.slice(from);
      expect(sent).toHaveLength(1);
      expect(Object.keys(sent[0]!).sort()).toEqual(['filters', 'highlight_options', 'page_index', 'query_term', 'resource_types', 'results_per_page']);
    } finally {
      stack.gate.amundsen = false;
    }
  });

  it('the gate does refuse what Amundsen refuses: the embedded BFF\'s sort meets a 500 there', async () => {
    stack.gate.amundsen = true;
    try {
      const res = await embedded.request('/api/search/v1/search', {
        method: 'POST', headers: { 'content-type': 'application/json', origin: embedded.base }, body: JSON.stringify({ searchTerm: 'orders', resources: ['table'], sort: 'name' }),
      });
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      stack.gate.amundsen = false;
    }
  });
});
