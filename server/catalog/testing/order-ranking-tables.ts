// Tables whose ranking for "orders", "order_id" and the like the search tests pin (decision 071).
// Popularity is steered with readers; `customers` leads every ranking, as in the demo catalog, and
// mentions orders and ids in its text without having an order_id column; `order_items` says "orders"
// in its description only.
import { makeReaders, makeTable } from './open-test-catalog';

export const ORDER_RANKING_TABLES = [
  makeTable('hive://gold.core/customers', {
    readers: makeReaders(30),
    description: 'One row per customer, with the net order value since sign-up',
    columns: [{ name: 'customer_id', col_type: 'bigint' }, { name: 'lifetime_value', col_type: 'decimal' }],
  }),
  makeTable('hive://gold.sales/orders', {
    readers: makeReaders(20),
    description: 'All orders, one row per order',
    columns: [{ name: 'order_id', col_type: 'bigint', description: 'Unique id of the order' }, { name: 'customer_id', col_type: 'bigint' }],
  }),
  makeTable('hive://gold.sales/order_items', {
    readers: makeReaders(5),
    description: 'The lines of all orders',
    columns: [{ name: 'Order_ID', col_type: 'bigint' }, { name: 'sku', col_type: 'string' }],
  }),
  makeTable('hive://silver.sales/orders', { readers: makeReaders(1) }),
  makeTable('hive://gold.ops/order_id_map', { columns: [{ name: 'legacy_id', col_type: 'bigint' }] }),
  makeTable('snowflake://prod.archive/orders', { readers: makeReaders(40), description: 'Orders before 2019' }),
];
