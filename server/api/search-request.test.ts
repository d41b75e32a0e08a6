import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SearchRequestSchema, type SearchRequest } from '../../contract/bff-api';
import type { AmundsenSearchResponse } from '../upstream/amundsen-schemas';
import { mergeSearchAnswers, planSearchCalls, toFilterLists, type SearchCall } from './search-request';

const parse = (request: SearchRequest) => v.parse(SearchRequestSchema, request);

describe('toFilterLists', () => {
  it('turns the frontend filter map into one search service filter list per resource', () => {
    const { filters } = parse({
      searchTerm: 'x',
      filters: {
        table: { schema: { value: 'sales, core,', filterOperation: 'AND' }, database: { value: 'hive' } },
        dashboard: { product: { value: 'mode' } },
      },
    });
    expect(toFilterLists(filters)).toEqual({
      table: [
        { name: 'schema', values: ['sales', 'core'], operation: 'AND' },
        { name: 'database', values: ['hive'], operation: 'OR' },
      ],
      dashboard: [{ name: 'product', values: ['mode'], operation: 'OR' }],
      user: [],
    });
  });

  it('drops filters with no values', () => {
    expect(toFilterLists(parse({ searchTerm: 'x', filters: { table: { tag: { value: ' , ' } } } }).filters).table).toEqual([]);
  });

  it('refuses a filter the resource does not have, naming the filter and the resource', () => {
    const { filters } = parse({ searchTerm: 'x', filters: { dashboard: { schema: { value: 'sales' } } } });
    expect(() => toFilterLists(filters)).toThrow(/"filters\.dashboard\.schema": the dashboard search has no filter "schema"; use one of product, group_name/);
  });

  it('refuses filters for a resource the search does not know', () => {
    const { filters } = parse({ searchTerm: 'x', filters: { feature: { entity: { value: 'a' } } } });
    expect(() => toFilterLists(filters)).toThrow(/"filters\.feature": there is no "feature" search/);
  });

  it('does not take a filter name inherited from Object.prototype for a resource', () => {
    const { filters } = parse({ searchTerm: 'x', filters: { toString: { name: { value: 'a' } } } });
    expect(() => toFilterLists(filters)).toThrow(/no "toString" search/);
  });
});

describe('planSearchCalls', () => {
  it('searches every resource in one call when there are no filters', () => {
    const request = parse({ searchTerm: '  orders ', pageIndex: 2, resources: ['table', 'dashboard', 'user'], highlightingOptions: { table: { enableHighlight: true } } });
    expect(planSearchCalls(request, ['table', 'dashboard', 'user'])).toEqual([
      {
        resources: ['table', 'dashboard', 'user'],
        request: {
          query_term: 'orders',
          resource_types: ['table', 'dashboard', 'user'],
          page_index: 2,
          results_per_page: 10,
          filters: [],
          highlight_options: { table: { enable_highlight: true } },
        },
      },
    ]);
  });

  it('makes one call per resource, each with only its own filters and highlighting, when filters are present', () => {
    const request = parse({
      searchTerm: 'orders',
      resources: ['table', 'dashboard'],
      filters: { table: { tag: { value: 'pii' } } },
      highlightingOptions: { table: { enableHighlight: true }, dashboard: { enableHighlight: false } },
    });
    const calls = planSearchCalls(request, ['table', 'dashboard']);
    expect(calls.map((c) => c.resources)).toEqual([['table'], ['dashboard']]);
    expect(calls[0]!.request).toMatchObject({ resource_types: ['table'], filters: [{ name: 'tag', values: ['pii'], operation: 'OR' }], highlight_options: { table: { enable_highlight: true } } });
    expect(calls[1]!.request).toMatchObject({ resource_types: ['dashboard'], filters: [], highlight_options: { dashboard: { enable_highlight: false } } });
  });

  it('keeps one call for a single resource with its filters, ignoring filters of resources not searched', () => {
    const request = parse({ searchTerm: 'x', resources: ['dashboard'], filters: { table: { tag: { value: 'pii' } }, dashboard: { name: { value: 'Orders*' } } } });
    expect(planSearchCalls(request, ['dashboard'])).toEqual([
      expect.objectContaining({ resources: ['dashboard'], request: expect.objectContaining({ filters: [{ name: 'name', values: ['Orders*'], operation: 'OR' }] }) }),
    ]);
  });
});

describe('planSearchCalls: the order of table results (decision 107)', () => {
  it('sends `sort` only to a search service that takes it, and only with the tables', () => {
    const request = parse({ searchTerm: 'orders', resources: ['table', 'dashboard'], sort: 'name' });
    expect(planSearchCalls(request, ['table', 'dashboard'], { tableSort: true })[0]!.request).toMatchObject({ sort: 'name' });
    // Amundsen's SearchRequest refuses a key it does not know: nothing more than its own keys.
    const [amundsen] = planSearchCalls(request, ['table', 'dashboard']);
    expect(Object.keys(amundsen!.request).sort()).toEqual(['filters', 'highlight_options', 'page_index', 'query_term', 'resource_types', 'results_per_page']);
    expect(planSearchCalls(request, ['table', 'dashboard'], { tableSort: false })[0]!.request).not.toHaveProperty('sort');
  });

  it('leaves it out for relevance, and from a call without tables', () => {
    expect(planSearchCalls(parse({ searchTerm: 'x', sort: 'relevance' }), ['table'], { tableSort: true })[0]!.request).not.toHaveProperty('sort');
    const split = planSearchCalls(parse({ searchTerm: 'x', resources: ['table', 'dashboard'], sort: 'last_updated', filters: { dashboard: { name: { value: 'a' } } } }),
      ['table', 'dashboard'], { tableSort: true });
    expect(split.map((c) => c.request.sort)).toEqual(['last_updated', undefined]);
  });

  it('refuses an order it does not know', () => {
    expect(() => parse({ searchTerm: 'x', sort: 'popularity' as 'name' })).toThrow();
  });
});

describe('mergeSearchAnswers', () => {
  const call = (...resources: ('table' | 'dashboard' | 'user')[]): SearchCall => ({
    resources,
    request: { query_term: 'x', resource_types: resources, page_index: 0, results_per_page: 10, filters: [], highlight_options: {} },
  });
  const hit = { key: 'k', description: null, uri: 'mode_dashboard://c.g/d', name: 'D', url: null, last_successful_run_timestamp: null, group_name: null,
    chart_names: [], query_names: [], tag: [], product: null, cluster: null, group_url: null, badges: [], search_score: 1, highlight: {} };
  const answer = (results: AmundsenSearchResponse['results'], did_you_mean?: string): AmundsenSearchResponse =>
    ({ msg: 'Success', page_index: 0, results_per_page: 10, results, ...(did_you_mean ? { did_you_mean } : {}) });
  const dashboards = { total_results: 1, results: [hit] };
  const none = { total_results: 0, results: [] };

  it('files each resource under the group of the call that searched it', () => {
    const merged = mergeSearchAnswers([call('table'), call('dashboard')], [answer({ table: none }), answer({ dashboard: dashboards })]);
    expect(merged).toEqual({ groups: { table: none, dashboard: dashboards, user: undefined } });
  });

  it('keeps the corrected term when every call corrected to it or found nothing', () => {
    const merged = mergeSearchAnswers([call('table'), call('dashboard')], [answer({ table: none }), answer({ dashboard: dashboards }, 'orders')]);
    expect(merged.didYouMean).toBe('orders');
    expect(merged.groups.dashboard).toEqual(dashboards);
  });

  it('answers a corrected group empty when another resource matched the term as typed', () => {
    const tables = { total_results: 2, results: [] };
    const merged = mergeSearchAnswers([call('table'), call('dashboard')], [answer({ table: tables }), answer({ dashboard: dashboards }, 'orders')]);
    expect(merged).toEqual({ groups: { table: tables, dashboard: none, user: undefined } });
  });

  it('files people under their own group, and keeps a correction when the other call\'s answer holds no group at all', () => {
    const people = { total_results: 1, results: [] };
    expect(mergeSearchAnswers([call('user')], [answer({ user: people })]).groups.user).toEqual(people);
    const merged = mergeSearchAnswers([call('table'), call('dashboard')], [answer({}), answer({ dashboard: dashboards }, 'orders')]);
    expect(merged).toEqual({ groups: { table: undefined, dashboard: dashboards, user: undefined }, didYouMean: 'orders' });
  });

  it('refuses an unknown filter or filtered resource with unknown_filter', () => {
    const codeOf = (filters: object) => {
      try {
        toFilterLists(filters as never);
      } catch (err) {
        return (err as { code: string }).code;
      }
      return 'accepted';
    };
    expect(codeOf({ feature: { name: { value: 'x' } } })).toBe('unknown_filter');
    expect(codeOf({ table: { colour: { value: 'x' } } })).toBe('unknown_filter');
  });

  it('keeps no correction, and answers the corrected groups empty, when the calls corrected to different terms', () => {
    const tables = { total_results: 3, results: [] };
    const merged = mergeSearchAnswers([call('table'), call('dashboard')], [answer({ table: tables }, 'orders'), answer({ dashboard: dashboards }, 'order')]);
    expect(merged).toEqual({ groups: { table: none, dashboard: none, user: undefined } });
    expect(merged).not.toHaveProperty('didYouMean');
  });
});
