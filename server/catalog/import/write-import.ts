// What every importer shares once it has mapped its source to ingest records: compare each table,
// dashboard and lineage edge with what the catalog holds, keep fields people edited through the API,
// write only what changed as ingest records through the NDJSON ingest path (ingest-ndjson.ts), so the
// catalog's rules and the search index refresh apply as for any ingest, and with `prune` delete what
// an earlier import of the same scope produced and the source no longer has. A re-run of the same
// source writes nothing; `dryRun` reports the same figures and writes nothing.
import { createEditLog, type EditRecord } from '../store/edit-log';
import { createCatalogOverview } from '../store/read-catalog-overview';
import type { CatalogDatabase } from '../store/open-catalog-database';
import type { BadgeRecord } from '../store/catalog-records';
import { ingestNdjson, type IngestProgress } from '../ingest/ingest-ndjson';
import type { DashboardIngestRecord, TableIngestRecord } from '../ingest/ingest-record-schemas';
import { createCatalogStateReader, sortBadges, type CatalogStateReader, type HumanEdit, type ProtectedField } from './read-catalog-state';
import { createImportState, lineageResourceKey, parseLineageResourceKey, type FieldMark, type OwnedResource } from './import-state';
import { removeImportedResources } from './remove-imported-resources';
import {
  badgedNestedFields, badgedNestedFieldsNow, carryNestedBadges, carryNestedDescriptions, describedNestedFields, describedNestedFieldsNow,
  type NestedFieldOutcome,
} from './carry-nested-fields';
import { findDroppedEdits, type DroppedEdit, type GoneNestedFields } from './dropped-edits';
import { findPrunedEdits, type PrunedEdit, type RemovedKeys } from './pruned-edits';
import { createTableKeyCheck } from '../ingest/table-key-check';
import { checkImportedKey, type KeyWarning } from './key-warnings';
import { checkPruneSize, type PruneOptionStyle } from './prune-guard';

/** A table, dashboard or bad object, with the id the source knows it by (dbt's unique_id, `schema.table`). */
export interface ImportedTable {
  uniqueId: string;
  key: string;
  record: TableIngestRecord;
}

export interface ImportedDashboard {
  uniqueId: string;
  key: string;
  record: DashboardIngestRecord;
}

export interface BadNode {
  uniqueId: string;
  reason: string;
}

export interface ImportedSource {
  /** What an import owns is kept per scope: a dbt project, `postgres://{cluster}`, … */
  scope: string;
  tables: ImportedTable[];
  lineage: { upstream: string; downstream: string }[];
  dashboards: ImportedDashboard[];
  /** Objects left out this time; what an earlier import made of them stays. */
  bad: BadNode[];
  /** Owned resources this import did not look at (e.g. schemas outside a filter): kept, never pruned. */
  outOfView?: (resource: OwnedResource) => boolean;
}

export interface WriteImportOptions {
  dryRun?: boolean;
  prune?: boolean;
  /**
   * Confirms a prune that would remove all the scope's tables, or more than half of many: without it
   * such a prune throws PruneRefusedError before anything is written (prune-guard.ts).
   */
  allowLargePrune?: boolean;
  /** How that refusal names the options: `--allow-large-prune` (default) or `allow_large_prune=true`. */
  optionStyle?: PruneOptionStyle;
  /** The scope in words for that refusal, e.g. `dbt project "acme"`; default the scope. */
  scopeName?: string;
  /** Who imports (the edit log's user_id for the import's summary entry), e.g. `cli:alice`. */
  importedBy: string;
  /** Progress messages for long runs, e.g. `dbt: …` (the CLI prints them on stderr). */
  onProgress?: (message: string) => void;
  /** The progress lines' prefix, e.g. `dbt`, `postgres`. */
  label: string;
  /**
   * The import's edit-log entry: `resource_key` (e.g. `dbt:{project}`, `postgres://{cluster}`; it
   * starts with one of IMPORT_EDITOR_PREFIXES), `field` and details. The fields the import changes on
   * resources the catalog had are logged too, with that `resource_key` as their editor.
   */
  log: { resource_key: string; field: string; details?: Record<string, unknown> };
  /** Ingest transaction bounds (ingest-ndjson.ts); the CLI uses the ingest CLI's. */
  batchSize?: number;
  maxBatchMs?: number;
}

export interface EntityCounts {
  added: number;
  changed: number;
  unchanged: number;
  /** Deleted because they disappeared from the source (`prune`). */
  removed: number;
  /** Gone from the source but kept, as `prune` was not given. */
  disappeared: number;
}

export interface SkippedField {
  resource_key: string;
  /** `type_metadata`: a nested field of a column (a struct's field, …), by its type_metadata key. */
  resource_type: 'table' | 'column' | 'type_metadata' | 'dashboard';
  field: ProtectedField;
  /** Who edited it through the API (the edit log's user_id). */
  edited_by: string;
  /** The value kept (the person's) and the one the import brought. */
  kept: unknown;
  imported: unknown;
}

export interface ImportOutcome {
  tables: EntityCounts;
  dashboards: EntityCounts;
  lineage: EntityCounts;
  skipped: SkippedField[];
  /**
   * What people wrote on columns and nested fields the source no longer has, gone with the tables
   * written (or that a dry run would write); the edit log keeps each person's entry (dropped-edits.ts).
   */
  dropped: DroppedEdit[];
  /** The source's bad objects and any record the ingest rejected. */
  bad: BadNode[];
  /** The keys of the tables and dashboards counted as `changed` (for the report to name them). */
  changed: { tables: string[]; dashboards: string[] };
  /** With `prune`, the keys of the tables and dashboards counted as `removed` (a dry run: that it would remove). */
  removed: RemovedKeys;
  /**
   * The fields of those whose value people wrote (the edit log's latest edit is a person's): gone with
   * them; the edit log keeps each person's entry (pruned-edits.ts).
   */
  prunedEdits: PrunedEdit[];
  /** What NDJSON ingest warns of a table's key (key-warnings.ts), for each table of the source, a dry run's too. */
  keyWarnings: KeyWarning[];
  searchIndex: 'refreshed' | 'rebuilt' | 'unchanged';
}

export const emptyCounts = (): EntityCounts => ({ added: 0, changed: 0, unchanged: 0, removed: 0, disappeared: 0 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const badgeNames = (badges: readonly BadgeRecord[] | undefined) =>
  (badges ?? []).map((b) => `${b.badge_name}|${b.category}`).sort();

/** Keeps the person's value of each protected field; notes every field the import writes. */
class EditGuard {
  readonly skipped: SkippedField[] = [];
  readonly written: FieldMark[] = [];
  constructor(
    private readonly humanEdits: Map<string, HumanEdit>,
    private readonly marks: Map<string, number>,
    private readonly mark: number,
  ) {}

  /** The value to write: `current` when a person edited the field after the import last wrote it. */
  resolve<T>(resource_type: SkippedField['resource_type'], resource_key: string, field: ProtectedField, imported: T, current: T | undefined): T {
    const edit = this.humanEdits.get(`${resource_key}\n${field}`);
    const lastWritten = this.marks.get(`${resource_key}\n${field}`) ?? 0;
    if (current !== undefined && edit && edit.id > lastWritten) {
      if (!same(current, imported)) this.skipped.push({ resource_key, resource_type, field, edited_by: edit.user_id, kept: current, imported });
      return current;
    }
    this.written.push({ resource_key, field, mark: this.mark });
    return imported;
  }

  /** The person's edit of a field when it is newer than the import's last write of it: the catalog holds the person's value. */
  personsEdit(resource_key: string, field: ProtectedField): HumanEdit | undefined {
    const edit = this.humanEdits.get(`${resource_key}\n${field}`);
    return edit && edit.id > (this.marks.get(`${resource_key}\n${field}`) ?? 0) ? edit : undefined;
  }

  /**
   * `resolve` of a field only when a person edited it: a table has many columns, a column may have
   * thousands of nested fields, so only the fields a person edited are looked at and marked. That
   * decides the same: a mark only ever counts against an edit older than it, and a field with no
   * edit now can only get newer ones.
   */
  resolveEdited<T>(resource_type: SkippedField['resource_type'], resource_key: string, field: ProtectedField, imported: T, current: T | undefined): T {
    if (!this.humanEdits.has(`${resource_key}\n${field}`)) return imported;
    return this.resolve(resource_type, resource_key, field, imported, current);
  }
}

/**
 * A guarded table record, with the nested fields whose text (`nested`) or badges (`nestedBadges`) it
 * sets or the catalog held, by column name, and what people wrote that writing it drops.
 */
interface GuardedTable {
  record: TableIngestRecord;
  nested: Map<string, NestedFieldOutcome[]>;
  nestedBadges: Map<string, NestedFieldOutcome<BadgeRecord[]>[]>;
  dropped: DroppedEdit[];
}

function guardTable(table: ImportedTable, current: ReturnType<CatalogStateReader['table']>, guard: EditGuard): GuardedTable {
  const record = { ...table.record };
  const nested = new Map<string, NestedFieldOutcome[]>();
  const nestedBadges = new Map<string, NestedFieldOutcome<BadgeRecord[]>[]>();
  const goneNested = new Map<string, GoneNestedFields>();
  record.description = guard.resolve('table', table.key, 'description', record.description ?? null, current?.description);
  if (record.tags) record.tags = guard.resolve('table', table.key, 'tag', record.tags, current?.tags);
  if (record.badges) record.badges = guard.resolve('table', table.key, 'badge', sortBadges(record.badges), current?.badges);
  if (record.owners) record.owners = guard.resolve('table', table.key, 'owner', record.owners, current?.owners);
  record.columns = record.columns.map((column) => {
    const key = `${table.key}/${column.name}`;
    const before = current?.columns.find((c) => c.name === column.name);
    const description = guard.resolve('column', key, 'description', column.description ?? null, before?.description);
    const badges = guard.resolveEdited('column', key, 'badge', sortBadges(column.badges), before?.badges);
    const withBadges = column.badges || badges.length ? { badges } : {};
    const carried = carryNestedDescriptions(table.key, { ...column, description, ...withBadges }, current?.nested.get(column.name),
      (nestedKey, imported, now) => guard.resolveEdited('type_metadata', nestedKey, 'description', imported, now));
    if (carried.fields.length) nested.set(column.name, carried.fields);
    const carriedBadges = carryNestedBadges(table.key, carried.column, current?.nestedBadges.get(column.name),
      (nestedKey, imported, now) => guard.resolveEdited('type_metadata', nestedKey, 'badge', imported, now));
    if (carriedBadges.fields.length) nestedBadges.set(column.name, carriedBadges.fields);
    if (carried.gone.length || carriedBadges.gone.length) goneNested.set(column.name, { description: carried.gone, badge: carriedBadges.gone });
    return carriedBadges.column;
  });
  const dropped = current ? findDroppedEdits(table.key, current, record.columns, goneNested, (key, field) => guard.personsEdit(key, field)) : [];
  return { record, nested, nestedBadges, dropped };
}

const statProjection = (s: { stat_type: string; stat_val: string | null; start_epoch?: number | null; end_epoch?: number | null }) =>
  ({ stat_type: s.stat_type, stat_val: s.stat_val, start_epoch: s.start_epoch ?? null, end_epoch: s.end_epoch ?? null });

// Tags, badges, owners, column stats and programmatic descriptions are compared only when the source
// gives them (a database crawl brings no owners, a dbt import no stats; the ingest keeps absent lists).
// Nested-field descriptions and badges are compared as `[key, text]` and `[key, badges]` lists, left
// out when a column has none.
function tableProjection({ record: r, nested, nestedBadges }: GuardedTable) {
  return {
    description: r.description ?? null,
    description_source: r.description_source ?? null,
    is_view: r.is_view ?? false,
    source: r.source ? `${r.source.source_type} ${r.source.source}` : null,
    columns: r.columns.map((c, i) => ({
      name: c.name, col_type: c.col_type, description: c.description ?? null, sort_order: c.sort_order ?? i, badges: badgeNames(c.badges),
      ...(c.stats ? { stats: c.stats.map(statProjection).sort((a, b) => a.stat_type.localeCompare(b.stat_type)) } : {}),
      ...nestedProjection(describedNestedFields(nested.get(c.name) ?? [])),
      ...nestedBadgeProjection(badgedNestedFields(nestedBadges.get(c.name) ?? [])),
    })),
    ...(r.tags ? { tags: [...r.tags].sort() } : {}),
    ...(r.badges ? { badges: badgeNames(r.badges) } : {}),
    ...(r.owners ? { owners: [...r.owners].sort() } : {}),
    ...(r.programmatic_descriptions
      ? { programmatic_descriptions: [...r.programmatic_descriptions].sort((a, b) => a.source.localeCompare(b.source)) }
      : {}),
  };
}

const nestedProjection = (described: [string, string][]) => (described.length ? { nested: described } : {});
const nestedBadgeProjection = (badged: [string, BadgeRecord[]][]) =>
  (badged.length ? { nestedBadges: badged.map(([key, badges]) => [key, badgeNames(badges)]) } : {});

function currentTableProjection(c: NonNullable<ReturnType<CatalogStateReader['table']>>, r: TableIngestRecord) {
  const withStats = new Set(r.columns.filter((col) => col.stats).map((col) => col.name));
  return {
    description: c.description,
    description_source: c.description_source,
    is_view: c.is_view,
    source: c.source,
    columns: [...c.columns]
      .sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name))
      .map(({ stats, badges, ...col }) => ({
        ...col, badges: badgeNames(badges), ...(withStats.has(col.name) ? { stats: stats.map(statProjection) } : {}),
        ...nestedProjection(describedNestedFieldsNow(c.nested.get(col.name))),
        ...nestedBadgeProjection(badgedNestedFieldsNow(c.nestedBadges.get(col.name))),
      })),
    ...(r.tags ? { tags: c.tags } : {}),
    ...(r.badges ? { badges: badgeNames(c.badges) } : {}),
    ...(r.owners ? { owners: c.owners } : {}),
    ...(r.programmatic_descriptions ? { programmatic_descriptions: c.programmatic_descriptions } : {}),
  };
}

function guardDashboard(dashboard: ImportedDashboard, current: ReturnType<CatalogStateReader['dashboard']>, guard: EditGuard) {
  const record = { ...dashboard.record };
  record.description = guard.resolve('dashboard', dashboard.key, 'description', record.description ?? null, current?.description);
  record.tags = guard.resolve('dashboard', dashboard.key, 'tag', record.tags ?? [], current?.tags);
  record.owners = guard.resolve('dashboard', dashboard.key, 'owner', record.owners ?? [], current?.owners);
  return record;
}

const dashboardProjection = (r: DashboardIngestRecord) => ({
  name: r.name, url: r.url ?? null, description: r.description ?? null, group_name: r.group_name ?? null,
  owners: [...(r.owners ?? [])].sort(), tags: [...(r.tags ?? [])].sort(), tables: [...(r.tables ?? [])].sort(),
});

type FieldEdit = Omit<EditRecord, 'user_id'>;
type CurrentTable = NonNullable<ReturnType<CatalogStateReader['table']>>;
type CurrentDashboard = NonNullable<ReturnType<CatalogStateReader['dashboard']>>;

/** The description, tag, badge and owner changes a write makes to a table the catalog has, as edit-log entries. */
function tableEdits(key: string, current: CurrentTable, { record, nested, nestedBadges }: GuardedTable): FieldEdit[] {
  const edits: FieldEdit[] = [];
  const edit = (resource_type: 'table' | 'column' | 'type_metadata', resource_key: string, field: string, before: unknown, after: unknown) => {
    if (!same(before, after)) edits.push({ resource_key, parent_key: key, resource_type, action: 'update', field, before, after });
  };
  edit('table', key, 'description', current.description, record.description ?? null);
  if (record.tags) edit('table', key, 'tag', current.tags, [...record.tags].sort());
  if (record.badges) edit('table', key, 'badge', current.badges, sortBadges(record.badges));
  if (record.owners) edit('table', key, 'owner', current.owners, [...record.owners].sort());
  for (const column of record.columns) {
    const before = current.columns.find((c) => c.name === column.name);
    if (!before) continue;
    edit('column', `${key}/${column.name}`, 'description', before.description, column.description ?? null);
    edit('column', `${key}/${column.name}`, 'badge', before.badges, sortBadges(column.badges));
    // A nested field the catalog does not list had no description or badges (or was not there).
    for (const field of nested.get(column.name) ?? []) edit('type_metadata', field.key, 'description', field.current ?? null, field.written);
    for (const field of nestedBadges.get(column.name) ?? []) edit('type_metadata', field.key, 'badge', field.current ?? [], field.written);
  }
  return edits;
}

function dashboardEdits(key: string, current: CurrentDashboard, record: DashboardIngestRecord): FieldEdit[] {
  const edits: FieldEdit[] = [];
  const edit = (field: string, before: unknown, after: unknown) => {
    if (!same(before, after)) edits.push({ resource_key: key, parent_key: key, resource_type: 'dashboard', action: 'update', field, before, after });
  };
  edit('description', current.description, record.description ?? null);
  edit('tag', current.tags, [...(record.tags ?? [])].sort());
  edit('owner', current.owners, [...(record.owners ?? [])].sort());
  return edits;
}

export async function writeImport(db: CatalogDatabase, source: ImportedSource, options: WriteImportOptions): Promise<ImportOutcome> {
  const progress = options.onProgress ?? (() => {});
  const label = options.label;
  const reader = createCatalogStateReader(db);
  const state = createImportState(db);
  const guard = new EditGuard(reader.humanEdits(), state.fieldMarks(), reader.logMark());
  const tables = emptyCounts();
  const dashboards = emptyCounts();
  const lineage = emptyCounts();
  // Ingest records to write, with the object each came from (to name it if the ingest rejects it).
  const writes: {
    uniqueId: string; key: string; line: string; kind: 'table' | 'dashboard' | 'lineage'; added: boolean; edits?: FieldEdit[]; dropped?: DroppedEdit[];
  }[] = [];

  // A bad object is still in the source, only unreadable this time: what an earlier import made of
  // it stays — its table, the edges at either end of it, its place in dashboards.
  const badIds = new Set(source.bad.map((b) => b.uniqueId));
  const previously = state.owned(source.scope);
  const badTableKeys = new Set(previously.filter((r) => r.resource_type === 'table' && badIds.has(r.unique_id)).map((r) => r.resource_key));
  const heldByBadNode = (r: OwnedResource) => {
    if (badIds.has(r.unique_id)) return true;
    if (r.resource_type !== 'lineage') return false;
    const { upstream, downstream } = parseLineageResourceKey(r.resource_key);
    return badTableKeys.has(upstream) || badTableKeys.has(downstream);
  };
  const outOfView = source.outOfView ?? (() => false);

  const keyCheck = createTableKeyCheck(db);
  const keyWarnings: KeyWarning[] = [];
  let lastProgress = performance.now();
  source.tables.forEach((table, i) => {
    checkImportedKey(keyCheck, table.record, table.key, keyWarnings, table.uniqueId);
    const current = reader.table(table.key);
    const guarded = guardTable(table, current, guard);
    const { record } = guarded;
    if (current && same(tableProjection(guarded), currentTableProjection(current, record))) {
      tables.unchanged += 1;
    } else {
      writes.push({
        uniqueId: table.uniqueId, key: table.key, line: JSON.stringify(record), kind: 'table', added: !current,
        edits: current && tableEdits(table.key, current, guarded), dropped: guarded.dropped,
      });
      tables[current ? 'changed' : 'added'] += 1;
    }
    if (performance.now() - lastProgress > 1000) {
      lastProgress = performance.now();
      progress(`${label}: compared ${i + 1} of ${source.tables.length} tables with the catalog`);
    }
  });
  const byKey = new Map(source.tables.map((t) => [t.key, t.uniqueId]));
  for (const edge of source.lineage) {
    if (reader.hasLineage(edge.upstream, edge.downstream)) {
      lineage.unchanged += 1;
    } else {
      lineage.added += 1;
      writes.push({
        uniqueId: byKey.get(edge.downstream) ?? edge.downstream, key: lineageResourceKey(edge.upstream, edge.downstream),
        line: JSON.stringify({ type: 'lineage', ...edge }), kind: 'lineage', added: true,
      });
    }
  }
  for (const dashboard of source.dashboards) {
    const current = reader.dashboard(dashboard.key);
    const record = guardDashboard(dashboard, current, guard);
    const badTables = current?.tables.filter((key) => badTableKeys.has(key)) ?? [];
    if (badTables.length) record.tables = [...new Set([...(record.tables ?? []), ...badTables])].sort();
    if (current && same(dashboardProjection(record), { ...current, tables: [...current.tables] })) {
      dashboards.unchanged += 1;
    } else {
      writes.push({ uniqueId: dashboard.uniqueId, key: dashboard.key, line: JSON.stringify(record), kind: 'dashboard', added: !current, edits: current && dashboardEdits(dashboard.key, current, record) });
      dashboards[current ? 'changed' : 'added'] += 1;
    }
  }

  // What an earlier import of this scope produced and this one does not.
  const produced = new Set<string>([
    ...source.tables.map((t) => `table\n${t.key}`),
    ...source.dashboards.map((d) => `dashboard\n${d.key}`),
    ...source.lineage.map((e) => `lineage\n${lineageResourceKey(e.upstream, e.downstream)}`),
  ]);
  const held = (r: OwnedResource) => heldByBadNode(r) || outOfView(r);
  const gone = previously.filter((r) => !produced.has(`${r.resource_type}\n${r.resource_key}`) && !held(r));
  const countsOf = { table: tables, dashboard: dashboards, lineage } as const;
  for (const r of gone) countsOf[r.resource_type][options.prune ? 'removed' : 'disappeared'] += 1;
  const removedKeys = (kind: 'table' | 'dashboard') => (options.prune ? gone.filter((r) => r.resource_type === kind).map((r) => r.resource_key) : []);
  const removed: RemovedKeys = { tables: removedKeys('table'), dashboards: removedKeys('dashboard') };
  // An empty or cut-short source would empty the scope: refused unless confirmed, a dry run too (it says what the run would do).
  if (options.prune) {
    const heldTables = previously.filter((r) => r.resource_type === 'table' && !held(r)).length;
    checkPruneSize({ held: heldTables, removing: removed.tables, scopeName: options.scopeName ?? source.scope, style: options.optionStyle }, options.allowLargePrune ?? false);
  }
  // Read before the prune deletes them: the edit log outlives the rows, the import's marks are read now.
  const prunedEdits = findPrunedEdits(db, removed, (key, field) => guard.personsEdit(key, field));
  const goneSet = new Set(gone);
  const kept = previously.filter((r) => !produced.has(`${r.resource_type}\n${r.resource_key}`) && (held(r) || (!options.prune && goneSet.has(r))));

  const bad = [...source.bad];
  /** Indexes in `writes` of the records the ingest rejected. */
  const rejected = new Set<number>();
  let searchIndex: ImportOutcome['searchIndex'] = 'unchanged';
  if (!options.dryRun) {
    const removing = options.prune ? gone.length : 0;
    progress(writes.length || removing
      ? `${label}: writing ${writes.length} new or changed records${removing ? `, removing ${removing}` : ''}`
      : `${label}: the catalog is up to date: nothing to write`);
    const summary = await ingestNdjson(db, writes.map((w) => `${w.line}\n`), {
      batchSize: options.batchSize,
      maxBatchMs: options.maxBatchMs,
      onProgress: (p: IngestProgress) => {
        if (p.phase === 'loading') progress(`${label}: ${p.recordsLoaded} of ${writes.length} records written, ${p.recordsRejected} rejected`);
        else if (p.phase === 'indexing' && writes.length) progress(`${label}: records written; refreshing the search index…`);
      },
    });
    searchIndex = summary.searchIndex;
    // The ingest's own checks should find nothing the mapping did not; if they do, name the object.
    for (const r of summary.rejected) {
      const write = writes[r.line - 1];
      rejected.add(r.line - 1);
      bad.push({ uniqueId: write.uniqueId, reason: r.reason });
      const counts = countsOf[write.kind];
      counts[write.added ? 'added' : 'changed'] -= 1;
    }
    const written = writes.filter((_, i) => !rejected.has(i));
    const droppedNow = written.flatMap((w) => w.dropped ?? []);
    const owned: OwnedResource[] = [
      ...source.tables.map((t) => ({ resource_type: 'table' as const, resource_key: t.key, unique_id: t.uniqueId })),
      ...source.dashboards.map((d) => ({ resource_type: 'dashboard' as const, resource_key: d.key, unique_id: d.uniqueId })),
      ...source.lineage.map((e) => ({
        resource_type: 'lineage' as const, resource_key: lineageResourceKey(e.upstream, e.downstream), unique_id: byKey.get(e.downstream) ?? e.downstream,
      })),
      ...kept,
    ];
    // Skipped fields alone write nothing (a re-run must change nothing); they are in the report.
    const changedSomething = written.length > 0 || (options.prune && gone.length > 0);
    db.transaction(() => {
      if (options.prune) removeImportedResources(db, gone);
      const ownedKey = (r: OwnedResource) => `${r.resource_type}\n${r.resource_key}\n${r.unique_id}`;
      const sameOwned = owned.length === previously.length && new Set([...owned, ...previously].map(ownedKey)).size === owned.length;
      if (!sameOwned) state.saveOwned(source.scope, owned);
      if (written.length) state.saveFieldMarks(guard.written);
      // The fields the import changed on resources the catalog had, in their histories (not those of new ones).
      const editLog = createEditLog(db);
      for (const w of written) for (const edit of w.edits ?? []) editLog.record({ ...edit, user_id: options.log.resource_key });
      if (changedSomething) {
        createEditLog(db).record({
          resource_key: options.log.resource_key,
          resource_type: 'ingest',
          action: 'update',
          field: options.log.field,
          before: null,
          after: {
            ...options.log.details, tables, dashboards, lineage,
            skipped: guard.skipped.slice(0, 100), skippedCount: guard.skipped.length,
            dropped: droppedNow.slice(0, 100), droppedCount: droppedNow.length, badCount: bad.length,
            ...(options.prune ? {
              removed: { tables: removed.tables.slice(0, 100), dashboards: removed.dashboards.slice(0, 100) },
              prunedEdits: prunedEdits.slice(0, 100), prunedEditCount: prunedEdits.length,
            } : {}),
          },
          user_id: options.importedBy,
        });
        createCatalogOverview(db).setLatestUpdatedTimestamp(Math.floor(Date.now() / 1000));
      }
    }).immediate();
    // A pruned table's or dashboard's search document goes with it (cascade and trigger).
    if (options.prune && searchIndex === 'unchanged' && gone.some((r) => r.resource_type !== 'lineage')) searchIndex = 'refreshed';
  }
  const changedKeys = (kind: 'table' | 'dashboard') => writes.filter((w, i) => w.kind === kind && !w.added && !rejected.has(i)).map((w) => w.key);
  // A dry run reports what writing would drop; a record the ingest rejected dropped nothing.
  const dropped = writes.filter((_, i) => !rejected.has(i)).flatMap((w) => w.dropped ?? []);
  return {
    tables, dashboards, lineage, skipped: guard.skipped, dropped, bad,
    changed: { tables: changedKeys('table'), dashboards: changedKeys('dashboard') }, removed, prunedEdits, keyWarnings, searchIndex,
  };
}
