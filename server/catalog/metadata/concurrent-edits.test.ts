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

interface Edit { field: string; action: string; before: string[]; after: string[]; user_id: string }

describe('concurrent metadata writes', () => {
  // Not a race test. In one process nothing can interleave inside a write: better-sqlite3 is
  // synchronous and each handler runs its BEGIN IMMEDIATE transaction to completion before the event
  // loop takes the next request, so the two connections below never contend for the lock (the
  // multi-process test further down is the one that does). What this pins is that two catalog
  // instances on one file stay in step when 100 HTTP writes over real sockets alternate between
  // them: neither serves state of its own that the other's writes made stale, and every edit-log
  // entry's `before` is exactly the previous entry's `after` — which would break if a write ever read
  // its "before" outside its transaction (e.g. across an await) or from an instance cache.
  it('keeps two catalogs on one file in step through 100 alternating HTTP writes: final state and edit log add up exactly', async () => {
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

    // Lists come back sorted by name (code-unit order, as SQLite's BINARY collation sorts).
    const expectedTags = Array.from({ length: 50 }, (_, i) => `t${i}`).sort();
    const expectedOwners = Array.from({ length: 50 }, (_, i) => `owner${i}@example.org`).sort();
    for (const catalog of [first, second]) {
      expect(await tagsAndOwners(catalog)).toEqual({ tags: expectedTags, owners: expectedOwners });
    }

    const log = (await request(second.metadataApp).get(`/edits?resource_key=${encodeURIComponent(TABLE)}&limit=500`)
      .set(...authAs('x@example.org'))).body.edits as Edit[];
    expect(log).toHaveLength(100);
    const chronological = [...log].reverse();
    for (const [field, expected, added] of [
      ['tag', expectedTags, (i: number) => `t${i}`],
      ['owner', expectedOwners, (i: number) => `owner${i}@example.org`],
    ] as const) {
      const edits = chronological.filter((e) => e.field === field);
      expect(edits).toHaveLength(50);
      let state: string[] = [];
      for (const edit of edits) {
        // Each entry is one add, by the writer whose request added that value, on top of the state
        // the previous entry left.
        const writer = Number(/^writer(\d+)@/.exec(edit.user_id)?.[1]);
        expect(edit.action).toBe('add');
        expect(edit.before).toEqual(state);
        state = [...state, added(writer)].sort();
        expect(edit.after).toEqual(state);
      }
      expect(state).toEqual(expected);
      expect(new Set(edits.map((e) => e.user_id)).size).toBe(50);
    }
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

  it('never lets a conditional description write overwrite a text it did not read, with three processes racing', async () => {
    const catalog = openTestCatalog({ tables: [makeTable(TABLE, { description: 'start' })] });
    opened.push(catalog);
    const worker = fileURLToPath(new URL('../testing/run-description-worker.ts', import.meta.url));
    const run = promisify(execFile);
    const outcomes = await Promise.all(['p1', 'p2', 'p3'].map(async (prefix) =>
      JSON.parse((await run(process.execPath, ['--import', 'tsx', worker, catalog.dbPath, TABLE, prefix, '60'], { timeout: 60_000 })).stdout) as
        { saved: number; stale: number }));
    const saved = outcomes.reduce((sum, o) => sum + o.saved, 0);
    expect(outcomes.reduce((sum, o) => sum + o.saved + o.stale, 0)).toBe(180);

    const log = ((await request(catalog.metadataApp).get(`/edits?resource_key=${encodeURIComponent(TABLE)}&limit=500`)
      .set(...authAs('x@example.org'))).body.edits as { before: string; after: string }[]).reverse();
    expect(log).toHaveLength(saved);
    // Each saved text names the text it was based on: that is exactly the text it replaced.
    let current = 'start';
    for (const edit of log) {
      expect(edit.before).toBe(current);
      expect(edit.after.slice(edit.after.indexOf(' after ') + ' after '.length)).toBe(current);
      current = edit.after;
    }
  }, 90_000);
});
