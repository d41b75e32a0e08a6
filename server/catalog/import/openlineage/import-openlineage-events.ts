// Loads read OpenLineage events (read-openlineage-event.ts) into the catalog: each dataset becomes a
// table (created when new), its facets set its columns, description and owners, and each input →
// output pair of a run — over all its events, those of earlier requests included (merge-run-events.ts,
// openlineage-run-memory.ts) — or of a job becomes a table lineage edge. Events are partial — a dataset that comes
// without a facet keeps what the catalog has for it — so each table is compared with the catalog's
// and only tables and edges that are new or differ are written, as ingest records through the NDJSON
// ingest path (ingest-ndjson.ts): the catalog's rules and the search index refresh apply as for any
// ingest, and a re-post of the same events writes nothing. Descriptions and owners people edited
// through the metadata API are never overwritten (the report lists what was kept); what people wrote
// on a column or nested field an event's schema no longer has goes, and the report lists it (`dropped`).
import { createEditLog } from '../../store/edit-log';
import { createCatalogOverview } from '../../store/read-catalog-overview';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import type { TableIngestRecord } from '../../ingest/ingest-record-schemas';
import { ingestNdjson } from '../../ingest/ingest-ndjson';
import { createCatalogStateReader, type CurrentTable } from '../read-catalog-state';
import { carryNestedBadges, carryNestedDescriptions } from '../carry-nested-fields';
import { findDroppedEdits, type DroppedEdit, type GoneNestedFields, type PersonsEdit } from '../dropped-edits';
import { createImportState } from '../import-state';
import type { EventDataset, ReadEvent } from './read-openlineage-event';
import { mergeRunEvents, type RunWarning } from './merge-run-events';
import { createRunMemory, RUN_MEMORY_LIMITS } from './openlineage-run-memory';
import { createTableKeyCheck } from '../../ingest/table-key-check';
import { checkImportedKey, type KeyWarning } from '../key-warnings';

export interface OpenLineageImportOptions {
  /** Who sent the events (the edit log's user_id): the person's email or the machine client's id. */
  importedBy: string;
  /** Compare and report, write nothing. */
  dryRun?: boolean;
}

export interface KeptEdit {
  resource_key: string;
  resource_type: 'table' | 'column';
  field: 'description' | 'owner';
  edited_by: string;
  kept: unknown;
  imported: unknown;
}

export interface OpenLineageImportReport {
  events: number;
  dryRun: boolean;
  tables: { added: number; changed: number; unchanged: number };
  lineage: { added: number; unchanged: number };
  /** Column lineage edges (the `columnLineage` facet). */
  columnLineage: { added: number; unchanged: number };
  /** Fields people edited through the API, kept over what the events say. */
  kept: KeptEdit[];
  /**
   * What people wrote on columns (a schema facet without them) and nested fields (a column's new type
   * without them) of the tables written: gone from the catalog, kept in the edit log.
   */
  dropped: DroppedEdit[];
  /** Ownership entries that name no person (`team:…`, `application:…`), by table key. */
  ignoredOwners: { resource_key: string; owners: string[] }[];
  /** Runs whose lineage is incomplete: one that ended with outputs but no known inputs, one with too many datasets to remember. */
  warnings: RunWarning[];
  /** What NDJSON ingest warns of a table's key (../key-warnings.ts), for each dataset of the events, a dry run's too. */
  keyWarnings: KeyWarning[];
  /** Records the ingest refused (should not happen: named for the operator). */
  failed: { resource_key: string; reason: string }[];
  searchIndex: 'refreshed' | 'rebuilt' | 'unchanged';
  durationMs: number;
}

/** What the events say of one table, facets merged in event order (a later event's facet wins). */
interface DatasetState {
  dataset: EventDataset;
  columns?: EventDataset['columns'];
  description?: string;
  owners?: string[];
  ignoredOwners: Set<string>;
}

type IngestColumn = TableIngestRecord['columns'][number];

function mergeDatasets(events: readonly ReadEvent[]): Map<string, DatasetState> {
  const byKey = new Map<string, DatasetState>();
  for (const event of events) {
    for (const dataset of event.datasets) {
      let state = byKey.get(dataset.key);
      if (!state) byKey.set(dataset.key, (state = { dataset, ignoredOwners: new Set() }));
      if (dataset.columns !== undefined) state.columns = dataset.columns;
      if (dataset.description !== undefined) state.description = dataset.description;
      if (dataset.owners !== undefined) state.owners = dataset.owners;
      for (const owner of dataset.ignoredOwners) state.ignoredOwners.add(owner);
    }
  }
  return byKey;
}

/** What the catalog keeps of a table that a table record would otherwise replace. */
function createTableExtrasReader(db: CatalogDatabase) {
  const row = db.prepare('SELECT id, last_updated_timestamp FROM tables WHERE key = ?');
  const stats = db.prepare(`SELECT c.name, s.stat_type, s.stat_val, s.start_epoch, s.end_epoch, s.is_metric
    FROM columns c JOIN column_stats s ON s.column_id = c.id WHERE c.table_id = ?`);
  return (key: string) => {
    const table = row.get(key) as { id: number; last_updated_timestamp: number | null } | undefined;
    const statsByColumn = new Map<string, NonNullable<IngestColumn['stats']>>();
    if (table) {
      for (const s of stats.all(table.id) as { name: string; stat_type: string; stat_val: string | null; start_epoch: number | null; end_epoch: number | null; is_metric: number | null }[]) {
        const list = statsByColumn.get(s.name) ?? [];
        list.push({ stat_type: s.stat_type, stat_val: s.stat_val, start_epoch: s.start_epoch, end_epoch: s.end_epoch, is_metric: s.is_metric === null ? null : s.is_metric === 1 });
        statsByColumn.set(s.name, list);
      }
    }
    return { lastUpdated: table?.last_updated_timestamp ?? null, statsByColumn };
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const projectColumns = (columns: { name: string; col_type: string; description?: string | null; sort_order?: number }[]) =>
  columns
    .map((c) => ({ name: c.name, col_type: c.col_type, description: c.description ?? null, sort_order: c.sort_order ?? 0 }))
    .sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name));

export async function importOpenLineageEvents(db: CatalogDatabase, events: readonly ReadEvent[], options: OpenLineageImportOptions): Promise<OpenLineageImportReport> {
  const started = performance.now();
  const reader = createCatalogStateReader(db);
  const readExtras = createTableExtrasReader(db);
  const humanEdits = reader.humanEdits();
  const kept: KeptEdit[] = [];
  const report: OpenLineageImportReport = {
    events: events.length, dryRun: options.dryRun ?? false, tables: { added: 0, changed: 0, unchanged: 0 }, lineage: { added: 0, unchanged: 0 }, columnLineage: { added: 0, unchanged: 0 },
    kept, dropped: [], ignoredOwners: [], warnings: [], keyWarnings: [], failed: [], searchIndex: 'unchanged', durationMs: 0,
  };

  // Before anything is awaited, in one transaction: what earlier requests said of these runs, merged
  // with these events and (unless a dry run) remembered, so a concurrent request for the same run
  // sees this one's datasets.
  const memory = createRunMemory(db);
  const runs = db.transaction(() => {
    const now = Date.now();
    const merged = mergeRunEvents(events, (runId) => memory.recall(runId, now));
    if (!options.dryRun) {
      for (const run of memory.remember(merged.runs.values(), now)) {
        merged.warnings.push({ run_id: run.runId, job: run.job, reason: `the run named ${run.inputs.length} inputs and ${run.outputs.length} outputs; `
          + `the catalog remembers the first ${RUN_MEMORY_LIMITS.maxDatasetsPerSide} of each, so a later event of the run pairs only with those` });
      }
    }
    return merged;
  }).immediate();
  report.warnings.push(...runs.warnings);

  /** The person's value when a person edited the field through the API; else the imported one. */
  const guard = <T>(resource_type: KeptEdit['resource_type'], resource_key: string, field: KeptEdit['field'], imported: T, current: T | undefined): T => {
    const edit = humanEdits.get(`${resource_key}\n${field}`);
    if (current === undefined || !edit) return imported;
    if (!same(current, imported)) kept.push({ resource_key, resource_type, field, edited_by: edit.user_id, kept: current, imported });
    return current;
  };

  // A person's edit newer than an import's last write of the field (dbt, a crawl): the catalog holds the person's value.
  const marks = createImportState(db).fieldMarks();
  const personsEdit: PersonsEdit = (resource_key, field) => {
    const edit = humanEdits.get(`${resource_key}\n${field}`);
    return edit && edit.id > (marks.get(`${resource_key}\n${field}`) ?? 0) ? edit : undefined;
  };

  const writes: { key: string; line: string; kind: 'table' | 'lineage' | 'columnLineage'; added: boolean; dropped?: DroppedEdit[] }[] = [];
  const hasColumnLineage = db.prepare('SELECT 1 FROM column_lineage WHERE upstream_key = ? AND downstream_key = ?');
  const keyCheck = createTableKeyCheck(db);
  for (const [key, state] of mergeDatasets(events)) {
    checkImportedKey(keyCheck, state.dataset, key, report.keyWarnings);
    if (state.ignoredOwners.size) report.ignoredOwners.push({ resource_key: key, owners: [...state.ignoredOwners] });
    const current = reader.table(key);
    const { record, dropped } = buildTableRecord(state, current, current ? readExtras(key) : undefined, guard, personsEdit);
    if (current && same(
      { description: record.description ?? null, columns: projectColumns(record.columns), owners: record.owners ? [...record.owners].sort() : current.owners },
      { description: current.description, columns: projectColumns(current.columns), owners: current.owners },
    )) {
      report.tables.unchanged += 1;
      continue;
    }
    report.tables[current ? 'changed' : 'added'] += 1;
    writes.push({ key, line: JSON.stringify(record), kind: 'table', added: !current, dropped });
  }
  for (const [upstream, downstream] of runs.edges) {
    if (reader.hasLineage(upstream, downstream)) {
      report.lineage.unchanged += 1;
    } else {
      report.lineage.added += 1;
      writes.push({ key: downstream, line: JSON.stringify({ type: 'lineage', upstream, downstream }), kind: 'lineage', added: true });
    }
  }

  const columnEdges = new Set<string>();
  for (const event of events) {
    for (const [upstream, downstream] of event.columnEdges) {
      const id = `${upstream}\n${downstream}`;
      if (columnEdges.has(id)) continue;
      columnEdges.add(id);
      if (hasColumnLineage.get(upstream, downstream) !== undefined) {
        report.columnLineage.unchanged += 1;
      } else {
        report.columnLineage.added += 1;
        writes.push({ key: downstream, line: JSON.stringify({ type: 'lineage', level: 'column', upstream, downstream }), kind: 'columnLineage', added: true });
      }
    }
  }

  const rejected = new Set<number>();
  if (writes.length > 0 && !options.dryRun) {
    const summary = await ingestNdjson(db, writes.map((w) => `${w.line}\n`));
    report.searchIndex = summary.searchIndex;
    for (const r of summary.rejected) {
      const write = writes[r.line - 1];
      rejected.add(r.line - 1);
      report.failed.push({ resource_key: write.key, reason: r.reason });
      if (write.kind === 'table') report.tables[write.added ? 'added' : 'changed'] -= 1;
      else report[write.kind].added -= 1;
    }
    // A dry run reports what writing would drop; a record the ingest rejected dropped nothing.
    report.dropped = writes.filter((_, i) => !rejected.has(i)).flatMap((w) => w.dropped ?? []);
    if (summary.rejectedCount < writes.length) {
      db.transaction(() => {
        createEditLog(db).record({
          resource_key: 'openlineage',
          resource_type: 'ingest',
          action: 'update',
          field: 'openlineage events',
          before: null,
          after: { events: events.length, tables: report.tables, lineage: report.lineage, columnLineage: report.columnLineage, kept: kept.slice(0, 100), keptCount: kept.length,
            dropped: report.dropped.slice(0, 100), droppedCount: report.dropped.length },
          user_id: options.importedBy,
        });
        createCatalogOverview(db).setLatestUpdatedTimestamp(Math.floor(Date.now() / 1000));
      }).immediate();
    }
  }
  if (options.dryRun) report.dropped = writes.flatMap((w) => w.dropped ?? []);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

type Guard = <T>(resource_type: KeptEdit['resource_type'], resource_key: string, field: KeptEdit['field'], imported: T, current: T | undefined) => T;

/**
 * The table record to write: the catalog's table with what the events say on top. Everything a table
 * record replaces and the events do not give (view flag, source, timestamps, column badges and stats)
 * is carried over, and so are the descriptions and badges of nested fields its columns' types still
 * have; lists it leaves out (tags, badges, watermarks …) the ingest keeps.
 */
function buildTableRecord(
  state: DatasetState,
  current: CurrentTable | undefined,
  extras: ReturnType<ReturnType<typeof createTableExtrasReader>> | undefined,
  guard: Guard,
  personsEdit: PersonsEdit,
): { record: TableIngestRecord; dropped: DroppedEdit[] } {
  const { dataset } = state;
  const key = dataset.key;
  const currentColumns = new Map((current?.columns ?? []).map((c) => [c.name, c]));
  const carried = (name: string) => {
    const before = currentColumns.get(name);
    return {
      ...(before?.badges.length ? { badges: before.badges } : {}),
      ...(extras?.statsByColumn.get(name) ? { stats: extras.statsByColumn.get(name) } : {}),
    };
  };
  let columns: IngestColumn[];
  if (state.columns === undefined) {
    columns = (current?.columns ?? []).map((c) => ({ name: c.name, col_type: c.col_type, description: c.description, sort_order: c.sort_order, ...carried(c.name) }));
  } else {
    columns = state.columns.map((c, i) => {
      const before = currentColumns.get(c.name);
      const description = c.description === null
        ? (before?.description ?? null)
        : guard('column', `${key}/${c.name}`, 'description', c.description, before?.description ?? undefined);
      const nested = c.nested.length ? { nested_fields: c.nested.map(({ path, description }) => ({ path, description })) } : {};
      return { name: c.name, col_type: c.type ?? 'unknown', description, sort_order: c.ordinalPosition ?? i + 1, ...carried(c.name), ...nested };
    });
  }
  // Nested-field descriptions an event gives (nested schema fields) fill only fields the catalog has no
  // text for; events give no badges: each field the column's type still has keeps the catalog's.
  const keepCatalogs = <V>(_key: string, imported: V, now: V | undefined): V => (now === undefined ? imported : now);
  const goneNested = new Map<string, GoneNestedFields>();
  columns = columns.map((c) => {
    const described = carryNestedDescriptions(key, c, current?.nested.get(c.name), (_key, imported, now) => now ?? imported);
    const badged = carryNestedBadges(key, described.column, current?.nestedBadges.get(c.name), keepCatalogs);
    if (described.gone.length || badged.gone.length) goneNested.set(c.name, { description: described.gone, badge: badged.gone });
    return badged.column;
  });
  const dropped = current ? findDroppedEdits(key, current, columns, goneNested, personsEdit) : [];
  const description = state.description === undefined
    ? (current?.description ?? null)
    : guard('table', key, 'description', state.description.trim() || null, current?.description ?? undefined);
  const owners = state.owners === undefined ? undefined : guard('table', key, 'owner', [...state.owners].sort(), current?.owners);
  const [sourceType, ...sourceUrl] = current?.source?.split(' ') ?? [];
  const record = {
    type: 'table',
    database: dataset.database,
    cluster: dataset.cluster,
    schema: dataset.schema,
    name: dataset.name,
    description,
    description_source: current?.description_source ?? null,
    is_view: current?.is_view ?? false,
    last_updated_timestamp: extras?.lastUpdated ?? null,
    source: sourceType && sourceUrl.length ? { source_type: sourceType, source: sourceUrl.join(' ') } : null,
    columns,
    ...(owners ? { owners } : {}),
  } as TableIngestRecord;
  return { record, dropped };
}
