import { describe, expect, it } from 'vitest';
import { describeField, listChange, resourceOf, textOf } from './describe-edit';

describe('describeField', () => {
  it('names the field, and the column or nested type when the edit was theirs', () => {
    expect(describeField({ field: 'description', resource_type: 'table', subject: null })).toBe('Description');
    expect(describeField({ field: 'tags', resource_type: 'dashboard', subject: null })).toBe('Tags');
    expect(describeField({ field: 'owners', resource_type: 'table', subject: null })).toBe('Owners');
    expect(describeField({ field: 'description', resource_type: 'column', subject: 'order_id' })).toBe('Description of column order_id');
    expect(describeField({ field: 'description', resource_type: 'type_metadata', subject: 'address.city' })).toBe('Description of nested type address.city');
  });
});

describe('listChange', () => {
  it('finds what a tag edit added and removed from the lists before and after', () => {
    expect(listChange({ before: ['finance', 'pii'], after: ['finance', 'pii', 'core'] })).toEqual({ added: ['core'], removed: [] });
    expect(listChange({ before: ['finance', 'pii'], after: ['finance'] })).toEqual({ added: [], removed: ['pii'] });
    expect(listChange({ before: null, after: ['core'] })).toEqual({ added: ['core'], removed: [] });
  });

  it('reads a single value as a list of one', () => {
    expect(listChange({ before: null, after: 'liv@example.org' })).toEqual({ added: ['liv@example.org'], removed: [] });
    expect(listChange({ before: 'liv@example.org', after: null })).toEqual({ added: [], removed: ['liv@example.org'] });
  });
});

describe('textOf', () => {
  it('gives a description as written, and null for none', () => {
    expect(textOf('Orders')).toBe('Orders');
    expect(textOf(null)).toBeNull();
    expect(textOf(['a', 'b'])).toBe('a\nb');
  });
});

describe('resourceOf', () => {
  it('names a table by schema and name and links to its page, a column edit to that column', () => {
    expect(resourceOf({ resource_type: 'table', parent_key: 'hive://gold.sales/orders', subject: null })).toEqual({ name: 'sales.orders', path: '/table_detail/gold/hive/sales/orders' });
    expect(resourceOf({ resource_type: 'column', parent_key: 'hive://gold.sales/orders', subject: 'order_id' })).toEqual({
      name: 'sales.orders',
      path: '/table_detail/gold/hive/sales/orders?column=order_id',
    });
  });

  it('links a nested type\'s edit to its column and the field, a column whose name holds a dot included (decision 067)', () => {
    const parent_key = 'hive://gold.sales/orders';
    const of = (column: string, below: string) => ({ resource_type: 'type_metadata' as const, parent_key, resource_key: `${parent_key}/${column}/type/${column}/${below}`, subject: null });
    expect(resourceOf(of('payload', 'address/city')).path).toBe('/table_detail/gold/hive/sales/orders?column=payload&field=address.city');
    expect(resourceOf(of('a.b', 'c')).path).toBe('/table_detail/gold/hive/sales/orders?column=a.b&field=c');
    expect(resourceOf(of('items', '_inner_/sku')).path).toBe('/table_detail/gold/hive/sales/orders?column=items&field=sku');
  });

  it('names a dashboard as the catalog names it and links to its page', () => {
    expect(resourceOf({ resource_type: 'dashboard', parent_key: 'mode_dashboard://prod.sales/churn_overview_0', subject: null, parent_name: 'Churn Overview' })).toEqual({
      name: 'Churn Overview',
      path: '/dashboard/mode_dashboard%3A%2F%2Fprod.sales%2Fchurn_overview_0',
    });
  });

  it('names a dashboard the entry gives no name for (removed since, older BFF) by the last part of its uri', () => {
    expect(resourceOf({ resource_type: 'dashboard', parent_key: 'mode_dashboard://prod.sales/x', subject: null, parent_name: null }).name).toBe('x');
    expect(resourceOf({ resource_type: 'dashboard', parent_key: 'mode_dashboard://prod.sales/orders_overview', subject: null })).toEqual({
      name: 'orders_overview',
      path: '/dashboard/mode_dashboard%3A%2F%2Fprod.sales%2Forders_overview',
    });
  });
});
