import { describe, expect, it } from 'vitest';
import { buildSearchRequest } from './search-request';

describe('buildSearchRequest', () => {
  it('asks for the resources in order, each highlighted, with the filters of those that have some', () => {
    const request = buildSearchRequest({
      term: 'orders',
      resources: ['table', 'dashboard', 'user'],
      filters: { table: { schema: { value: 'core', filterOperation: 'OR' } }, dashboard: {} },
      pageIndex: 2,
      resultsPerPage: 10,
    });
    expect(request).toStrictEqual({
      searchTerm: 'orders',
      pageIndex: 2,
      resultsPerPage: 10,
      resources: ['table', 'dashboard', 'user'],
      filters: { table: { schema: { value: 'core', filterOperation: 'OR' } } },
      highlightingOptions: { table: { enableHighlight: true }, dashboard: { enableHighlight: true }, user: { enableHighlight: true } },
    });
  });

  it('leaves out the filters of a resource it does not search', () => {
    const request = buildSearchRequest({
      term: '',
      resources: ['dashboard'],
      filters: { table: { schema: { value: 'core', filterOperation: 'OR' } }, dashboard: { tag: { value: 'kpi', filterOperation: 'AND' } } },
      pageIndex: 0,
      resultsPerPage: 25,
    });
    expect(request.filters).toStrictEqual({ dashboard: { tag: { value: 'kpi', filterOperation: 'AND' } } });
    expect(request.resources).toStrictEqual(['dashboard']);
  });

  it('copies the resources rather than sharing the input\'s array', () => {
    const resources = ['table'] as const;
    expect(buildSearchRequest({ term: 'a', resources, filters: {}, pageIndex: 0, resultsPerPage: 10 }).resources).not.toBe(resources);
  });
});
