import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { authAs, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';

const TABLE = "hive://gold.core/busy's table";
const opened: TestCatalog[] = [];
afterEach(() => {
  for (const c of opened.splice(0).reverse()) c.cleanup();
});

async function tagsAndOwners(catalog: TestCatalog) {
  const res = await request(catalog.metadataApp).get(`/table/${encodeURIComponent(TABLE)}`).set(...authAs('reader@example.org'));
  return {
    tags: (res.body.tags as { tag_name: string }[]).map((t) => t.tag_name),
    owners: (res.body.owners as { user_id: string }[]).map((u) => u.user_id),
  };
}

describe('concurrent metadata writes', () => {
  it('lose nothing when two catalogs on one file take 50 tag PUTs and 50 owner PUTs interleaved', async () => {
    const first = openTestCatalog({ tables: [makeTable(TABLE)] });
    opened.push(first);
    const second = openTestCatalog({ dbPath: first.dbPath });
    opened.push(second);
    const path = `/table/${encodeURIComponent(TABLE)}`;
    const writes = Array.from({ length: 50 }, (_, i) => {
      const app = (i % 2 ? first : second).metadataApp;
      const other = (i % 2 ? second : first).metadataApp;
      return [
        request(app).put(`${path}/tag/t${i}`).set(...authAs(`writer${i}@example.org`)),
        request(other).put(`${path}/owner/owner${i}@example.org`).set(...authAs(`writer${i}@example.org`)),
      ];
    }).flat();
    const results = await Promise.all(writes);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));

    for (const catalog of [first, second]) {
      const { tags, owners } = await tagsAndOwners(catalog);
      expect(tags).toHaveLength(50);
      expect(owners).toHaveLength(50);
    }
    const log = (await request(first.metadataApp).get(`/edits?resource_key=${encodeURIComponent(TABLE)}&limit=500`).set(...authAs('x@example.org'))).body.edits;
    expect(log).toHaveLength(100);
    // Each entry's before/after are consecutive states: the lists grow by exactly one each time.
    const tagEdits = log.filter((e: { field: string }) => e.field === 'tag').reverse();
    tagEdits.forEach((e: { before: string[]; after: string[] }, i: number) => {
      expect(e.before).toHaveLength(i);
      expect(e.after).toHaveLength(i + 1);
    });
    expect(new Set(log.map((e: { user_id: string }) => e.user_id)).size).toBe(50);
  });

  it('lose nothing when three processes write to the same file at once (BEGIN IMMEDIATE + busy_timeout)', async () => {
    const catalog = openTestCatalog({ tables: [makeTable(TABLE)] });
    opened.push(catalog);
    const worker = fileURLToPath(new URL('../testing/run-edit-worker.ts', import.meta.url));
    const run = promisify(execFile);
    await Promise.all(['p1', 'p2', 'p3'].map((prefix) =>
      run(process.execPath, ['--import', 'tsx', worker, catalog.dbPath, TABLE, prefix, '60'], { timeout: 60_000 })));
    const { tags, owners } = await tagsAndOwners(catalog);
    expect(tags).toHaveLength(180);
    expect(owners).toHaveLength(180);
    const log = (await request(catalog.metadataApp).get('/edits?limit=500').set(...authAs('x@example.org'))).body.edits;
    expect(log).toHaveLength(360);
  }, 90_000);
});
