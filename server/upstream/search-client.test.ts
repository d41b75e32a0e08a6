import { describe, expect, it } from 'vitest';
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { findSearchFailure } from './search-client';

const request: AmundsenSearchRequest = { query_term: 'x', resource_types: ['table', 'user'], page_index: 0, results_per_page: 10, filters: [], highlight_options: {} };
const group = { total_results: 0, results: [] };

describe('a search answer that is a failure in disguise (Amundsen answers 200)', () => {
  it('status_code 500: Elasticsearch failed for the last resource; its msg says why', () => {
    expect(findSearchFailure(request, { msg: 'all shards failed', status_code: 500, results: { table: group, user: group } })).toBe('all shards failed');
    expect(findSearchFailure(request, { msg: '', status_code: 503, results: { table: group } })).toBe('status_code 503');
  });

  it('no results for any resource asked for: the Elasticsearch call itself failed', () => {
    expect(findSearchFailure(request, { msg: '', status_code: 200, results: {} })).toBe('no results for any resource asked for');
  });

  it('zero hits, a missing status_code or one resource left out is not a failure', () => {
    expect(findSearchFailure(request, { msg: 'Success', status_code: 200, results: { table: group, user: group } })).toBeUndefined();
    expect(findSearchFailure(request, { results: { table: group } })).toBeUndefined();
    expect(findSearchFailure({ ...request, resource_types: [] }, { results: {} })).toBeUndefined();
  });
});
