// `npm run catalog:import -- postgres --url …` and `… sqlite --file …`: read the database's catalog,
// import it, print the report (JSON on stdout, a human summary and progress on stderr). Exit code 0
// imported, 2 some tables were bad (the rest imported), 1 nothing imported (see import-cli.ts).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { openCatalogDatabase } from '../../store/open-catalog-database';
import { checkCatalogTarget, sayNewCatalog } from '../../store/check-catalog-file';
import { catalogDbOption, DB_OPTION_USAGE, describeCatalogChoice, parseCliArgs, UsageError } from '../../cli/cli-arguments';
import type { EntityCounts } from '../write-import';
import type { CrawledDatabase } from './crawled-schema';
import { count, listFirst } from '../list-first';
import { describeDroppedEdits } from '../dropped-edits';
import { describePrunedEdits, removedLine } from '../pruned-edits';
import { describeKeyWarnings } from '../key-warnings';
import { checkSchemaFilter, describeSchemas, importCrawledDatabase, type DatabaseEngine, type DatabaseImportReport } from './import-crawled-database';
import { describePostgresUrl, readPostgresSchema } from './read-postgres-schema';
import { checkSqliteFile, readSqliteSchema } from './read-sqlite-schema';
import { createSchemaFilter } from './schema-filter';
import { DatabaseImportError } from './database-import-error';

const COMMON = `[--schema GLOB,…] [--exclude-schema GLOB,…] [--cluster NAME]
         [--db FILE] [--dry-run] [--prune [--allow-large-prune]] [--quiet]
         --schema / --exclude-schema GLOB,…: only / not the schemas matching a glob (* any characters, ? one)
         --cluster NAME: the keys' cluster (default: the database's name, or the file's)
         --dry-run: compare and report, write nothing; --prune: delete the tables an earlier import made that are gone; --quiet: no progress lines
         --allow-large-prune: let --prune remove all the tables it made, or more than half of 10 or more (refused without: an empty source is usually a failed job)`;
export const POSTGRES_USAGE = `usage: npm run catalog:import -- postgres --url postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE
         ${COMMON}
`;
export const SQLITE_USAGE = `usage: npm run catalog:import -- sqlite --file FILE.sqlite
         ${COMMON}
`;

/** Transactions as the ingest CLI's: a process of its own (docs/ingest.md, Transactions). */
const CLI_BATCH_SIZE = 25_000;
const CLI_MAX_BATCH_MS = 1000;

const counts = (c: EntityCounts) =>
  `${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed` +
  (c.disappeared ? `, ${c.disappeared} gone from the database (kept; --prune removes them)` : '');

/** `catalog`: the file and which setting chose it ("/srv/nansen/catalog.sqlite (from DATA_DIR)"). */
export function formatDatabaseReport(r: DatabaseImportReport, catalog: string): string {
  const read = r.tables.added + r.tables.changed + r.tables.unchanged;
  // Only the schemas tables came from; those the filter includes that have none, said as such.
  const { imported, empty, leftOut } = r.schemas;
  const where = imported.length ? `in ${imported.length === 1 ? 'schema' : 'schemas'} ${imported.join(', ')}` : 'in no schema';
  const notes = [...(empty.length ? [`none in ${empty.join(', ')}`] : []), ...(leftOut.length ? [`left out: ${leftOut.join(', ')}`] : [])];
  const lines = [
    `${r.source}: ${r.dryRun ? 'dry run, nothing written — would import' : 'imported'} ${r.server} database "${r.database}" ` +
      `(${r.location}) into ${catalog} as ${r.keyPrefix}…`,
    `  read:       ${count(read, 'table or view', 'tables and views')} (${count(r.views, 'view')}) ${where}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    ...(r.schemas.unmatched.length
      ? [`  --schema ${r.schemas.unmatched.join(',')} matched no schema (${describeSchemas([...r.schemas.imported, ...r.schemas.empty, ...r.schemas.leftOut].sort())})`]
      : []),
    `  tables:     ${counts(r.tables)}`,
    ...(r.changed.tables.length ? [`    changed: ${listFirst(r.changed.tables)}`] : []),
    ...(r.removed.tables.length ? [`    ${removedLine(r.removed.tables, r.dryRun)}`] : []),
    `  lineage:    ${counts(r.lineage)}`,
    ...describePrunedEdits({ tables: r.removed.tables, dashboards: [] }, r.prunedEdits, r.dryRun).map((line) => `  ${line}`),
  ];
  if (r.skipped.length) {
    const s = r.skipped[0];
    lines.push(`  kept ${r.skipped.length} field(s) people edited in Nansen (first: ${s.field} of ${s.resource_key}, edited by ${s.edited_by})`);
  }
  const dropped = describeDroppedEdits(r.dropped, r.dryRun);
  if (dropped) lines.push(`  ${dropped}`);
  lines.push(...describeKeyWarnings(r.keyWarnings).map((line) => `  ${line}`));
  if (r.bad.length) lines.push(`  ${r.bad.length} bad table(s) left out:`, ...r.bad.slice(0, 20).map((b) => `    ${b.uniqueId}: ${b.reason}`));
  if (r.bad.length > 20) lines.push(`    … and ${r.bad.length - 20} more (see the JSON report)`);
  lines.push(`  search index ${r.searchIndex}; ${(r.durationMs / 1000).toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}

/** `scheme://user:password@` → `scheme://user@`, wherever a URL is in a message. */
export const withoutPasswords = (text: string) => text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@]*@/gi, '$1@');

const OPTIONS = {
  url: { type: 'string' },
  file: { type: 'string' },
  schema: { type: 'string', multiple: true },
  'exclude-schema': { type: 'string', multiple: true },
  cluster: { type: 'string' },
  db: { type: 'string' },
  'dry-run': { type: 'boolean' },
  prune: { type: 'boolean' },
  'allow-large-prune': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The arguments, with their mistakes as usage errors without passwords (a mistake may quote an argument, a URL's too). */
function parseDatabaseArgs(args: string[]) {
  try {
    return parseCliArgs({ args, options: OPTIONS }).values;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const message = withoutPasswords(err.message);
    throw new UsageError(message.startsWith('unexpected argument') ? `${message} (give the database with --url or --file)` : message);
  }
}

/** `--file` naming the catalog the import writes to (the live one, by another path too): refused before anything is read. */
function refuseTheCatalogItself(file: string, dbPath: string, catalog: string): void {
  if (dbPath === ':memory:' || !existsSync(file) || !existsSync(dbPath)) return;
  const [a, b] = [statSync(file), statSync(dbPath)];
  if ((a.dev === b.dev && a.ino === b.ino) || realpathSync(file) === realpathSync(dbPath)) {
    throw new DatabaseImportError(
      `--file ${file} is the catalog this import writes to (${catalog}), not a database to import: ` +
        'give --file the SQLite file of the application whose tables you want in the catalog',
    );
  }
}

function runDatabaseImport(engine: DatabaseEngine, usage: string) {
  return async (args: string[]): Promise<number> => {
    const values = parseDatabaseArgs(args);
    if (values.help) {
      process.stdout.write(`${usage}       ${DB_OPTION_USAGE}`);
      return 0;
    }
    const started = performance.now();
    let location: string;
    let read: () => Promise<CrawledDatabase>;
    if (engine === 'postgres') {
      if (values.file) throw new UsageError('--file is for sqlite; postgres reads --url postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE');
      const url = values.url;
      if (!url) throw new UsageError('--url is required: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (the password may come from PGPASSWORD instead)');
      location = describePostgresUrl(url);
      read = () => readPostgresSchema(url);
    } else {
      if (values.url) throw new UsageError('--url is for postgres; sqlite reads --file FILE');
      const file = values.file;
      if (!file) throw new UsageError('--file is required: the SQLite database file to read');
      location = file;
      read = async () => readSqliteSchema(file);
    }
    if (values.cluster !== undefined && !/^[^/]+$/.test(values.cluster)) {
      throw new UsageError(`--cluster must be a non-empty name without "/" (it is part of every table key), got "${values.cluster}"`);
    }
    const filter = createSchemaFilter(values.schema, values['exclude-schema']);
    const { path: dbPath, creatableFolder, from } = catalogDbOption(values.db);
    // Before reading the source: a --db that is no catalog (say --file and --db swapped) is refused.
    if (values.file !== undefined) {
      checkSqliteFile(values.file);
      refuseTheCatalogItself(values.file, dbPath, describeCatalogChoice({ path: dbPath, from }));
    }
    const newCatalog = checkCatalogTarget(dbPath, { creatableFolder, from, ...(engine === 'sqlite' ? { hint: 'Did you swap --file (the database to read) and --db (the catalog)?' } : {}) });
    const progress = values.quiet ? undefined : (message: string) => process.stderr.write(`${message}\n`);
    progress?.(`${engine}: reading the catalog of ${location}…`);
    const crawled = await read();
    checkSchemaFilter(filter, crawled.schemas); // before the catalog is opened (and perhaps created)

    const dryRun = values['dry-run'] ?? false;
    sayNewCatalog('import', newCatalog);
    // A dry run against a catalog that does not exist yet compares with an empty one and creates no file.
    const db = openCatalogDatabase(dryRun && !existsSync(dbPath) ? ':memory:' : dbPath);
    try {
      const report = await importCrawledDatabase(db, crawled, {
        engine,
        location,
        cluster: values.cluster,
        filter,
        dryRun,
        prune: values.prune ?? false,
        allowLargePrune: values['allow-large-prune'] ?? false,
        importedBy: `cli:${userInfo().username}`,
        onProgress: progress,
        batchSize: CLI_BATCH_SIZE,
        maxBatchMs: CLI_MAX_BATCH_MS,
      }, started);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      process.stderr.write(formatDatabaseReport(report, describeCatalogChoice({ path: dbPath, from })));
      return report.bad.length ? 2 : 0;
    } finally {
      db.close();
    }
  };
}

export const runPostgresImport = runDatabaseImport('postgres', POSTGRES_USAGE);
export const runSqliteImport = runDatabaseImport('sqlite', SQLITE_USAGE);
