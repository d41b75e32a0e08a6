// The demo data as NDJSON ingest records (docs/ingest.md): the demo users, then every table with a
// `usage` record per reader. Sample input for `npm run catalog:ingest`, and the input of the ingest
// figures in docs/benchmarks.md. Dashboards and lineage stay in the catalog-file path only.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { buildTableKey } from '../store/catalog-records';
import { buildDemoUsers, countExtraDemoUsers, DEFAULT_DEMO_SEED, generateDemoTables } from './generate-demo-tables';

export interface DemoNdjsonResult {
  tables: number;
  records: number;
  bytes: number;
}

/** Writes `count` demo tables (and the users they name) to `path` as NDJSON, dated back from `now` (the clock's by default). */
export async function writeDemoNdjson(path: string, options: { count: number; seed?: number; now?: number }): Promise<DemoNdjsonResult> {
  const out = createWriteStream(path);
  let records = 0;
  let bytes = 0;
  let chunk = '';
  const push = async (record: object) => {
    chunk += `${JSON.stringify(record)}\n`;
    records++;
    if (chunk.length >= 1 << 20) await drain();
  };
  const drain = async () => {
    bytes += Buffer.byteLength(chunk);
    const more = out.write(chunk);
    chunk = '';
    if (!more) await once(out, 'drain');
  };
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async () => {
    for (const user of buildDemoUsers(countExtraDemoUsers(options.count))) await push({ type: 'user', ...user });
    let tables = 0;
    for (const table of generateDemoTables({ count: options.count, seed: options.seed ?? DEFAULT_DEMO_SEED, now: options.now })) {
      const { readers = [], ...rest } = table;
      await push({ type: 'table', ...rest });
      const key = buildTableKey(table);
      for (const r of readers) await push({ type: 'usage', table_key: key, user_email: r.user_id, read_count: r.read_count });
      tables++;
    }
    await drain();
    out.end();
    await once(out, 'finish');
    return { tables, records, bytes };
  };
  return Promise.race([write(), failed]);
}
