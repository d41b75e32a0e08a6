// What does the Edits tab's count cost? `npx tsx server/catalog/bench/edit-count.ts` (-- --edits 1000000)
//
// Fills a catalog file in a temp folder with an edit log of `--edits` rows (a fifth by one person, a
// tenth on one table, the rest spread over 5 000 people and 20 000 tables; every fifth a bookmark,
// which histories leave out), then times, 20 runs each, the statements GET /edits?with_total=true
// runs for a profile and a table history: the count and the first page. Once with the indexes of
// migration 7 (by editor and by parent, then id) and once with migration 8's (resource_type after id).
// Prints the median and max of each, and each statement's query plan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEditLog, type EditFilter, type EditResourceType } from '../store/edit-log';
import { MIGRATIONS } from '../store/migrations';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { loadAverage } from './bench-app';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '1000000' } } });
const total = Number(values.edits);
const dir = mkdtempSync(join(tmpdir(), 'edit-count-bench-'));
const db = openCatalogDatabase(join(dir, 'catalog.db'), MIGRATIONS.filter((m) => m.version <= 7));
try {
  const insert = db.prepare(`INSERT INTO edit_log (resource_key, parent_key, resource_type, action, field, before, after, user_id, edited_at)
    VALUES (?, ?, ?, 'update', 'description', '"a"', '"b"', ?, ?)`);
  const types: EditResourceType[] = ['table', 'column', 'type_metadata', 'dashboard', 'user'];
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const type = types[i % 5]!;
      const table = i % 10 === 1 ? 'hive://gold.core/hot' : `hive://gold.core/t${i % 20000}`;
      insert.run(type === 'column' ? `${table}/c` : table, type === 'user' ? null : table, type, i % 5 === 0 ? 'heavy@x.org' : `u${i % 5000}@x.org`, now);
    }
  })();
  const log = createEditLog(db);
  const cases: [string, EditFilter][] = [
    ['profile, 200 000-edit person', { userId: 'heavy@x.org', resourceTypes: ['table', 'column', 'type_metadata', 'dashboard'] }],
    ['profile, ~200-edit person', { userId: 'u1@x.org', resourceTypes: ['table', 'column', 'type_metadata', 'dashboard'] }],
    ['table history, 100 000 edits', { parentKey: 'hive://gold.core/hot', resourceTypes: ['table', 'column', 'type_metadata'] }],
  ];
  const time = (run: () => unknown) => {
    run();
    const times = Array.from({ length: 20 }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    }).sort((a, b) => a - b);
    return `median ${times[10]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`;
  };
  const plan = (column: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM edit_log e WHERE e.${column} = ? AND e.resource_type IN (SELECT value FROM json_each(?))`).all('x', '[]') as { detail: string }[])
      .map((r) => r.detail).join(' | ');
  const report = (label: string) => {
    console.log(`${label}\n  count plan (editor): ${plan('user_id')}\n  count plan (parent): ${plan('parent_key')}`);
    for (const [name, filter] of cases) {
      console.log(`  ${name}: count ${log.count(filter)} in ${time(() => log.count(filter))}; first page (26) in ${time(() => log.list({ ...filter, limit: 26 }))}`);
    }
  };
  console.log(`${total} edits; load average ${loadAverage()}`);
  report('indexes of migration 7');
  const start = performance.now();
  db.exec(MIGRATIONS.find((m) => m.version === 8)!.sql);
  console.log(`migration 8 on ${total} edits: ${(performance.now() - start).toFixed(0)} ms`);
  report('indexes of migration 8');
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
