// Loads NDJSON ingest records (docs/ingest.md) into a catalog database:
//   npm run catalog:ingest -- [--db data/catalog.sqlite] records.ndjson   (or `-` for stdin)
// Without --db, into the server's catalog (CATALOG_DB, else DATA_DIR/catalog.sqlite).
// Progress goes to stderr about once a second (or every --progress-every N lines); the summary goes to stdout as JSON
// (through npm, `npm run -s catalog:ingest …` keeps npm's banner off stdout).
// Exit code: 0 all records loaded, 2 some records rejected (the rest loaded), 1 nothing loaded (every
// record rejected, an input with no record — empty, or blank lines only: an export that wrote nothing
// is almost always a failed upstream job —, an input that is not NDJSON — a SQLite file, a dbt
// manifest —, a fatal error), 78 refused: METADATA_URL is set and --db is not (the server's catalog is elsewhere).
// Transactions are bigger than the HTTP endpoint's (docs/ingest.md): nothing else runs in this
// process, so only other writers wait for the lock, and they wait up to busy_timeout (5 s).
import { userInfo } from 'node:os';
import { createReadStream, statSync } from 'node:fs';
import { openCatalogDatabase } from '../store/open-catalog-database';
import Database from 'better-sqlite3';
import { checkCatalogTarget, readCatalogKind, sayNewCatalog } from '../store/check-catalog-file';
import { describeForeignInputForIngest, HEAD_BYTES, recogniseForeignInput } from '../ingest/recognise-foreign-input';
import { peekHead } from '../ingest/peek-head';
import { IngestAbortedError, ingestNdjson, type IngestProgress, type IngestSummary } from '../ingest/ingest-ndjson';
import { recordIngest } from '../ingest/write-ingest-records';
import { CatalogElsewhereError, catalogDbOption, DB_OPTION_USAGE, describeCatalogChoice, DOCS_USAGE, parseCliArgs, UsageError } from './cli-arguments';

const USAGE = `usage: npm run catalog:ingest -- [--db FILE] [--batch-size N] [--max-batch-ms N] [--progress-every N] [--quiet] FILE.ndjson|-
       FILE.ndjson|-: the records, one JSON object a line (table, user, dashboard, lineage, usage, owner, tag); - reads stdin
       --batch-size N: records per transaction (default 25000)
       --max-batch-ms N: a transaction is committed once it has run this long, so other writers wait less (default 1000)
       --progress-every N: a progress line every N lines as well as about once a second
       --quiet: no progress lines
       ${DB_OPTION_USAGE}       ${DOCS_USAGE}`;

/** 25 000 records: 40 s for the 100 k demo against 61 s with 2 000 (docs/benchmarks.md). */
const CLI_BATCH_SIZE = 25_000;
/** Well under the 5 s busy_timeout another writer waits for the lock. */
const CLI_MAX_BATCH_MS = 1000;

function formatProgress(p: IngestProgress): string {
  const mb = (p.bytesRead / 1024 / 1024).toFixed(1);
  if (p.phase === 'indexing') return `ingest: ${p.recordsLoaded} records loaded; refreshing the search index…`;
  return `ingest: ${p.linesRead} lines (${mb} MB), ${p.recordsLoaded} loaded, ${p.recordsRejected} rejected, ${p.recordsPerSecond} records/s`;
}

/** `catalog`: the file and which setting chose it ("/srv/nansen/catalog.sqlite (from DATA_DIR)"). */
function formatResult(s: IngestSummary, catalog: string): string {
  const counts = Object.entries(s.loaded).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ') || 'nothing';
  const total = Object.values(s.loaded).reduce((a, b) => a + b, 0);
  const rejected = s.rejectedCount
    ? `, ${s.rejectedCount} rejected (first: line ${s.rejected[0]?.line}: ${s.rejected[0]?.reason})`
    : '';
  const warned = s.warningCount
    ? `, ${s.warningCount} ${s.warningCount === 1 ? 'warning' : 'warnings'} (first: line ${s.warnings[0]?.line}: ${s.warnings[0]?.message})`
    : '';
  return `ingest: loaded ${total} records (${counts})${rejected}${warned} from ${s.linesRead} lines into ${catalog} in ${(s.durationMs / 1000).toFixed(2)} s; search index ${s.searchIndex}\n`;
}

function wholeNumberOption(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  // Digits only: Number() would also take "0x10", "1e3" and " 5 ".
  const n = /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, got "${String(raw)}"`);
  return n;
}

async function main(): Promise<number> {
  const { values, positionals } = parseCliArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-batch-ms': { type: 'string' },
      'progress-every': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one input file (or - for stdin)');
  const [file] = positionals;
  // Before the input is read: with METADATA_URL the server's catalog is elsewhere (refused, exit 78).
  const { path: dbPath, creatableFolder, from } = catalogDbOption(values.db);
  const batchSize = wholeNumberOption(values, 'batch-size') ?? CLI_BATCH_SIZE;
  const maxBatchMs = wholeNumberOption(values, 'max-batch-ms') ?? CLI_MAX_BATCH_MS;
  const progressEvery = wholeNumberOption(values, 'progress-every');
  if (file !== '-') {
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new Error(code === 'ENOENT' ? `input file not found: ${file}` : `cannot read ${file}: ${(err as Error).message}`);
    }
    if (!isFile) throw new Error(`input is not a file: ${file}`);
  }

  // A file of another kind (a SQLite database, a dbt manifest, …) is named, with the command that
  // reads it, before the catalog is looked at: its lines would only be rejected one by one.
  const stream = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1024 * 1024 });
  const { head, ended, input } = await peekHead(stream, HEAD_BYTES);
  // An empty export, said before a catalog is created for it (String.trim takes a BOM too).
  if (ended && head.toString('utf8').trim() === '') throw new Error(describeNoRecords(file, head.length === 0 ? 'empty' : 'blank'));
  const foreign = recogniseForeignInput(head, () => file !== '-' && isNansenCatalogFile(file));
  if (foreign) {
    stream.destroy();
    throw new Error(describeForeignInputForIngest(foreign, file));
  }

  // Another program's database, a file that is no database, a folder that does not exist: refused
  // before the catalog's schema is written anywhere.
  const newCatalog = checkCatalogTarget(dbPath, { hint: 'The NDJSON to load is the last argument, not --db.', creatableFolder, from, hasDryRun: false });
  sayNewCatalog('ingest', newCatalog);
  const db = openCatalogDatabase(dbPath);
  try {
    const summary = await ingestNdjson(db, input, {
      batchSize,
      maxBatchMs,
      progressEveryRecords: progressEvery,
      onProgress: values.quiet ? undefined : (p) => {
        if (p.phase === 'loading' || (p.phase === 'indexing' && p.elapsedMs >= 1000)) process.stderr.write(`${formatProgress(p)}\n`);
      },
    });
    if (Object.values(summary.loaded).some((n) => n > 0)) recordIngest(db, { user_id: `cli:${userInfo().username}`, summary });
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    // Blank lines past the bytes peeked at: every other line loads or is rejected.
    const records = Object.values(summary.loaded).reduce((a, b) => a + b, 0) + summary.rejectedCount;
    if (records === 0) {
      process.stderr.write(`ingest: ${describeNoRecords(file, 'blank')}\n`);
      return 1;
    }
    process.stderr.write(formatResult(summary, describeCatalogChoice({ path: dbPath, from })));
    // 2 is "some rejected, the rest loaded": a file of which nothing loaded is a failure.
    if (summary.rejectedCount === 0) return 0;
    return Object.values(summary.loaded).some((n) => n > 0) ? 2 : 1;
  } catch (err) {
    if (err instanceof IngestAbortedError) process.stdout.write(`${JSON.stringify(err.summary, null, 2)}\n`);
    throw err;
  } finally {
    db.close();
  }
}

/** `no records in export.ndjson: nothing loaded (the file is empty)`. */
function describeNoRecords(file: string, why: 'empty' | 'blank'): string {
  const input = file === '-' ? 'stdin' : file;
  const what = file === '-' ? 'the input' : 'the file';
  return `no records in ${input}: nothing loaded (${what} ${why === 'empty' ? 'is empty' : 'has only blank lines'}; ` +
    'an empty export usually means the job that writes it failed)';
}

/** A SQLite file with the catalog's tables (a backup given to ingest by mistake). */
function isNansenCatalogFile(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return readCatalogKind(db).kind === 'catalog';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ingest: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError) process.stderr.write(USAGE);
    process.exitCode = err instanceof CatalogElsewhereError ? err.exitCode : 1;
  },
);
