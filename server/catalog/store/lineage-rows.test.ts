import { describe, expect, it } from 'vitest';
import type { CatalogDatabase } from './open-catalog-database';
import { tempCatalogDatabases } from '../testing/temp-catalog-databases';
import { createLineageRows } from './lineage-rows';

const catalogs = tempCatalogDatabases('lineage-rows-');
let db: CatalogDatabase;
const open = () => {
  db = catalogs.open();
  return createLineageRows(db);
};
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('lineage rows', () => {
  it('keeps one edge when the same edge is added twice, table and column edges apart', () => {
    const rows = open();
    rows.addEdge('table', 'hive://gold.s/a', 'hive://gold.s/b');
    rows.addEdge('table', 'hive://gold.s/a', 'hive://gold.s/b');
    rows.addEdge('column', 'hive://gold.s/a/id', 'hive://gold.s/b/id');
    expect([count('table_lineage'), count('column_lineage')]).toEqual([1, 1]);
    expect(rows.hasEdge('table', 'hive://gold.s/a', 'hive://gold.s/b')).toBe(true);
    expect(rows.hasEdge('table', 'hive://gold.s/b', 'hive://gold.s/a')).toBe(false);
    expect(rows.hasEdge('column', 'hive://gold.s/a', 'hive://gold.s/b')).toBe(false);
  });

  it('removes an edge and says whether there was one', () => {
    const rows = open();
    rows.addEdge('table', 'hive://gold.s/a', 'outside://x');
    expect(rows.removeEdge('table', 'hive://gold.s/a', 'outside://x')).toBe(true);
    expect(rows.removeEdge('table', 'hive://gold.s/a', 'outside://x')).toBe(false);
    expect(count('table_lineage')).toBe(0);
  });
});
