// `npm run catalog:import -- openlineage --events FILE|DIR …`: loads OpenLineage events saved to files —
// what OpenLineage's file transport writes (NDJSON appended to one file, or one JSON file per event in
// a folder) — into a catalog file, as POST /api/v1/lineage would. Report as JSON on stdout, a human
// summary on stderr. Exit code 0 loaded, 2 some events were bad (the rest loaded), 1 nothing loaded.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { openCatalogDatabase } from '../../store/open-catalog-database';
import { checkCatalogTarget, sayNewCatalog } from '../../store/check-catalog-file';
import { catalogDbOption, DB_OPTION_USAGE, describeCatalogChoice, parseCliArgs, UsageError } from '../../cli/cli-arguments';
import { importOpenLineageEvents, type OpenLineageImportReport } from './import-openlineage-events';
import { describeDroppedEdits } from '../dropped-edits';
import { describeKeyWarnings } from '../key-warnings';
import { InvalidJsonError, readEventBatch, type ReadEvent } from './read-openlineage-event';
import { HEAD_BYTES, recogniseForeignInput, type ForeignInput } from '../../ingest/recognise-foreign-input';

export const OPENLINEAGE_USAGE = `usage: npm run catalog:import -- openlineage --events events.ndjson|events.json|folder/
         [--db FILE] [--dry-run] [--quiet]
`;

export interface BadEventInFile {
  file: string;
  /** The line (NDJSON, from 1) or the index in a JSON array (from 0); neither for a file of one event. */
  line?: number;
  event?: number;
  reason: string;
}

/** An --events file that cannot hold events: said in one line, without the usage. */
export class EventFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventFileError';
  }
}

/**
 * Events from a file (NDJSON when named .ndjson/.jsonl or when it is not one JSON value) or from every
 * .json/.ndjson file of a folder, in name order. Input with no event at all, good or bad (an empty
 * file, blank lines, `[]`, a folder without event files), is refused as `catalog:ingest` refuses an
 * empty export: a scheduled load that exits 0 on it would hide the failed job that wrote it.
 */
export function readEventFiles(target: string): { events: ReadEvent[]; bad: BadEventInFile[]; files: number } {
  if (!existsSync(target)) throw new UsageError(`--events: ${target} does not exist`);
  const folder = statSync(target).isDirectory();
  const files = folder
    ? readdirSync(target).filter((f) => /\.(json|ndjson|jsonl)$/i.test(f)).sort().map((f) => path.join(target, f))
    : [target];
  const read = readEvents(files);
  if (read.events.length === 0 && read.bad.length === 0) {
    const why = folder ? describeEmptyFolder(files.length) : describeEmptyFile(readFileSync(target, 'utf8'));
    throw new EventFileError(`--events: no events in ${target}: nothing loaded (${why}; `
      + 'an empty export usually means the job that writes it failed)');
  }
  return { ...read, files: files.length };
}

function describeEmptyFolder(files: number): string {
  if (files === 0) return 'the folder has no .json, .ndjson or .jsonl file';
  return files === 1 ? 'its one event file is empty' : `its ${files} event files are empty`;
}

/** How a file without events is empty, in words. */
function describeEmptyFile(text: string): string {
  if (text === '') return 'the file is empty';
  return text.trim() === '' ? 'the file has only blank lines' : 'the file is an empty JSON array';
}

function readEvents(files: readonly string[]): { events: ReadEvent[]; bad: BadEventInFile[] } {
  const events: ReadEvent[] = [];
  const bad: BadEventInFile[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const foreign = notEvents(recogniseForeignInput(bytes.subarray(0, HEAD_BYTES)));
    if (foreign) throw new EventFileError(`--events: ${file} is ${foreign}, not OpenLineage events: nothing was loaded`);
    const text = bytes.toString('utf8');
    let batch;
    if (/\.(ndjson|jsonl)$/i.test(file)) {
      batch = readEventBatch(text, 'ndjson');
    } else {
      try {
        batch = readEventBatch(text, 'json');
      } catch (error) {
        if (!(error instanceof InvalidJsonError)) throw error;
        batch = readEventBatch(text, 'ndjson'); // the file transport appends one event a line to a .json file
      }
    }
    events.push(...batch.events);
    bad.push(...batch.rejected.map((r) => ({
      file, ...(r.line !== undefined ? { line: r.line } : batch.single ? {} : { event: r.event }), reason: r.reason,
    })));
  }
  return { events, bad };
}

/**
 * What a file that cannot hold events is, in words; undefined for text that may (one event, an array of
 * them, or NDJSON: what catalog:ingest refuses as "one JSON document" is an event file here).
 */
function notEvents(found: ForeignInput | undefined): string | undefined {
  switch (found?.kind) {
    case 'nansen-catalog':
    case 'sqlite':
      return 'a SQLite database (`npm run catalog:import -- sqlite --file …` loads its tables)';
    case 'gzip':
      return 'gzip-compressed (decompress it first: `gunzip -k …`)';
    case 'utf16':
      return 'UTF-16 text (OpenLineage events are UTF-8: `iconv -f UTF-16 -t UTF-8 …`)';
    case 'binary':
      return 'a binary file';
    case 'dbt':
      return 'a dbt artifact (`npm run catalog:import -- dbt --manifest target/manifest.json` loads a dbt project)';
    default:
      return undefined;
  }
}

/** `catalog`: the file and which setting chose it ("/srv/nansen/catalog.sqlite (from DATA_DIR)"). */
export function formatOpenLineageReport(r: OpenLineageImportReport & { bad: BadEventInFile[] }, catalog: string): string {
  const lines = [
    r.events === 0 && r.bad.length
      ? `openlineage: nothing ${r.dryRun ? 'would be ' : ''}loaded into ${catalog}: all ${r.bad.length} event(s) were refused`
      : `openlineage: ${r.dryRun ? 'dry run, nothing written — would load' : 'loaded'} ${r.events} event(s) into ${catalog}`,
    `  tables:  ${r.tables.added} added, ${r.tables.changed} changed, ${r.tables.unchanged} unchanged`,
    `  lineage: ${r.lineage.added} added, ${r.lineage.unchanged} unchanged`,
  ];
  if (r.columnLineage.added + r.columnLineage.unchanged) lines.push(`  column lineage: ${r.columnLineage.added} added, ${r.columnLineage.unchanged} unchanged`);
  if (r.kept.length) lines.push(`  kept ${r.kept.length} field(s) people edited in Nansen (first: ${r.kept[0].field} of ${r.kept[0].resource_key}, edited by ${r.kept[0].edited_by})`);
  const dropped = describeDroppedEdits(r.dropped, r.dryRun);
  if (dropped) lines.push(`  ${dropped}`);
  if (r.warnings.length) {
    lines.push(`  ${r.warnings.length} warning(s):`, ...r.warnings.slice(0, 20).map((w) => `    run ${w.run_id} (${w.job}): ${w.reason}`));
  }
  lines.push(...describeKeyWarnings(r.keyWarnings).map((line) => `  ${line}`));
  if (r.bad.length) {
    lines.push(`  ${r.bad.length} bad event(s) left out:`,
      ...r.bad.slice(0, 20).map((b) => `    ${b.file}${b.line !== undefined ? `:${b.line}` : b.event !== undefined ? `[${b.event}]` : ''}: ${b.reason}`));
  }
  lines.push(`  search index ${r.searchIndex}; ${(r.durationMs / 1000).toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}

export async function runOpenLineageImport(args: string[]): Promise<number> {
  const { values } = parseCliArgs({
    args,
    options: {
      events: { type: 'string' },
      db: { type: 'string' },
      'dry-run': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${OPENLINEAGE_USAGE}       ${DB_OPTION_USAGE}`);
    return 0;
  }
  if (!values.events) throw new UsageError('--events is required (a file of OpenLineage events, or a folder of them)');
  const { path: dbPath, creatableFolder, from } = catalogDbOption(values.db);
  const newCatalog = checkCatalogTarget(dbPath, { creatableFolder, from }); // before reading anything: another program's database is refused
  const { events, bad, files } = readEventFiles(values.events);
  if (!values.quiet) process.stderr.write(`openlineage: read ${events.length} event(s) from ${files} file(s), ${bad.length} bad\n`);
  const dryRun = values['dry-run'] ?? false;
  sayNewCatalog('import', newCatalog);
  const db = openCatalogDatabase(dryRun && !existsSync(dbPath) ? ':memory:' : dbPath);
  try {
    const report = await importOpenLineageEvents(db, events, { importedBy: `cli:${userInfo().username}`, dryRun });
    const full = { ...report, bad, badCount: bad.length };
    process.stdout.write(`${JSON.stringify(full, null, 2)}\n`);
    if (!values.quiet) process.stderr.write(formatOpenLineageReport(full, describeCatalogChoice({ path: dbPath, from })));
    if (events.length === 0 && bad.length > 0) return 1;
    return bad.length ? 2 : 0;
  } finally {
    db.close();
  }
}
