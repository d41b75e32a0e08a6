import { describe, expect, it } from 'vitest';
import type { SearchState } from '../../app/paths';
import { testConfig } from './testing/search-fixtures';
import { filtersForTab, otherTabsInput, switchTab } from './tab-filters';

const state = (s: Partial<SearchState>): SearchState => ({ term: '', resource: 'table', filters: {}, pageIndex: 0, ...s });
const plan = (s: SearchState) => ({ searchedTerm: s.term, resource: s.resource, resources: ['table', 'dashboard'] as const satisfies SearchState['resource'][], filters: s.filters, resultsPerPage: 10 });

describe('switchTab', () => {
  it('keeps the left tab\'s filters in tabFilters and gives back the kept ones, on the first page', () => {
    const tables = state({ term: 'orders', filters: { schema: { value: 'sales' } }, pageIndex: 3 });
    const dashboards = switchTab(tables, 'dashboard');
    expect(dashboards).toEqual({ term: 'orders', resource: 'dashboard', filters: {}, pageIndex: 0, tabFilters: { table: { schema: { value: 'sales' } } } });
    expect(switchTab({ ...dashboards, filters: { product: { value: 'mode' } } }, 'table')).toEqual({
      term: 'orders', resource: 'table', filters: { schema: { value: 'sales' } }, pageIndex: 0, tabFilters: { dashboard: { product: { value: 'mode' } } },
    });
  });

  it('gives a tab never filtered in a search without a term the filters it shares with the tab left', () => {
    const tables = state({ filters: { tag: { value: 'growth' }, schema: { value: 'sales' } } });
    expect(filtersForTab(tables, 'dashboard')).toEqual({ tag: { value: 'growth' } });
    expect(filtersForTab({ ...tables, term: 'x' }, 'dashboard')).toEqual({});
    // A term with nothing to search for is no term.
    expect(filtersForTab({ ...tables, term: '%' }, 'dashboard', '')).toEqual({ tag: { value: 'growth' } });
  });
});

describe('otherTabsInput', () => {
  it('asks for the filtered other tabs only, each with its own filters', () => {
    const config = testConfig();
    const tagged = state({ filters: { tag: { value: 'growth' } } });
    expect(otherTabsInput(tagged, plan(tagged), config)).toEqual({
      term: '', resources: ['dashboard'], filters: { dashboard: { tag: { value: 'growth', filterOperation: 'OR' } } }, pageIndex: 0, resultsPerPage: 10,
    });
    const searched = state({ term: 'orders', filters: { tag: { value: 'growth' } } });
    expect(otherTabsInput(searched, plan(searched), config)).toBeNull();
    const kept = { ...searched, tabFilters: { dashboard: { product: { value: 'mode' } } } };
    expect(otherTabsInput(kept, plan(kept), config)?.filters).toEqual({ dashboard: { product: { value: 'mode', filterOperation: 'OR' } } });
  });

  it('asks nothing for a filter-only search whose filters no other tab has (`schema:sales` typed: no dashboards count request)', () => {
    const schemaOnly = state({ filters: { schema: { value: 'sales' }, column: { value: 'id' } } });
    expect(otherTabsInput(schemaOnly, plan(schemaOnly), testConfig())).toBeNull();
  });
});
