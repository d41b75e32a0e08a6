import { afterEach, describe, expect, it } from 'vitest';
import { makeTable, openTestCatalog, type TestCatalog } from './open-test-catalog';
import { toIngestRecords } from './load-through-ingest';
import { openCatalogDatabase } from '../store/open-catalog-database';

const dashboard = {
  product: 'mode', cluster: 'prod', group_id: 'ops', group_name: 'Ops', dashboard_id: 'kpis', name: 'KPIs',
  tables: ['hive://gold.core/orders'], viewers: [{ user_id: 'ann@example.org', view_count: 4 }],
};

let catalog: TestCatalog | undefined;
afterEach(() => catalog?.cleanup());

describe('fixture dashboards and lineage', () => {
  it('become the ingest records production loads: the dashboard, then its viewers as usage, then lineage edges', () => {
    expect(toIngestRecords({ dashboards: [dashboard], lineage: { tables: [['a://x.s/t', 'hive://gold.core/orders']], columns: [['a://x.s/t/id', 'hive://gold.core/orders/id']] } }))
      .toEqual([
        { type: 'dashboard', id: 'kpis', product: 'mode', cluster: 'prod', group_id: 'ops', group_name: 'Ops', name: 'KPIs', tables: ['hive://gold.core/orders'] },
        { type: 'usage', dashboard_key: 'mode_dashboard://prod.ops/kpis', user_email: 'ann@example.org', read_count: 4 },
        { type: 'lineage', upstream: 'a://x.s/t', downstream: 'hive://gold.core/orders' },
        { type: 'lineage', upstream: 'a://x.s/t/id', downstream: 'hive://gold.core/orders/id', level: 'column' },
      ]);
  });

  it('are loaded and readable like ingested ones', () => {
    catalog = openTestCatalog({ tables: [makeTable('hive://gold.core/orders')], dashboards: [dashboard], lineage: { tables: [['a://x.s/t', 'hive://gold.core/orders']] } });
    const db = openCatalogDatabase(catalog.dbPath);
    try {
      expect(db.prepare('SELECT count(*) FROM dashboard_viewers').pluck().get()).toBe(1);
      expect(db.prepare('SELECT upstream_key, downstream_key FROM table_lineage').all())
        .toEqual([{ upstream_key: 'a://x.s/t', downstream_key: 'hive://gold.core/orders' }]);
    } finally {
      db.close();
    }
  });

  it('fail the fixture, naming the record, where the ingest would reject it (a table not in the catalog)', () => {
    expect(() => openTestCatalog({ dashboards: [dashboard] })).toThrow(/fixture record .*"kpis".* was rejected: unknown table "hive:\/\/gold\.core\/orders"/);
  });
});
