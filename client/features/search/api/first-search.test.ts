// @vitest-environment jsdom
// The SPA's side of the first search in the page: the answer the BFF wrote is used once, and only for
// the request the page would send itself.
import * as v from 'valibot';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResponse } from '../../../../contract/api-search';
import { FIRST_SEARCH_ELEMENT_ID } from '../../../../contract/first-search';
import { toClientConfig, UiConfigFileSchema } from '../../../../contract/ui-config';
import { parseSearchState } from '../../../app/paths';
import { firstSearchInputs, planSearch } from '../search-plan';
import { seedFirstSearch } from './first-search';
import { buildSearchRequest } from './search-catalog';
import { searchKeys } from './query-keys';

const CONFIG = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test IdP', indexUsers: true, indexDashboards: true, logoUrl: null });
const answerFor = (request: SearchRequest): SearchResponse => ({
  search_term: request.searchTerm,
  msg: 'Success',
  table: { page_index: request.pageIndex ?? 0, total_results: 0, results: [] },
});

/**
 * The page the BFF serves for `url`: a data block with the answers to the requests it built — the same
 * as the page's own (server/spa/first-search.test.ts checks that the server builds exactly these).
 */
function servedPage(url: string): Document {
  const answers = inputsAt(url).map(buildSearchRequest).map((request) => ({ request, response: answerFor(request) }));
  const doc = document.implementation.createHTMLDocument('Nansen');
  const block = doc.createElement('script');
  block.type = 'application/json';
  block.id = FIRST_SEARCH_ELEMENT_ID;
  block.textContent = JSON.stringify({ answers });
  doc.body.append(block);
  return doc;
}

const inputsAt = (url: string) => firstSearchInputs(planSearch(parseSearchState(new URL(url, 'http://x').searchParams), CONFIG));

describe('seedFirstSearch', () => {
  it.each([
    '/search?term=orders',
    '/search?term=orders&resource=dashboard&page=2',
    `/search?term=x&filters=${encodeURIComponent(JSON.stringify({ schema: { value: 'core,sales' } }))}`,
  ])('fills the cache entries the search page reads at %s (the server built the same requests)', (url) => {
    const client = new QueryClient();
    const doc = servedPage(url);
    const inputs = inputsAt(url);
    expect(seedFirstSearch(client, inputs, doc)).toBe(inputs.length);
    for (const input of inputs) {
      const key = searchKeys.results(input);
      expect(client.getQueryData(key)).toEqual(answerFor({ searchTerm: input.term, pageIndex: input.pageIndex } as SearchRequest));
      expect(client.getQueryState(key)?.isInvalidated).toBe(false);
    }
    // Used once: gone from the page.
    expect(doc.getElementById(FIRST_SEARCH_ELEMENT_ID)).toBeNull();
    expect(seedFirstSearch(new QueryClient(), inputs, doc)).toBe(0);
  });

  it('uses nothing for any other request, and forgets it', () => {
    const doc = servedPage('/search?term=orders');
    const client = new QueryClient();
    expect(seedFirstSearch(client, inputsAt('/search?term=customers'), doc)).toBe(0);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(doc.getElementById(FIRST_SEARCH_ELEMENT_ID)).toBeNull();
  });

  it('on page 2, uses the answer only for the overview it shares with page 1', () => {
    const client = new QueryClient();
    const [overview, page2] = inputsAt('/search?term=orders&page=2');
    expect(seedFirstSearch(client, [overview!, page2!], servedPage('/search?term=orders'))).toBe(1);
    expect(client.getQueryData(searchKeys.results(overview!))).toBeDefined();
    expect(client.getQueryData(searchKeys.results(page2!))).toBeUndefined();
  });

  it('ignores a block that is not JSON or not a search answer', () => {
    for (const text of ['{', JSON.stringify({ answers: [{ request: {}, response: { nope: 1 } }] })]) {
      const doc = document.implementation.createHTMLDocument('Nansen');
      const el = doc.createElement('script');
      el.type = 'application/json';
      el.id = FIRST_SEARCH_ELEMENT_ID;
      el.textContent = text;
      doc.body.append(el);
      expect(seedFirstSearch(new QueryClient(), inputsAt('/search?term=orders'), doc)).toBe(0);
    }
  });
});
