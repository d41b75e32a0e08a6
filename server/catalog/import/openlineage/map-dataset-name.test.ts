import { describe, expect, it } from 'vitest';
import { parseTableKey } from '../../../../contract/table-key';
import { DatasetNameError, mapDatasetName } from './map-dataset-name';

describe('OpenLineage dataset names as Amundsen table keys', () => {
  it.each([
    // [namespace, name, key] — namespaces and names as the OpenLineage naming conventions form them
    ['postgres://db.example.com:5432', 'shop.public.orders', 'postgres://shop.public/orders'],
    ['postgresql://db.example.com:5432', 'Shop.Public.Orders', 'postgres://shop.public/orders'],
    ['redshift://analytics.eu-west-1:5439', 'dev.marts.fct_orders', 'redshift://dev.marts/fct_orders'],
    ['snowflake://acme-analytics', 'ANALYTICS.MARTS.FCT_ORDERS', 'snowflake://analytics.marts/fct_orders'],
    ['bigquery', 'my-project.sales.orders', 'bigquery://my-project.sales/orders'],
    ['trino://trino.internal:8080', 'hive.web.clicks', 'trino://hive.web/clicks'],
    ['awsathena://athena.us-east-1.amazonaws.com', 'awsdatacatalog.logs.requests', 'athena://awsdatacatalog.logs/requests'],
    ['mysql://mysql.internal:3306', 'shop.customers', 'mysql://mysql.internal.shop/customers'],
    ['hive://metastore:9083', 'web.clicks', 'hive://metastore.web/clicks'],
    ['sqlserver://synapse.example.net:1433', 'dbo.sales', 'mssql://synapse.example.net.dbo/sales'],
    ['arn:aws:glue:us-east-1:123456789012', 'table/sales/orders', 'glue://123456789012.sales/orders'],
    ['s3://data-lake', 'raw/events/2024/part-0.parquet', 's3://data-lake.raw/events/2024/part-0.parquet'],
    ['s3a://Data-Lake', 'Raw/Events', 's3://data-lake.Raw/Events'],
    ['gs://bucket', 'orders.csv', 'gs://bucket.default/orders.csv'],
    ['file', '/home/ana/data/orders.csv', 'file://local.home/ana/data/orders.csv'],
    ['kafka://broker.internal:9092', 'orders', 'kafka://broker.internal.default/orders'],
    ['postgres://db:5432', 'shop.public.orders.v2', 'postgres://shop.public/orders.v2'],
  ])('%s + %s → %s', (namespace, name, key) => {
    const mapped = mapDatasetName(namespace, name);
    expect(mapped.key).toBe(key);
    // The catalog's ingest and the SPA's key parser read the same parts back.
    expect(parseTableKey(mapped.key)).not.toBeNull();
    expect(parseTableKey(mapped.key)).toEqual({ database: mapped.database, cluster: mapped.cluster, schema: mapped.schema, name: mapped.name });
  });

  it('names the field it cannot use', () => {
    expect(() => mapDatasetName('not a namespace', 'a.b.c')).toThrow(DatasetNameError);
    try {
      mapDatasetName('postgres://db:5432', 'shop..orders');
    } catch (error) {
      expect(error).toMatchObject({ field: 'name', message: 'the schema part is empty' });
    }
    expect.assertions(2);
  });
});
