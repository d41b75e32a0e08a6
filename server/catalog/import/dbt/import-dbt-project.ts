// Imports a dbt project's artifacts into the catalog: maps them (map-dbt-project.ts), then compares,
// keeps people's edits and writes what changed as every importer does (../write-import.ts). A re-run
// of the same artifacts writes nothing. `prune` deletes what an earlier import of the same project
// produced and the project no longer has; `dryRun` reports the same figures and writes nothing.
import { count } from '../list-first';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import { writeImport, type BadNode, type EntityCounts, type SkippedField } from '../write-import';
import type { DroppedEdit } from '../dropped-edits';
import type { KeyWarning } from '../key-warnings';
import type { PrunedEdit, RemovedKeys } from '../pruned-edits';
import type { PruneOptionStyle } from '../prune-guard';
import { mapDbtProject, type DbtMappingOptions } from './map-dbt-project';
import type { DbtCatalog, DbtManifest, ManifestVersion } from './read-dbt-artifacts';

export type { EntityCounts, SkippedField } from '../write-import';

export interface DbtImportOptions extends DbtMappingOptions {
  dryRun?: boolean;
  prune?: boolean;
  /** Confirms a prune of all the project's tables, or of more than half of many (../prune-guard.ts). */
  allowLargePrune?: boolean;
  /** How a refused prune names that option: `--allow-large-prune` (default) or `allow_large_prune=true`. */
  optionStyle?: PruneOptionStyle;
  /** Who imports (the edit log's user_id for the import's summary entry), e.g. `cli:alice`. */
  importedBy: string;
  /** Progress messages for long runs (the CLI prints them on stderr). */
  onProgress?: (message: string) => void;
  /** Ingest transaction bounds (ingest-ndjson.ts); the CLI uses the ingest CLI's. */
  batchSize?: number;
  maxBatchMs?: number;
}

export interface DbtImportReport {
  source: 'dbt';
  project: string;
  manifestVersion: string;
  dbtVersion: string | null;
  database: string;
  dryRun: boolean;
  prune: boolean;
  tables: EntityCounts;
  dashboards: EntityCounts;
  lineage: EntityCounts;
  /** Fields kept because a person edited them after the import last wrote them. */
  skipped: SkippedField[];
  /** What people wrote on columns and nested fields the project no longer has: gone from the catalog, kept in the edit log. */
  dropped: DroppedEdit[];
  /** Nodes left out, each with the reason; everything else was imported. */
  bad: BadNode[];
  /** The keys of the tables and dashboards counted as `changed`. */
  changed: { tables: string[]; dashboards: string[] };
  /** With `prune`, the keys of the tables and dashboards counted as `removed` (a dry run: that it would remove). */
  removed: RemovedKeys;
  /** The fields of those whose value people wrote in Nansen: gone with them, kept in the edit log. */
  prunedEdits: PrunedEdit[];
  /** What NDJSON ingest would warn of the tables' keys (a key differing only in case from the catalog's, a name with "/"…). */
  keyWarnings: KeyWarning[];
  /** Nodes that are not tables (tests, analyses, ephemeral models…), counted by kind. */
  ignored: Record<string, number>;
  /** Tables catalog.json does not describe: column types from the manifest (`unknown` when it has none). */
  withoutCatalogEntry: string[];
  searchIndex: 'refreshed' | 'rebuilt' | 'unchanged';
  durationMs: number;
}

export interface DbtArtifacts {
  manifest: DbtManifest;
  version: ManifestVersion;
  catalog?: DbtCatalog;
}

export async function importDbtProject(db: CatalogDatabase, artifacts: DbtArtifacts, options: DbtImportOptions): Promise<DbtImportReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const mapped = mapDbtProject(artifacts.manifest, artifacts.catalog, options);
  progress(
    `dbt: read manifest ${artifacts.version.label} of project "${mapped.project}": ${count(mapped.tables.length, 'table')}, ` +
      `${count(mapped.lineage.length, 'lineage edge')}, ${count(mapped.dashboards.length, 'exposure')}, ${count(mapped.bad.length, 'bad node')}`,
  );

  const outcome = await writeImport(db, { scope: mapped.project, ...mapped }, {
    dryRun: options.dryRun,
    prune: options.prune,
    allowLargePrune: options.allowLargePrune,
    optionStyle: options.optionStyle,
    scopeName: `dbt project "${mapped.project}"`,
    importedBy: options.importedBy,
    onProgress: options.onProgress,
    label: 'dbt',
    log: { resource_key: `dbt:${mapped.project}`, field: 'dbt import', details: { manifestVersion: artifacts.version.label } },
    batchSize: options.batchSize,
    maxBatchMs: options.maxBatchMs,
  });

  return {
    source: 'dbt',
    project: mapped.project,
    manifestVersion: artifacts.version.label,
    dbtVersion: artifacts.manifest.metadata.dbt_version ?? null,
    database: options.database.toLowerCase(),
    dryRun: options.dryRun ?? false,
    prune: options.prune ?? false,
    tables: outcome.tables,
    dashboards: outcome.dashboards,
    lineage: outcome.lineage,
    skipped: outcome.skipped,
    dropped: outcome.dropped,
    bad: outcome.bad,
    changed: outcome.changed,
    removed: outcome.removed,
    prunedEdits: outcome.prunedEdits,
    keyWarnings: outcome.keyWarnings,
    ignored: mapped.ignored,
    withoutCatalogEntry: mapped.withoutCatalogEntry,
    searchIndex: outcome.searchIndex,
    durationMs: Math.round(performance.now() - started),
  };
}
