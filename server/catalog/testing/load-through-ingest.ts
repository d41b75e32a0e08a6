// Test support: fixture dashboards and lineage go in the way production data does — as ingest records,
// validated by the ingest schemas and applied by the ingest writer (parse-ingest-line.ts,
// write-ingest-records.ts) — so a fixture cannot hold what a real load could not. A record the ingest
// would reject fails the fixture, naming the record and the reason.
import type { CatalogDatabase } from '../store/open-catalog-database';
import { buildDashboardKey, type DashboardRecord } from '../store/catalog-records';
import { parseIngestLine } from '../ingest/parse-ingest-line';
import { createIngestWriter } from '../ingest/write-ingest-records';

export interface FixtureRelations {
  dashboards?: readonly DashboardRecord[];
  lineage?: { tables?: readonly [string, string][]; columns?: readonly [string, string][] };
}

/** The ingest records (NDJSON objects) of fixture dashboards, their viewers and lineage edges, in load order. */
export function toIngestRecords({ dashboards = [], lineage = {} }: FixtureRelations): object[] {
  const records: object[] = [];
  for (const d of dashboards) {
    const { dashboard_id, viewers, total_views, ...rest } = d;
    if (total_views !== undefined) throw new Error(`dashboard ${dashboard_id}: total_views is not in the ingest format; give viewers`);
    records.push({ type: 'dashboard', id: dashboard_id, ...rest });
  }
  for (const d of dashboards) {
    for (const v of d.viewers ?? []) {
      records.push({ type: 'usage', dashboard_key: buildDashboardKey(d), user_email: v.user_id, read_count: v.view_count });
    }
  }
  for (const [upstream, downstream] of lineage.tables ?? []) records.push({ type: 'lineage', upstream, downstream });
  for (const [upstream, downstream] of lineage.columns ?? []) records.push({ type: 'lineage', upstream, downstream, level: 'column' });
  return records;
}

/** Loads fixture dashboards and lineage through the ingest path, in one transaction, and indexes them. */
export function loadThroughIngest(db: CatalogDatabase, relations: FixtureRelations): void {
  const records = toIngestRecords(relations);
  if (!records.length) return;
  const writer = createIngestWriter(db);
  writer.runBatch(() => {
    for (const record of records) {
      const line = JSON.stringify(record);
      const parsed = parseIngestLine(line);
      if (!parsed.ok) throw new Error(`fixture record ${line} is not a valid ingest record: ${parsed.reason}`);
      try {
        writer.applyRecord(parsed.record);
      } catch (err) {
        throw new Error(`fixture record ${line} was rejected: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  });
  writer.refreshSearchIndex();
}
