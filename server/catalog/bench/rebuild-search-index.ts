// Times a full search index rebuild (`rebuildAll`) of an existing catalog file, and prints a digest
// of what it wrote, so two versions of the rebuild can be compared on the same data:
//   npx tsx server/catalog/bench/rebuild-search-index.ts --db COPY.db [--runs 3] [--digest]
// It rewrites the file's search index: run it on a copy.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { createSearchIndexMaintainer } from '../store/search-index';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '1' }, digest: { type: 'boolean' } } });
if (!values.db) throw new Error('give --db FILE (a copy: its search index is rewritten)');

const db = openCatalogDatabase(values.db);
const maintainer = createSearchIndexMaintainer(db);
for (let run = 0; run < Number(values.runs); run++) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  maintainer.rebuildAll();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  process.stdout.write(`rebuildAll: ${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (user ${(used.user / 1e6).toFixed(2)}, system ${(used.system / 1e6).toFixed(2)})\n`);
}
if (values.digest) {
  const queries: Record<string, string> = {
    table_search: 'SELECT * FROM table_search ORDER BY doc_id',
    dashboard_search: 'SELECT * FROM dashboard_search ORDER BY doc_id',
    user_search: 'SELECT * FROM user_search ORDER BY doc_id',
    search_vocabulary: 'SELECT * FROM search_vocabulary ORDER BY term',
  };
  for (const fts of ['table_name_fts', 'table_text_fts', 'dashboard_search_fts', 'user_search_fts']) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${fts}_rows USING fts5vocab(main, ${fts}, 'row')`);
    queries[`${fts} (terms)`] = `SELECT term, doc, cnt FROM temp.${fts}_rows ORDER BY term`;
  }
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.table_name_fts_cols USING fts5vocab(main, table_name_fts, 'col')`);
  queries['table_name_fts (terms by column)'] = 'SELECT term, col, doc, cnt FROM temp.table_name_fts_cols ORDER BY term, col';
  for (const [name, sql] of Object.entries(queries)) {
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(sql).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      rows++;
    }
    process.stdout.write(`${name}: ${rows} rows, ${hash.digest('hex').slice(0, 16)}\n`);
  }
}
db.close();
