import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../../../contract/ui-config';
import type { SearchState } from '../../app/paths';
import { planSearch } from './search-plan';

const config = (switches: { indexUsers?: boolean; indexDashboards?: boolean } = {}, file = {}) =>
  toClientConfig(v.parse(UiConfigFileSchema, file), { providerName: 'Test', indexUsers: switches.indexUsers ?? false, indexDashboards: switches.indexDashboards ?? true, logoUrl: null });

const state = (s: Partial<SearchState>): SearchState => ({ term: '', resource: 'table', filters: {}, pageIndex: 0, ...s });

describe('planSearch', () => {
  it('asks once for the first unfiltered page: the overview of every searchable resource is that page', () => {
    const plan = planSearch(state({ term: 'orders' }), config({ indexUsers: true }));
    expect(plan.resources).toEqual(['table', 'dashboard', 'user']);
    expect(plan.overview).toEqual({ term: 'orders', resources: ['table', 'dashboard', 'user'], filters: {}, pageIndex: 0, resultsPerPage: 10 });
    expect(plan.page).toBe(plan.overview);
  });

  it('leaves out dashboards and people when they are not indexed', () => {
    expect(planSearch(state({ term: 'a' }), config({ indexDashboards: false })).resources).toEqual(['table']);
    expect(planSearch(state({ term: 'a' }), config()).resources).toEqual(['table', 'dashboard']);
  });

  it('asks for a later page of the shown tab on its own, with the configured page size', () => {
    const plan = planSearch(state({ term: 'orders', resource: 'dashboard', pageIndex: 2 }), config({}, { searchPagination: { resultsPerPage: 25 } }));
    expect(plan.page).toEqual({ term: 'orders', resources: ['dashboard'], filters: {}, pageIndex: 2, resultsPerPage: 25 });
    expect(plan.overview?.pageIndex).toBe(0);
  });

  it('sends the shown tab\'s filters only, with their operations resolved', () => {
    const plan = planSearch(state({ term: 'orders', filters: { schema: { value: 'sales, core' } } }), config());
    expect(plan.page).toEqual({
      term: 'orders',
      resources: ['table'],
      filters: { table: { schema: { value: 'sales,core', filterOperation: 'OR' } } },
      pageIndex: 0,
      resultsPerPage: 10,
    });
    expect(plan.overview?.filters).toEqual({});
  });

  it('browses every match of the filters when there is no term, and asks nothing without filters either', () => {
    const browse = planSearch(state({ filters: { tag: { value: 'pii' } } }), config());
    expect(browse.overview).toBeNull();
    expect(browse.page).toMatchObject({ term: '', resources: ['table'], filters: { table: { tag: { value: 'pii', filterOperation: 'OR' } } } });
    const nothing = planSearch(state({}), config());
    expect(nothing.page).toBeNull();
    expect(nothing.overview).toBeNull();
  });

  it('shows tables, without the URL\'s filters, when the URL asks for a resource this catalog does not search', () => {
    const plan = planSearch(state({ term: 'liv', resource: 'user', filters: { full_name: { value: 'liv' } } }), config({ indexUsers: false }));
    expect(plan.resource).toBe('table');
    expect(plan.filters).toEqual({});
    expect(plan.page).toBe(plan.overview);
  });

  it('offers the configured filter categories of the shown tab, people included', () => {
    expect(planSearch(state({ term: 'a', resource: 'dashboard' }), config()).categories.map((c) => c.categoryId)).toEqual(['product', 'group_name', 'name', 'tag']);
    expect(planSearch(state({ term: 'a', resource: 'user' }), config({ indexUsers: true })).categories.map((c) => c.categoryId)).toEqual(['full_name', 'email']);
  });

  it('searches nothing for a term without a letter or digit: no term, the filters alone when there are some', () => {
    const bare = planSearch(state({ term: '%' }), config());
    expect(bare).toMatchObject({ term: '%', searchedTerm: '', overview: null, page: null });
    const filtered = planSearch(state({ term: '_', filters: { tag: { value: 'pii' } } }), config());
    expect(filtered.overview).toBeNull();
    expect(filtered.page).toMatchObject({ term: '', resources: ['table'], filters: { table: { tag: { value: 'pii', filterOperation: 'OR' } } } });
    expect(planSearch(state({ term: 'a_b' }), config()).searchedTerm).toBe('a_b');
  });
});
