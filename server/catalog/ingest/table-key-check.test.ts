// The key check's look-up of another spelling must use migration 10's partial index: without it, each
// table record of a load would scan every table (an ingest twenty times slower on 20 000 tables).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { OTHER_CASE_SQL } from './table-key-check';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-key-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the look-up of a key\'s other spelling', () => {
  it('searches the index of keys not in lower case, not the tables', () => {
    const db = openCatalogDatabase(join(dir, 'catalog.sqlite'));
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${OTHER_CASE_SQL}`).all('hive://gold.core/orders', 'hive://gold.core/orders') as { detail: string }[];
      expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/^SEARCH tables USING INDEX tables_by_other_case \(<expr>=\?\)$/)]);
    } finally {
      db.close();
    }
  });
});
