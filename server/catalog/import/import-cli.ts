// `npm run catalog:import -- <source> …`: one command for every importer (docs/ingest.md).
// Exit code: 0 imported, 2 some records were bad (the rest imported), 1 nothing imported (bad
// arguments, unreadable or refused input, database error), 78 refused: METADATA_URL is set and --db
// is not (the server's catalog is elsewhere).
import { DBT_USAGE, runDbtImport } from './dbt/dbt-import-command';
import { CatalogElsewhereError, DB_OPTION_USAGE, DOCS_USAGE, UsageError } from '../cli/cli-arguments';
import { DbtArtifactError } from './dbt/read-dbt-artifacts';
import { EventFileError, OPENLINEAGE_USAGE, runOpenLineageImport } from './openlineage/openlineage-import-command';
import { POSTGRES_USAGE, runPostgresImport, runSqliteImport, SQLITE_USAGE } from './database/database-import-command';
import { DatabaseImportError } from './database/database-import-error';
import { CatalogFileError } from '../store/check-catalog-file';
import { PruneRefusedError } from './prune-guard';

const IMPORTERS: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  dbt: { run: runDbtImport, usage: DBT_USAGE },
  openlineage: { run: runOpenLineageImport, usage: OPENLINEAGE_USAGE },
  postgres: { run: runPostgresImport, usage: POSTGRES_USAGE },
  sqlite: { run: runSqliteImport, usage: SQLITE_USAGE },
};

const USAGE = `usage: npm run catalog:import -- <source> [options]   sources: ${Object.keys(IMPORTERS).join(', ')}\n${
  Object.values(IMPORTERS).map((i) => i.usage).join('')}       ${DB_OPTION_USAGE}       ${DOCS_USAGE}`;

/** The usage a bad argument is answered with: the source's when it is known, else every source's. */
let usage = USAGE;

async function main(argv: string[]): Promise<number> {
  const [source, ...args] = argv;
  if (source === undefined || source === '--help' || source === '-h') {
    process.stdout.write(USAGE);
    return source === undefined ? 1 : 0;
  }
  const importer = IMPORTERS[source];
  if (!importer) throw new UsageError(`unknown source "${source}" (expected one of ${Object.keys(IMPORTERS).join(', ')})`);
  usage = `${importer.usage}       ${DB_OPTION_USAGE}       ${DOCS_USAGE}`;
  return importer.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const known = err instanceof UsageError || err instanceof DbtArtifactError || err instanceof DatabaseImportError || err instanceof CatalogFileError ||
      err instanceof EventFileError || err instanceof PruneRefusedError || err instanceof CatalogElsewhereError;
    process.stderr.write(`import: ${err instanceof Error ? (known ? err.message : err.stack ?? err.message) : String(err)}\n`);
    if (err instanceof UsageError) process.stderr.write(usage);
    process.exitCode = err instanceof CatalogElsewhereError ? err.exitCode : 1;
  },
);
