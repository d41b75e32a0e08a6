// How long an unchanged dbt re-import takes when every table has a struct column and some nested
// fields carry descriptions or badges people edited (the import's guard reads and compares them,
// decisions 047 and 057):
//   npx tsx server/catalog/bench/reimport-nested.ts [--models 3000] [--edits 200] [--badges 0] [--runs 3]
// A generated project (server/catalog/import/dbt/generate-dbt-project.ts, 500 sources) whose every
// catalog.json entry gets a 9-node struct column is imported into a fresh file, `--edits` nested
// fields are described by a person and `--badges` others get a badge from a person, then the
// re-import is timed `--runs` times (CPU seconds of this process, as wall time varies with the
// machine's load). BENCH_ROOT=/path/to/another/checkout times that checkout's code instead (to
// compare before and after a change). A benchmark, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { models: { type: 'string', default: '3000' }, edits: { type: 'string', default: '200' }, badges: { type: 'string', default: '0' }, runs: { type: 'string', default: '3' } } });
const root = resolve(process.env.BENCH_ROOT ?? join(import.meta.dirname, '../../..'));
const STRUCT = 'struct<a:int,b:array<struct<c:string,d:map<string,int>>>,e:string>';

async function main(): Promise<void> {
  const { createCatalogStore } = await import(`${root}/server/catalog/store/create-catalog-store.ts`);
  const { generateDbtProject } = await import(`${root}/server/catalog/import/dbt/generate-dbt-project.ts`);
  const { importDbtProject } = await import(`${root}/server/catalog/import/dbt/import-dbt-project.ts`);
  const { parseCatalog, parseManifest } = await import(`${root}/server/catalog/import/dbt/read-dbt-artifacts.ts`);
  const dir = mkdtempSync(join(tmpdir(), 'nansen-reimport-nested-'));
  const store = createCatalogStore(join(dir, 'catalog.sqlite'));
  try {
    const project = generateDbtProject({ models: Number(values.models), sources: 500 });
    const entries = [...Object.values(project.catalog.nodes), ...Object.values(project.catalog.sources)] as { columns: Record<string, unknown> }[];
    for (const entry of entries) entry.columns.NESTED = { type: STRUCT, index: 999, name: 'NESTED' };
    const run = () => {
      const { manifest, version } = parseManifest(structuredClone(project.manifest));
      return importDbtProject(store.db, { manifest, version, catalog: parseCatalog(structuredClone(project.catalog)) },
        { database: 'snowflake', nameFrom: 'name', tagsAs: 'tag', importedBy: 'cli:bench' });
    };
    await run();
    const keys = store.db.prepare("SELECT key FROM type_metadata WHERE name = 'c' LIMIT ?").pluck().all(Number(values.edits)) as string[];
    for (const key of keys) store.resources.setDescription({ type: 'type_metadata', key }, 'Edited by a person.', 'bench@example.org');
    const badged = store.db.prepare("SELECT key FROM type_metadata WHERE name = 'e' LIMIT ?").pluck().all(Number(values.badges)) as string[];
    for (const key of badged) store.resources.addBadge({ type: 'type_metadata', key }, { badge_name: 'pii', category: 'column' }, 'bench@example.org');
    const times: string[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const before = process.cpuUsage();
      const report = await run();
      const used = process.cpuUsage(before);
      if (report.tables.added || report.tables.changed) throw new Error(`the re-import wrote tables: ${JSON.stringify(report.tables)}`);
      times.push(((used.user + used.system) / 1e6).toFixed(2));
    }
    console.log(`${root}: ${entries.length} tables with a struct column, ${keys.length} nested fields described, ${badged.length} badged; unchanged re-import, CPU s: ${times.join(' ')}`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
