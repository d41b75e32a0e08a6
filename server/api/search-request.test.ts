import { describe, expect, it } from 'vitest';
import { SearchRequestSchema } from '../../contract/bff-api';
import { toAmundsenSearchRequest } from './search-request';

describe('toAmundsenSearchRequest', () => {
  it('turns the frontend filter map into the search service filter list', () => {
    const request = SearchRequestSchema.parse({
      searchTerm: '  orders ',
      pageIndex: 2,
      resources: ['table'],
      filters: { table: { schema: { value: 'sales, core,', filterOperation: 'AND' }, database: { value: 'hive' } } },
      highlightingOptions: { table: { enableHighlight: true } },
    });
    expect(toAmundsenSearchRequest(request)).toEqual({
      query_term: 'orders',
      resource_types: ['table'],
      page_index: 2,
      results_per_page: 10,
      filters: [
        { name: 'schema', values: ['sales', 'core'], operation: 'AND' },
        { name: 'database', values: ['hive'], operation: 'OR' },
      ],
      highlight_options: { table: { enable_highlight: true } },
    });
  });

  it('drops filters with no values', () => {
    const request = SearchRequestSchema.parse({ searchTerm: 'x', filters: { table: { tag: { value: ' , ' } } } });
    expect(toAmundsenSearchRequest(request).filters).toEqual([]);
  });
});
