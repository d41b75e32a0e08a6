// Imports a crawled database (read-postgres-schema.ts, read-sqlite-schema.ts) into the catalog: the
// include/exclude filter, the mapping (map-crawled-schema.ts), then compare, keep people's edits and
// write what changed as every importer does (../write-import.ts). What an import owns is kept per
// `{engine}://{cluster}`; tables of schemas outside this run's filter are neither compared nor pruned.
import { parseTableKey } from '../../../../contract/table-key';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import { parseLineageResourceKey } from '../import-state';
import { writeImport, type BadNode, type EntityCounts, type SkippedField } from '../write-import';
import type { DroppedEdit } from '../dropped-edits';
import type { KeyWarning } from '../key-warnings';
import type { PrunedEdit } from '../pruned-edits';
import type { PruneOptionStyle } from '../prune-guard';
import { count } from '../list-first';
import type { CrawledDatabase } from './crawled-schema';
import { DatabaseImportError } from './database-import-error';
import { mapCrawledRelations } from './map-crawled-schema';
import type { SchemaFilter } from './schema-filter';

export type DatabaseEngine = 'postgres' | 'sqlite';

export interface DatabaseImportOptions {
  engine: DatabaseEngine;
  /** Where the metadata came from, without secrets: `postgres://app@db:5432/shop`, a file path. */
  location: string;
  /** The keys' cluster; default the database's name. */
  cluster?: string;
  filter: SchemaFilter;
  /** How the caller names the include filter in messages: `--schema` (default), `schema` (HTTP). */
  schemaOption?: string;
  dryRun?: boolean;
  prune?: boolean;
  /** Confirms a prune of all the tables in view, or of more than half of many (../prune-guard.ts). */
  allowLargePrune?: boolean;
  /** How a refused prune names that option: `--allow-large-prune` (default) or `allow_large_prune=true`. */
  optionStyle?: PruneOptionStyle;
  importedBy: string;
  onProgress?: (message: string) => void;
  batchSize?: number;
  maxBatchMs?: number;
}

export interface DatabaseImportReport {
  source: DatabaseEngine;
  database: string;
  server: string;
  location: string;
  /** Every key starts with this: `postgres://{cluster}.`. */
  keyPrefix: string;
  filter: string;
  /**
   * `imported`: the schemas tables and views were read from; `empty`: those the filter includes that
   * have none; `leftOut`: those it leaves out; `unmatched`: the include globs that match no schema.
   */
  schemas: { imported: string[]; empty: string[]; leftOut: string[]; unmatched: string[] };
  dryRun: boolean;
  prune: boolean;
  tables: EntityCounts;
  /** The keys of the tables and views counted as `changed` (as the dbt report's `changed.tables`). */
  changed: { tables: string[] };
  /** With --prune, the keys of the tables and views counted as `removed` (a dry run: that it would remove). */
  removed: { tables: string[] };
  /** The fields of those tables whose value people wrote in Nansen: gone with them, kept in the edit log. */
  prunedEdits: PrunedEdit[];
  /** What NDJSON ingest would warn of the tables' keys (a key differing only in case from the catalog's, a name with "/"…). */
  keyWarnings: KeyWarning[];
  /** Views' lineage: an edge from each relation a view reads to the view (PostgreSQL). */
  lineage: EntityCounts;
  /** Of the tables read, how many are views (or materialized views). */
  views: number;
  skipped: SkippedField[];
  /** What people wrote on columns and nested fields the database no longer has: gone from the catalog, kept in the edit log. */
  dropped: DroppedEdit[];
  bad: BadNode[];
  searchIndex: 'refreshed' | 'rebuilt' | 'unchanged';
  durationMs: number;
}

/** `there are: public, sales`, for a --schema that matched none of them. */
export const describeSchemas = (schemas: readonly string[]) =>
  schemas.length === 0 ? 'there is none' : `there ${schemas.length === 1 ? 'is' : 'are'}: ${schemas.join(', ')}`;

/**
 * A misspelt --schema would import nothing and say so only in passing: when no include glob matches
 * a schema, a DatabaseImportError. Some of several matching: those that match none, for the report.
 */
export function checkSchemaFilter(filter: SchemaFilter, schemas: readonly string[], option = '--schema'): string[] {
  const unmatched = filter.unmatched(schemas);
  if (unmatched.length && unmatched.length === filter.unmatched([]).length) {
    throw new DatabaseImportError(`${option} ${unmatched.join(',')} matched no schema (${describeSchemas(schemas)})`);
  }
  return unmatched;
}

export async function importCrawledDatabase(
  db: CatalogDatabase, crawled: CrawledDatabase, options: DatabaseImportOptions, startedAt = performance.now(),
): Promise<DatabaseImportReport> {
  const progress = options.onProgress ?? (() => {});
  const unmatched = checkSchemaFilter(options.filter, crawled.schemas, options.schemaOption);
  const cluster = options.cluster ?? crawled.name;
  const relations = crawled.relations.filter((r) => options.filter.includes(r.schema));
  const mapped = mapCrawledRelations(relations, { engine: options.engine, cluster });
  const included = crawled.schemas.filter((s) => options.filter.includes(s));
  const withTables = new Set(relations.map((r) => r.schema));
  const imported = included.filter((s) => withTables.has(s));
  const views = mapped.tables.filter((t) => t.record.is_view).length;
  progress(
    `${options.engine}: read ${crawled.version} database "${crawled.name}" (${options.filter.describe()}): ` +
      `${count(mapped.tables.length, 'table or view', 'tables and views')} in ${count(imported.length, 'schema')}, ` +
      `${count(mapped.lineage.length, 'lineage edge')}, ${mapped.bad.length} bad`,
  );
  const scope = `${options.engine}://${cluster}`;
  const outcome = await writeImport(
    db,
    {
      scope,
      tables: mapped.tables,
      lineage: mapped.lineage,
      dashboards: [],
      bad: mapped.bad,
      // A table, or a view's lineage edge, in a schema this run's filter leaves out.
      outOfView: (r) => {
        const key = r.resource_type === 'lineage' ? parseLineageResourceKey(r.resource_key).downstream : r.resource_key;
        return !options.filter.includes(parseTableKey(key)?.schema ?? '');
      },
    },
    {
      dryRun: options.dryRun,
      prune: options.prune,
      allowLargePrune: options.allowLargePrune,
      optionStyle: options.optionStyle,
      importedBy: options.importedBy,
      onProgress: options.onProgress,
      label: options.engine,
      log: { resource_key: scope, field: `${options.engine} import`, details: { location: options.location, filter: options.filter.describe() } },
      batchSize: options.batchSize,
      maxBatchMs: options.maxBatchMs,
    },
  );
  return {
    source: options.engine,
    database: crawled.name,
    server: crawled.version,
    location: options.location,
    keyPrefix: `${scope}.`,
    filter: options.filter.describe(),
    schemas: { imported, empty: included.filter((s) => !withTables.has(s)), leftOut: crawled.schemas.filter((s) => !options.filter.includes(s)), unmatched },
    dryRun: options.dryRun ?? false,
    prune: options.prune ?? false,
    tables: outcome.tables,
    changed: { tables: outcome.changed.tables },
    removed: { tables: outcome.removed.tables },
    prunedEdits: outcome.prunedEdits,
    keyWarnings: outcome.keyWarnings,
    lineage: outcome.lineage,
    views,
    skipped: outcome.skipped,
    dropped: outcome.dropped,
    bad: outcome.bad,
    searchIndex: outcome.searchIndex,
    durationMs: Math.round(performance.now() - startedAt),
  };
}
