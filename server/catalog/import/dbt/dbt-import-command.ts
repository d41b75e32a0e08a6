// `npm run catalog:import -- dbt …`: reads the artifacts, imports them, prints the report (JSON on
// stdout, a human summary and progress on stderr). Exit code 0 imported, 2 some nodes were bad (the
// rest imported), 1 nothing imported (see import-cli.ts).
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { listFirst } from '../list-first';
import { describeDroppedEdits } from '../dropped-edits';
import { describePrunedEdits, removedLine } from '../pruned-edits';
import { describeKeyWarnings } from '../key-warnings';
import { openCatalogDatabase } from '../../store/open-catalog-database';
import { checkCatalogTarget, sayNewCatalog } from '../../store/check-catalog-file';
import { importDbtProject, type DbtImportReport, type EntityCounts } from './import-dbt-project';
import { readDbtArtifacts } from './read-dbt-artifacts';
import { checkDbtOptionValues, resolveDbtOptions } from './dbt-import-options';
import type { DbtMappingOptions } from './map-dbt-project';
import { catalogDbOption, DB_OPTION_USAGE, describeCatalogChoice, parseCliArgs, UsageError } from '../../cli/cli-arguments';

export const DBT_USAGE = `usage: npm run catalog:import -- dbt --manifest target/manifest.json [--catalog target/catalog.json]
         [--database ENGINE] [--db FILE] [--dry-run] [--prune [--allow-large-prune]]
         [--name-from name|alias] [--tags-as tag|badge] [--source-url URL] [--project NAME] [--quiet]
         --manifest FILE: dbt's manifest.json; --catalog FILE: its catalog.json (column types and order)
         --database ENGINE: the keys' first part, e.g. snowflake (default: the manifest's adapter_type)
         --dry-run: compare and report, write nothing; --prune: delete what an earlier import of this project made and it no longer has
         --allow-large-prune: let --prune remove all the project's tables, or more than half of 10 or more (refused without: an empty manifest is usually a failed dbt run)
         --name-from name|alias: name tables by dbt's name (default) or the relation's (alias, identifier), to match a database crawl's keys
         --tags-as tag|badge: dbt tags as Nansen tags (default) or as badges
         --source-url URL: link each table to URL/its file in your repository; --project NAME: the project, for --prune
         --quiet: no progress lines
`;

/** Transactions as the ingest CLI's: a process of its own (docs/ingest.md, Transactions). */
const CLI_BATCH_SIZE = 25_000;
const CLI_MAX_BATCH_MS = 1000;

const counts = (c: EntityCounts) =>
  `${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed` +
  (c.disappeared ? `, ${c.disappeared} gone from the project (kept; --prune removes them)` : '');

/** `catalog`: the file and which setting chose it ("/srv/nansen/catalog.sqlite (from DATA_DIR)"). */
export function formatDbtReport(r: DbtImportReport, catalog: string): string {
  const lines = [
    `dbt: ${r.dryRun ? 'dry run, nothing written — would import' : 'imported'} project "${r.project}" ` +
      `(manifest ${r.manifestVersion}${r.dbtVersion ? `, written by dbt ${r.dbtVersion}` : ''}) into ${catalog} as ${r.database}://…`,
    `  tables:     ${counts(r.tables)}`,
    ...(r.changed.tables.length ? [`    changed: ${listFirst(r.changed.tables)}`] : []),
    ...(r.removed.tables.length ? [`    ${removedLine(r.removed.tables, r.dryRun)}`] : []),
    `  dashboards: ${counts(r.dashboards)}`,
    ...(r.changed.dashboards.length ? [`    changed: ${listFirst(r.changed.dashboards)}`] : []),
    ...(r.removed.dashboards.length ? [`    ${removedLine(r.removed.dashboards, r.dryRun)}`] : []),
    `  lineage:    ${counts(r.lineage)}`,
    ...describePrunedEdits(r.removed, r.prunedEdits, r.dryRun).map((line) => `  ${line}`),
  ];
  if (r.skipped.length) {
    const s = r.skipped[0];
    lines.push(`  kept ${r.skipped.length} field(s) people edited in Nansen (first: ${s.field} of ${s.resource_key}, edited by ${s.edited_by})`);
  }
  const dropped = describeDroppedEdits(r.dropped, r.dryRun);
  if (dropped) lines.push(`  ${dropped}`);
  if (r.withoutCatalogEntry.length) {
    lines.push(`  ${r.withoutCatalogEntry.length} table(s) not in catalog.json (not built?): column types from the manifest (first: ${r.withoutCatalogEntry[0]})`);
  }
  lines.push(...describeKeyWarnings(r.keyWarnings).map((line) => `  ${line}`));
  if (r.bad.length) lines.push(`  ${r.bad.length} bad node(s) left out:`, ...r.bad.slice(0, 20).map((b) => `    ${b.uniqueId}: ${b.reason}`));
  if (r.bad.length > 20) lines.push(`    … and ${r.bad.length - 20} more (see the JSON report)`);
  lines.push(`  search index ${r.searchIndex}; ${(r.durationMs / 1000).toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}

export async function runDbtImport(args: string[]): Promise<number> {
  const { values } = parseCliArgs({
    args,
    options: {
      manifest: { type: 'string' },
      catalog: { type: 'string' },
      database: { type: 'string' },
      db: { type: 'string' },
      'dry-run': { type: 'boolean' },
      prune: { type: 'boolean' },
      'allow-large-prune': { type: 'boolean' },
      'name-from': { type: 'string' },
      'tags-as': { type: 'string' },
      'source-url': { type: 'string' },
      project: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${DBT_USAGE}       ${DB_OPTION_USAGE}`);
    return 0;
  }
  if (!values.manifest) throw new UsageError('--manifest is required (the manifest.json dbt writes to target/)');
  const raw = { database: values.database, nameFrom: values['name-from'], tagsAs: values['tags-as'], sourceUrl: values['source-url'], project: values.project };
  const asUsageError = <T>(check: () => T): T => {
    try {
      return check();
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  };
  // Every argument is checked before anything is read or said.
  asUsageError(() => checkDbtOptionValues(raw, (option) => `--${option}`));
  const { path: dbPath, creatableFolder, from } = catalogDbOption(values.db);
  const newCatalog = checkCatalogTarget(dbPath, { creatableFolder, from }); // before reading anything: another program's database is refused
  const progress = values.quiet ? undefined : (message: string) => process.stderr.write(`${message}\n`);

  const artifacts = readDbtArtifacts(values.manifest, values.catalog);
  const mapping: DbtMappingOptions = asUsageError(() => resolveDbtOptions(raw, artifacts.manifest, (option) => `--${option}`));
  if (!values.catalog) progress?.('dbt: no --catalog given: column types come from the manifest (`unknown` where it has none)');
  const dryRun = values['dry-run'] ?? false;
  sayNewCatalog('import', newCatalog);
  // A dry run against a catalog that does not exist yet compares with an empty one and creates no file.
  const db = openCatalogDatabase(dryRun && !existsSync(dbPath) ? ':memory:' : dbPath);
  try {
    const report = await importDbtProject(db, artifacts, {
      ...mapping,
      dryRun,
      prune: values.prune ?? false,
      allowLargePrune: values['allow-large-prune'] ?? false,
      importedBy: `cli:${userInfo().username}`,
      onProgress: progress,
      batchSize: CLI_BATCH_SIZE,
      maxBatchMs: CLI_MAX_BATCH_MS,
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(formatDbtReport(report, describeCatalogChoice({ path: dbPath, from })));
    return report.bad.length ? 2 : 0;
  } finally {
    db.close();
  }
}
