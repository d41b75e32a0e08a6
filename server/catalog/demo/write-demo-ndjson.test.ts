import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { ingestNdjson } from '../ingest/ingest-ndjson';
import { writeDemoNdjson } from './write-demo-ndjson';

let dir: string;
let db: CatalogDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-demo-ndjson-'));
  db = openCatalogDatabase(join(dir, 'catalog.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writeDemoNdjson', () => {
  it('writes demo users, tables and their usage as NDJSON that ingest loads without a rejection', async () => {
    const path = join(dir, 'demo.ndjson');
    const written = await writeDemoNdjson(path, { count: 40 });
    const text = readFileSync(path, 'utf8');
    expect(written.tables).toBe(40);
    expect(written.bytes).toBe(Buffer.byteLength(text));
    expect(text.trimEnd().split('\n')).toHaveLength(written.records);

    const summary = await ingestNdjson(db, [text]);
    expect(summary.rejected).toEqual([]);
    expect(summary.loaded.table).toBe(40);
    expect(summary.loaded.usage).toBe(written.records - 40 - summary.loaded.user);
    expect(db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(40);
    // Usage became readers, and readers became popularity.
    expect(db.prepare('SELECT count(*) FROM tables WHERE popularity > 0').pluck().get()).toBeGreaterThan(20);
  });

  it('counts the times back from the now it is given (decision 112)', async () => {
    const path = join(dir, 'demo.ndjson');
    const now = Date.parse('2026-12-08T01:37:00Z') / 1000;
    await writeDemoNdjson(path, { count: 40, now });
    const tables = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; name?: string; last_updated_timestamp?: number })
      .filter((r) => r.type === 'table');
    expect(tables.find((t) => t.name === 'customers')!.last_updated_timestamp).toBe(now - 47 * 60);
    for (const t of tables) expect(now - t.last_updated_timestamp!).toBeGreaterThan(0);
    for (const t of tables) expect(now - t.last_updated_timestamp!).toBeLessThanOrEqual(90 * 86_400);
  });
});
