import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from './open-catalog-database';
import { createLineageRows } from './lineage-rows';

let dir: string;
let db: CatalogDatabase;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});
const open = () => {
  dir = mkdtempSync(join(tmpdir(), 'lineage-rows-'));
  db = openCatalogDatabase(join(dir, 'catalog.db'));
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
