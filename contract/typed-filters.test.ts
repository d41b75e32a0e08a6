import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { FilterCategory } from './client-config';
import type { SearchState } from './search-state';
import { withTypedFilters, withTypedFiltersOnAnyTab } from './typed-filters';
import { toClientConfig, UiConfigFileSchema } from './ui-config';

// The default UI config's categories (tables: database/source, cluster, schema, table, column, tag, badges).
const config = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test', indexUsers: true, indexDashboards: true, logoUrl: null });
const tables = config.resourceConfig.table.filterCategories;
const dashboards = config.resourceConfig.dashboard.filterCategories;
const search = (term: string, fields: Partial<SearchState> = {}): SearchState => ({ term, resource: 'table', filters: {}, pageIndex: 0, ...fields });
const typed = (term: string, categories: readonly FilterCategory[] = tables, fields: Partial<SearchState> = {}) => withTypedFilters(search(term, fields), categories);

describe('filters typed in the search term', () => {
  it('become filters, the rest of the term its words', () => {
    expect(typed('tag:pii')).toEqual(search('', { filters: { tag: { value: 'pii' } } }));
    expect(typed('column:order_id')).toEqual(search('', { filters: { column: { value: 'order_id' } } }));
    expect(typed('schema:sales orders')).toEqual(search('orders', { filters: { schema: { value: 'sales' } } }));
    expect(typed('big  database:hive  cluster:gold  orders')).toEqual(search('big orders', { filters: { database: { value: 'hive' }, cluster: { value: 'gold' } } }));
  });

  it('take a quoted value with spaces, and comma-separated values', () => {
    expect(typed('tag:"my tag" orders')).toEqual(search('orders', { filters: { tag: { value: 'my tag' } } }));
    expect(typed('column:order_id,customer_id')?.filters).toEqual({ column: { value: 'order_id,customer_id' } });
  });

  it('know a filter by its id, its singular or plural, or its name, in any case', () => {
    expect(typed('badge:gold')?.filters).toEqual({ badges: { value: 'gold' } });
    expect(typed('badges:gold')?.filters).toEqual({ badges: { value: 'gold' } });
    expect(typed('Tags:pii')?.filters).toEqual({ tag: { value: 'pii' } });
    // Source is the database filter's name.
    expect(typed('source:hive')?.filters).toEqual({ database: { value: 'hive' } });
  });

  it('add to the filters there, keeping their operation, and go to the first page', () => {
    const before = { tag: { value: 'finance', filterOperation: 'AND' as const }, schema: { value: 'core' } };
    expect(typed('tag:pii tag:finance x', tables, { filters: before, pageIndex: 3 })).toEqual(
      search('x', { filters: { tag: { value: 'finance,pii', filterOperation: 'AND' }, schema: { value: 'core' } } }),
    );
  });

  it('keep the rest of the search (tab, other tabs\' filters)', () => {
    const state = { resource: 'dashboard' as const, tabFilters: { table: { schema: { value: 'x' } } } };
    expect(typed('group:sales kpi', dashboards, state)).toEqual(search('kpi', { ...state, filters: { group_name: { value: 'sales' } } }));
  });

  it('leave anything else as words: unknown fields, fields of another tab, empty values, a colon inside a word', () => {
    for (const term of ['foo:bar', 'orders', 'https://example.org/x', 'tag:', 'tag:""', 'tag: pii', 'a,tag:pii', 'tag:"unclosed', '']) {
      expect(typed(term), term).toBeNull();
    }
    expect(typed('column:order_id', dashboards)).toBeNull();
    expect(typed('foo:bar tag:pii')).toEqual(search('foo:bar', { filters: { tag: { value: 'pii' } } }));
  });

  it('take only the options of a checkbox filter (the panel could not show another), as they are spelled', () => {
    const checkbox: FilterCategory[] = [{ categoryId: 'tag', displayName: 'Tag', type: 'checkboxFilter', options: [{ value: 'pii', displayName: 'Personal data' }, { value: 'finance' }] }];
    expect(typed('tag:PII', checkbox)?.filters).toEqual({ tag: { value: 'pii' } });
    expect(typed('tag:"personal data"', checkbox)?.filters).toEqual({ tag: { value: 'pii' } });
    expect(typed('tag:pii,secret', checkbox)).toBeNull();
  });
});

describe('filters typed for another tab', () => {
  const anyTab = (term: string, fields: Partial<SearchState> = {}, on = config) => withTypedFiltersOnAnyTab(search(term, fields), on);

  it('open the tab whose filters they are: group:sales typed on the tables tab opens dashboards', () => {
    expect(anyTab('group:sales kpi')).toEqual(search('kpi', { resource: 'dashboard', filters: { group_name: { value: 'sales' } } }));
    // The tables tab's filters are kept for coming back; the dashboards tab's kept ones apply.
    const fields = { filters: { schema: { value: 'core' } }, tabFilters: { dashboard: { product: { value: 'mode' } } } };
    expect(anyTab('product:tableau', fields)).toEqual(
      search('', { resource: 'dashboard', filters: { product: { value: 'mode,tableau' } }, tabFilters: { table: { schema: { value: 'core' } } } }),
    );
    // Filters of the dashboards tab taking more of the typed ones than the tables tab does.
    expect(anyTab('group:sales tag:pii')).toEqual(search('', { resource: 'dashboard', filters: { group_name: { value: 'sales' }, tag: { value: 'pii' } } }));
  });

  it('stay on the shown tab when its filters take as many (a tag is both tabs\'), or when the other tab is not searched', () => {
    expect(anyTab('tag:pii')).toEqual(search('', { filters: { tag: { value: 'pii' } } }));
    expect(anyTab('tag:pii', { resource: 'dashboard' })).toEqual(search('', { resource: 'dashboard', filters: { tag: { value: 'pii' } } }));
    expect(anyTab('schema:sales group:x')).toEqual(search('group:x', { filters: { schema: { value: 'sales' } } }));
    expect(anyTab('group:sales', {}, { ...config, indexDashboards: { ...config.indexDashboards, enabled: false } })).toBeNull();
    expect(anyTab('foo:bar')).toBeNull();
  });
});
