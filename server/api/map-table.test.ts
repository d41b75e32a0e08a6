import { describe, expect, it } from 'vitest';
import { AmundsenTableSchema } from '../upstream/amundsen-schemas';
import { toTableDetail, toTableSummary } from './map-table';

const RIGHTS = { descriptions: true, tags: true, owners: false, reason: null };

describe('a table as its page shows it', () => {
  const table = AmundsenTableSchema.parse({
    database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders',
    columns: [
      { name: 'total', key: null, col_type: 'decimal', sort_order: 2 },
      { name: 'id', key: 'hive://gold.sales/orders/id', col_type: 'bigint', sort_order: 0 },
      { name: 'customer', key: null, col_type: 'bigint', sort_order: 1 },
    ],
    owners: [{ user_id: 'ann@example.org' }, { display_name: 'Nobody' }],
    table_readers: [{ user: { email: 'ben@example.org' }, read_count: 4 }, { user: { display_name: 'Nobody' }, read_count: 9 }],
  });

  it('passes the schema description the embedded catalog adds, and null where Amundsen sends none', () => {
    expect(toTableDetail(table, RIGHTS).schema_description).toBeNull();
    expect(toTableDetail({ ...table, schema_description: 'Orders and returns' }, RIGHTS).schema_description).toBe('Orders and returns');
  });

  it('builds a missing key, orders the columns and keys each column under the table, and keeps the rights', () => {
    const detail = toTableDetail(table, RIGHTS);
    expect(detail.key).toBe('hive://gold.sales/orders');
    expect(detail.columns.map((c) => [c.name, c.key])).toEqual([
      ['id', 'hive://gold.sales/orders/id'], ['customer', 'hive://gold.sales/orders/customer'], ['total', 'hive://gold.sales/orders/total'],
    ]);
    expect(table.columns.map((c) => c.name)).toEqual(['total', 'id', 'customer']);
    expect(detail).toMatchObject({ is_editable: true, edit_rights: RIGHTS });
    expect(toTableDetail({ ...table, key: 'hive://gold.sales/orders_v2' }, RIGHTS).columns[0]!.key).toBe('hive://gold.sales/orders/id');
  });

  it('leaves out owners and readers with neither id nor email, keeping each reader\'s count', () => {
    const detail = toTableDetail(table, RIGHTS);
    expect(detail.owners.map((o) => o.user_id)).toEqual(['ann@example.org']);
    expect(detail.table_readers.map((r) => [r.user.user_id, r.read_count])).toEqual([['ben@example.org', 4]]);
  });

  it('summarises a table as a table with its key built from its coordinates', () => {
    expect(toTableSummary({ database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', description: null })).toEqual({
      type: 'table', key: 'hive://gold.sales/orders', cluster: 'gold', database: 'hive', schema: 'sales', name: 'orders', description: null, schema_description: null,
    });
  });
});
