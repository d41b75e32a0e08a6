// Loads an NDJSON stream of ingest records into the catalog: reads line by line, validates each line,
// applies records in batched transactions (one savepoint per record so bad ones are skipped), then
// refreshes popularity and the search index for what changed. Bad records are reported with their
// line number and reason; the rest still loads.
//
// A transaction ends after `batchSize` records or `maxBatchMs`, whichever comes first. Bigger
// transactions load faster (each commit rewrites every page its batch touched, and random index
// updates touch many pages), but a transaction holds the write lock — other writers wait, up to
// busy_timeout — and, better-sqlite3 being synchronous, blocks the event loop while it runs.
import type { CatalogDatabase } from '../store/open-catalog-database';
import { INGEST_RECORD_TYPES, type IngestRecord, type IngestRecordType } from './ingest-record-schemas';
import { parseIngestLine } from './parse-ingest-line';
import { DEFAULT_MAX_LINE_BYTES, readNdjsonLines } from './read-ndjson-lines';
import { createIngestWriter, RejectedRecordError } from './write-ingest-records';

export interface RejectedRecord {
  line: number;
  reason: string;
}

/** A record that loaded, with something its line should know (a key that may not mean what it seems). */
export interface RecordWarning {
  line: number;
  message: string;
}

export interface IngestSummary {
  loaded: Record<IngestRecordType, number>;
  /** The first `maxRejected` rejections, in line order. */
  rejected: RejectedRecord[];
  /** All rejections, listed or not. */
  rejectedCount: number;
  /** Rejections not listed in `rejected` (over the cap). */
  rejectedOmitted: number;
  /** The first `maxRejected` warnings about records that loaded, in line order. */
  warnings: RecordWarning[];
  /** All warnings, listed or not. */
  warningCount: number;
  linesRead: number;
  bytesRead: number;
  /** How the search index was brought up to date after the load. */
  searchIndex: 'refreshed' | 'rebuilt' | 'unchanged';
  durationMs: number;
}

export interface IngestProgress {
  linesRead: number;
  bytesRead: number;
  recordsLoaded: number;
  recordsRejected: number;
  elapsedMs: number;
  recordsPerSecond: number;
  phase: 'loading' | 'indexing' | 'done';
}

/** Defaults for a load that shares its process (the HTTP endpoint): short transactions. */
export const DEFAULT_BATCH_SIZE = 2000;
export const DEFAULT_MAX_BATCH_MS = 200;

export interface IngestOptions {
  /** Most records per transaction (default 2 000). */
  batchSize?: number;
  /**
   * Time budget of one transaction in ms (default 200), checked after each record: a transaction
   * that has run this long commits, and the rest of its batch goes on in the next one (after a turn
   * of the event loop). At least one record per transaction. `Infinity` turns the budget off.
   */
  maxBatchMs?: number;
  /** Rejections (and warnings) listed in the summary (default 1 000 each); the rest are only counted. */
  maxRejected?: number;
  maxLineBytes?: number;
  /**
   * The whole search index is rebuilt when more than this many tables (dashboards, users) were
   * touched and more than half of the catalog's (default 20 000); otherwise what was touched is
   * refreshed in steps of `refreshChunk` (default 2 000), with a turn of the event loop between.
   */
  rebuildThreshold?: number;
  refreshChunk?: number;
  /**
   * Called when `progressIntervalMs` (default 1 000) passed or `progressEveryRecords` lines were read
   * since the last call — looked at while lines are read (the clock every PROGRESS_CHECK_LINES lines)
   * and after each transaction commits —, before the search index refresh, and at the end.
   * `recordsLoaded` counts committed records, so while a batch is read it trails `linesRead`.
   */
  onProgress?: (progress: IngestProgress) => void;
  progressIntervalMs?: number;
  progressEveryRecords?: number;
  /** Milliseconds, for progress and durations (default performance.now); tests give their own. */
  clock?: () => number;
}

/**
 * While lines are read, the clock is looked at once every this many lines: a few microseconds of
 * parsing each, so a progress line is at most a few milliseconds late, for one clock reading per 256 lines.
 */
export const PROGRESS_CHECK_LINES = 256;

/** The load stopped part-way (unreadable input, body too large, database error). */
export class IngestAbortedError extends Error {
  override name = 'IngestAbortedError';
  constructor(message: string, readonly summary: IngestSummary, override readonly cause: unknown) {
    super(message);
  }
}

const TOO_LONG_REASON = (max: number) => `line is longer than ${max} bytes`;

export async function ingestNdjson(
  db: CatalogDatabase,
  input: AsyncIterable<Buffer | string | Uint8Array> | Iterable<Buffer | string | Uint8Array>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxBatchMs = options.maxBatchMs ?? DEFAULT_MAX_BATCH_MS;
  const maxRejected = options.maxRejected ?? 1000;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const progressIntervalMs = options.progressIntervalMs ?? 1000;
  const progressEveryRecords = options.progressEveryRecords ?? Infinity;
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const writer = createIngestWriter(db, { rebuildThreshold: options.rebuildThreshold, refreshChunk: options.refreshChunk });

  const loaded = Object.fromEntries(INGEST_RECORD_TYPES.map((t) => [t, 0])) as Record<IngestRecordType, number>;
  const rejected: RejectedRecord[] = [];
  let rejectedCount = 0;
  const warnings: RecordWarning[] = [];
  let warningCount = 0;
  let loadedCount = 0;
  let linesRead = 0;
  let bytesRead = 0;
  let searchIndex: IngestSummary['searchIndex'] = 'unchanged';
  let lastProgress = started;
  let lastProgressLine = 0;
  let batch: { line: number; record: IngestRecord }[] = [];

  const reject = (line: number, reason: string) => {
    rejectedCount += 1;
    if (rejected.length < maxRejected) rejected.push({ line, reason });
  };
  const summarize = (): IngestSummary => ({
    loaded: { ...loaded },
    rejected: [...rejected],
    rejectedCount,
    rejectedOmitted: rejectedCount - rejected.length,
    warnings: [...warnings],
    warningCount,
    linesRead,
    bytesRead,
    searchIndex,
    durationMs: Math.round(clock() - started),
  });
  const report = (phase: IngestProgress['phase'], force = false) => {
    if (!options.onProgress) return;
    const now = clock();
    if (!force && now - lastProgress < progressIntervalMs && linesRead - lastProgressLine < progressEveryRecords) return;
    lastProgress = now;
    lastProgressLine = linesRead;
    const elapsedMs = now - started;
    options.onProgress({
      linesRead,
      bytesRead,
      recordsLoaded: loadedCount,
      recordsRejected: rejectedCount,
      elapsedMs: Math.round(elapsedMs),
      recordsPerSecond: elapsedMs > 0 ? Math.round((loadedCount * 1000) / elapsedMs) : 0,
      phase,
    });
  };

  // Applies one transaction's worth of `records`, from `start`: until the batch ends or the time
  // budget is spent. Returns where the next transaction starts.
  const commitSome = (records: { line: number; record: IngestRecord }[], start: number): number => {
    let next = start;
    // Rejections inside a transaction are only final once it commits.
    const batchRejections: RejectedRecord[] = [];
    const batchWarnings: RecordWarning[] = [];
    const batchLoaded: IngestRecordType[] = [];
    writer.runBatch(() => {
      // Timed from inside the transaction: the budget is about how long we hold the write lock,
      // not how long we waited for it.
      const deadline = performance.now() + maxBatchMs;
      while (next < records.length) {
        const { line, record } = records[next];
        next += 1;
        try {
          for (const message of writer.applyRecord(record)) batchWarnings.push({ line, message });
          batchLoaded.push(record.type);
        } catch (err) {
          const reason = describeRecordFailure(err);
          if (reason === undefined) throw err;
          batchRejections.push({ line, reason });
        }
        if (performance.now() >= deadline) break;
      }
    });
    for (const type of batchLoaded) loaded[type] += 1;
    // Warnings come from records only (in line order); they are final once the batch committed.
    warningCount += batchWarnings.length;
    warnings.push(...batchWarnings.slice(0, Math.max(0, maxRejected - warnings.length)));
    loadedCount += batchLoaded.length;
    // Parse rejections of later lines were recorded already; keep the list in line order.
    for (const r of batchRejections) reject(r.line, r.reason);
    if (batchRejections.length) rejected.sort((a, b) => a.line - b.line);
    return next;
  };

  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    // A database error ends the load: the rest of `current` is dropped, not retried by the caller.
    let next = 0;
    while (next < current.length) {
      if (next > 0) await yieldToEventLoop(); // the budget ran out: let other requests in
      next = commitSome(current, next);
      report('loading');
    }
  };

  // The next line at which reading looks at the clock (or the line count) for progress.
  let nextProgressCheck = options.onProgress ? Math.min(PROGRESS_CHECK_LINES, progressEveryRecords) : Infinity;
  try {
    for await (const item of readNdjsonLines(input, { maxLineBytes })) {
      linesRead = item.line;
      bytesRead += item.bytes + 1;
      if (linesRead >= nextProgressCheck) {
        report('loading');
        nextProgressCheck = Math.min(linesRead + PROGRESS_CHECK_LINES, lastProgressLine + progressEveryRecords);
      }
      if ('tooLong' in item) {
        reject(item.line, TOO_LONG_REASON(maxLineBytes));
        continue;
      }
      if (item.text.trim() === '') continue;
      const parsed = parseIngestLine(item.text);
      if (!parsed.ok) {
        reject(item.line, parsed.reason);
        continue;
      }
      batch.push({ line: item.line, record: parsed.record });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (err) {
    // Keep what was read completely; then report how far we got.
    try {
      await flush();
      searchIndex = writer.refreshSearchIndex();
    } catch {
      // the original error is the one to report
    }
    throw new IngestAbortedError(
      `ingest stopped after line ${linesRead}: ${err instanceof Error ? err.message : String(err)}`,
      summarize(),
      err,
    );
  }
  report('indexing', true);
  try {
    const steps = writer.refreshSearchIndexSteps();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        searchIndex = step.value;
        break;
      }
      await yieldToEventLoop(); // let other requests in between steps
    }
  } catch (err) {
    // Every record is committed; only the search index is behind (the pending mark makes the search
    // app rebuild it on its next start). Callers still get the summary, like any stop part-way.
    throw new IngestAbortedError(
      `ingest loaded every line but could not refresh the search index: ${err instanceof Error ? err.message : String(err)}`,
      summarize(),
      err,
    );
  }
  const summary = summarize();
  report('done', true);
  return summary;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The reason a record is rejected, or undefined when the error is not the record's fault (fatal). */
function describeRecordFailure(err: unknown): string | undefined {
  if (err instanceof RejectedRecordError) return err.message;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return `could not be stored: ${(err as Error).message}`;
  }
  return undefined;
}
