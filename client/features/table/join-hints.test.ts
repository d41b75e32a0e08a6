import { describe, expect, it } from 'vitest';
import { buildJoinTargetsSearch, collectJoinHints, resolveJoinHint, splitJoinHints } from './join-hints';

describe('splitJoinHints', () => {
  it('cuts out the schema.table of a "joins" hint, keeping the words around it', () => {
    expect(splitJoinHints('Customer who placed the order; joins core.customers')).toEqual([
      { kind: 'text', text: 'Customer who placed the order; joins ' },
      { kind: 'join', text: 'core.customers', hint: { schema: 'core', table: 'customers' } },
    ]);
  });

  it('leaves a full stop and a column after the table as text', () => {
    expect(splitJoinHints('Joins sales.orders.order_id. Nullable.')).toEqual([
      { kind: 'text', text: 'Joins ' },
      { kind: 'join', text: 'sales.orders', hint: { schema: 'sales', table: 'orders' } },
      { kind: 'text', text: '.order_id. Nullable.' },
    ]);
  });

  it('finds several hints, and none in text without one', () => {
    const segments = splitJoinHints('joins core.customers and joins   sales.orders');
    expect(segments.filter((s) => s.kind === 'join').map((s) => s.text)).toEqual(['core.customers', 'sales.orders']);
    expect(splitJoinHints('Primary key; rejoins nothing. core.customers')).toEqual([{ kind: 'text', text: 'Primary key; rejoins nothing. core.customers' }]);
    expect(splitJoinHints('')).toEqual([]);
  });
});

describe('collectJoinHints', () => {
  it('lists each hinted table once, sorted, skipping columns without a description', () => {
    expect(collectJoinHints(['joins sales.orders', null, 'joins core.customers', 'also joins Core.Customers'])).toEqual([
      { schema: 'core', table: 'customers' },
      { schema: 'sales', table: 'orders' },
    ]);
    expect(collectJoinHints([null, 'no hint here'])).toEqual([]);
  });
});

describe('buildJoinTargetsSearch', () => {
  it('asks once for tables in any hinted schema with any hinted name', () => {
    const request = buildJoinTargetsSearch([{ schema: 'sales', table: 'orders' }, { schema: 'core', table: 'customers' }, { schema: 'core', table: 'Orders' }]);
    expect(request).toMatchObject({
      searchTerm: '',
      resources: ['table'],
      filters: { table: { schema: { value: 'core,sales', filterOperation: 'OR' }, table: { value: 'customers,orders', filterOperation: 'OR' } } },
    });
  });
});

describe('resolveJoinHint', () => {
  const hint = { schema: 'core', table: 'customers' };
  const from = { database: 'hive', cluster: 'gold' };
  const table = (database: string, cluster: string, schema = 'core', name = 'customers') => ({ key: `${database}://${cluster}.${schema}/${name}`, database, cluster, schema, name });

  it('links straight to the one table that matches', () => {
    expect(resolveJoinHint(hint, [table('postgres', 'crm_db'), table('hive', 'gold', 'sales', 'customers'), table('hive', 'gold', 'core', 'orders')], from)).toEqual({
      kind: 'table',
      key: 'postgres://crm_db.core/customers',
    });
  });

  it('matches schema and name without regard to case', () => {
    expect(resolveJoinHint({ schema: 'CORE', table: 'Customers' }, [table('hive', 'gold')], from)).toEqual({ kind: 'table', key: 'hive://gold.core/customers' });
  });

  it('prefers the match in the same database and cluster', () => {
    expect(resolveJoinHint(hint, [table('postgres', 'crm_db'), table('hive', 'gold'), table('hive', 'silver')], from)).toEqual({
      kind: 'table',
      key: 'hive://gold.core/customers',
    });
  });

  it('falls back to the search when nothing or several equally near tables match', () => {
    expect(resolveJoinHint(hint, [], from)).toEqual({ kind: 'search' });
    expect(resolveJoinHint(hint, [table('postgres', 'crm_db'), table('snowflake', 'prod')], from)).toEqual({ kind: 'search' });
  });
});
