// POST /ingest — our extension to the metadata API: an NDJSON body of ingest records (see
// docs/ingest.md), streamed into the catalog batch by batch. Answers the ingest summary:
//   200 when the whole body was read (check `rejectedCount`: some rejected records do not change the status),
//   422 when every record of it was rejected (with the summary and its reasons: `curl --fail` notices),
//   400 wrong content type or encoding, or a body of another kind (a dbt manifest, OpenLineage events,
//   a JSON array, gzip without Content-Encoding: recognise-foreign-input.ts; nothing is loaded), 413
//   body over the limit (the lines before the limit ARE loaded; the body says how far it got), 500
//   database failure.
// With `Accept: application/x-ndjson` the answer streams instead: 200 at once, a progress line per
// progress event, and a last line that is the summary, or an error (with the status the JSON answer
// would have had) when the load stopped part-way. Checks that fail before loading keep their status.
import { finished } from 'node:stream';
import { createGunzip } from 'node:zlib';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { AppError, InputError } from '../http/catalog-errors';
import { createCatalogErrorHandler, type ErrorLog } from '../http/handle-catalog-errors';
import { sendJson } from '../http/send-json';
import { checkQueryParameters } from '../http/parse-query';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_BATCH_MS,
  IngestAbortedError,
  ingestNdjson,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
} from './ingest-ndjson';
import { recordIngest } from './write-ingest-records';
import { describeForeignInputForHttp, HEAD_BYTES, recogniseForeignInput, startsWithRecord } from './recognise-foreign-input';
import { peekHead } from './peek-head';
import { readEditorId } from '../metadata/read-editor-id';

export const NDJSON_CONTENT_TYPES = ['application/x-ndjson', 'application/jsonl'];
export const DEFAULT_INGEST_MAX_BYTES = 100 * 1024 * 1024;

export interface IngestRoutesDeps {
  db: CatalogDatabase;
  /** Bearer-token check; leave out when the router is mounted behind one already. */
  authenticate?: RequestHandler;
  log?: ErrorLog;
  /** Largest (decompressed) body accepted, in bytes; default 100 MiB. */
  maxBytes?: number;
  /** Batch and progress settings (tests use small ones); not settable by the client. */
  ingestOptions?: Omit<IngestOptions, 'onProgress'>;
}

/**
 * Short transactions: the endpoint shares its process (and event loop) with every other request,
 * and better-sqlite3 blocks that loop while a transaction runs.
 */
const ENDPOINT_INGEST_OPTIONS: IngestOptions = { batchSize: DEFAULT_BATCH_SIZE, maxBatchMs: DEFAULT_MAX_BATCH_MS };

/** One line of a streamed answer (docs/ingest.md). */
type IngestStreamLine =
  | ({ type: 'progress' } & IngestProgress)
  | ({ type: 'summary' } & IngestSummary)
  | ({ type: 'error'; status: number; message: string } & Partial<IngestSummary>);

class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError';
  readonly status = 413;
}

const stderrLog: ErrorLog = {
  error(message, err) {
    process.stderr.write(`${new Date().toISOString()} error ${message}${err instanceof Error ? ` — ${err.message}` : ''}\n`);
  },
};

export function createIngestRoutes(deps: IngestRoutesDeps): Router {
  const maxBytes = deps.maxBytes ?? DEFAULT_INGEST_MAX_BYTES;
  const log = deps.log ?? stderrLog;
  const ingestOptions: IngestOptions = { ...ENDPOINT_INGEST_OPTIONS, ...deps.ingestOptions };
  const router = express.Router();

  // Who ingested goes to the edit log (one row per request).
  const noteIngest = (res: Response, summary: IngestSummary) => {
    if (Object.values(summary.loaded).some((n) => n > 0)) recordIngest(deps.db, { user_id: readEditorId(res), summary });
  };

  /**
   * The answer to a load that stopped part-way for a reason the client can act on (413, 400), with
   * how far it got. Anything else is rethrown: a 500, which says no more than that.
   */
  const answerAbort = (res: Response, err: unknown): { status: number; body: { message: string } & IngestSummary } => {
    if (!(err instanceof IngestAbortedError)) throw err;
    noteIngest(res, err.summary);
    const cause = err.cause;
    if (cause instanceof BodyLimitExceeded) {
      return {
        status: 413,
        body: {
          message: `The request body is larger than ${maxBytes} bytes; lines 1–${err.summary.linesRead} were processed (see loaded and rejected), the rest was not read.`,
          ...err.summary,
        },
      };
    }
    // The client hung up mid-body (node: "aborted", ECONNRESET): nobody reads this answer, and it is
    // not a server failure to log.
    if ((cause as { code?: string } | null)?.code === 'ECONNRESET') {
      return {
        status: 400,
        body: { message: `The client closed the connection after line ${err.summary.linesRead}; the lines before it were processed.`, ...err.summary },
      };
    }
    if ((cause as { code?: string } | null)?.code?.startsWith('Z_')) {
      return {
        status: 400,
        body: {
          message: `The gzip body could not be decompressed after line ${err.summary.linesRead}; the lines before it were processed.`,
          ...err.summary,
        },
      };
    }
    throw err;
  };

  /**
   * The body again from its start, once its first bytes say it may be NDJSON records; otherwise the
   * status and message to answer (nothing was loaded). A body that fails before those bytes are read
   * fails in the load, which says how far it got.
   */
  const readHead = async (body: AsyncIterable<Buffer>): Promise<{ input: AsyncIterable<Buffer> } | { status: number; message: string }> => {
    const { head, input } = await peekHead(body, HEAD_BYTES, { enough: startsWithRecord, deferErrors: true });
    const foreign = recogniseForeignInput(head);
    if (foreign) return { status: 400, message: `${describeForeignInputForHttp(foreign)}.` };
    return { input };
  };

  const streamIngest = async (req: Request, res: Response, body: AsyncIterable<Buffer>) => {
    res.status(200).type('application/x-ndjson').set('Cache-Control', 'no-store');
    // Send the status and headers now, not with the first progress line (a batch or more away).
    res.flushHeaders();
    let records: AsyncIterable<Buffer>;
    try {
      records = limitBytes(await refuseNoRecords(body, maxBytes), maxBytes);
    } catch (err) {
      // An empty body: the status line is sent, so the refusal is the stream's one line.
      if (!(err instanceof InputError)) throw err;
      if (!res.writableEnded) res.end(`${JSON.stringify({ type: 'error', status: err.status, message: err.message } satisfies IngestStreamLine)}\n`);
      return;
    }
    // A client that went away gets no more lines; the load itself goes on (or stops, if the body
    // was cut off) and refreshes the search index as usual.
    let open = true;
    res.on('close', () => (open = false));
    const writeLine = (line: IngestStreamLine) => {
      if (!open || res.writableEnded) return;
      try {
        res.write(`${JSON.stringify(line)}\n`);
      } catch {
        open = false; // never let a dead socket break the load (this runs inside onProgress)
      }
    };
    let summary: IngestSummary | undefined; // kept for the error line if the edit-log note fails
    try {
      const head = await readHead(records);
      if (!('input' in head)) {
        writeLine({ type: 'error', ...head });
        if (open) res.end();
        return;
      }
      const { input } = head;
      summary = await ingestNdjson(deps.db, input, {
        ...ingestOptions,
        onProgress: (progress) => writeLine({ type: 'progress', ...progress }),
      });
      noteIngest(res, summary);
      writeLine({ type: 'summary', ...summary });
    } catch (err) {
      try {
        const { status, body } = answerAbort(res, err);
        writeLine({ type: 'error', status, ...body });
      } catch (failure) {
        // What the error handler does for a JSON answer: log it; the client learns only "500".
        log.error(`catalog ${req.method} ${req.path} failed`, failure);
        const partial = err instanceof IngestAbortedError ? err.summary : summary ?? {};
        writeLine({ type: 'error', status: 500, message: 'Internal Server Error', ...partial });
      }
    }
    if (open) res.end();
  };

  const ingest: RequestHandler = async (req, res) => {
    checkQueryParameters(req.query, [], 'POST /ingest');
    if (!req.is(NDJSON_CONTENT_TYPES)) {
      throw new InputError(
        `Send the records as Content-Type: application/x-ndjson (one JSON object per line); got ${
          req.headers['content-type'] ? `"${req.headers['content-type']}"` : 'no content type'
        }.`,
      );
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      throw new InputError(`Content-Encoding "${encoding}" is not supported; send identity or gzip.`);
    }
    const declared = Number(req.headers['content-length']);
    if (encoding === 'identity' && Number.isFinite(declared) && declared > maxBytes) {
      throw new PayloadTooLargeError(`The request body is too large: ${declared} bytes, the limit is ${maxBytes}.`);
    }
    const body = encoding === 'gzip' ? gunzipBody(req) : req;
    // Streaming only when asked for: JSON stays the answer for Accept */*, application/json or none.
    if (req.accepts(['application/json', 'application/x-ndjson']) === 'application/x-ndjson') {
      return streamIngest(req, res, body);
    }
    const head = await readHead(limitBytes(await refuseNoRecords(body, maxBytes), maxBytes));
    if (!('input' in head)) return sendJson(res, head.status, { message: head.message });
    try {
      const summary = await ingestNdjson(deps.db, head.input, ingestOptions);
      noteIngest(res, summary);
      const loaded = Object.values(summary.loaded).reduce((a, b) => a + b, 0);
      if (loaded === 0 && summary.rejectedCount > 0) {
        // Nothing of a body of records loaded: a failure a pipeline must notice (`curl --fail`), with the reasons.
        sendJson(res, 422, { message: `Nothing was loaded: all ${summary.rejectedCount} record(s) were rejected (see rejected).`, ...summary });
        return;
      }
      sendJson(res, 200, summary);
    } catch (err) {
      const { status, body } = answerAbort(res, err);
      sendJson(res, status, body);
    }
  };

  router.post('/ingest', ...(deps.authenticate ? [deps.authenticate] : []), ingest);
  router.use(createCatalogErrorHandler(log));
  return router;
}

class BodyLimitExceeded extends Error {}

/** Blank bytes: ASCII white space, and the bytes of a byte order mark (String.trim takes U+FEFF too). */
const BLANK_BYTES = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xef, 0xbb, 0xbf]);

/**
 * The body again, from its start, once it is seen to hold more than blank lines (or more than
 * `maxBytes` of them: the limit then answers). A body that is empty or blank throughout is refused with
 * 400, nothing loaded, as catalog:ingest refuses an empty file (docs/ingest.md): an export that wrote
 * nothing is almost always a failed job, and a 200 with zeros would hide it. A failure while looking
 * (a broken gzip stream, a hang-up) comes out of the body where it happened, for the load to report.
 */
async function refuseNoRecords(input: AsyncIterable<Buffer>, maxBytes: number): Promise<AsyncIterable<Buffer>> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  try {
    while (size <= maxBytes) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      seen.push(next.value);
      size += next.value.length;
      if (next.value.some((byte) => !BLANK_BYTES.has(byte))) break;
    }
  } catch (error) {
    failure = { error };
  }
  if (ended && Buffer.concat(seen).toString('utf8').trim() === '') {
    throw new InputError(`No records in the request body: nothing loaded (the body ${size === 0 ? 'is empty' : 'has only blank lines'}; `
      + 'an empty export usually means the job that writes it failed). Send one JSON record per line (docs/ingest.md).');
  }
  return (async function* again() {
    yield* seen;
    if (failure) throw failure.error;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/**
 * The decompressed body. pipe() does not pass on a failure of its source, so a client that
 * disconnects mid-body would leave the load waiting for the rest for ever; forward it. (Not
 * pipeline(): when we stop reading at the size limit it would destroy the request, and with it the
 * socket, before the 413 is sent.)
 */
function gunzipBody(req: Request): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  finished(req, (err) => {
    if (err) gunzip.destroy(err);
  });
  return req.pipe(gunzip);
}

async function* limitBytes(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > maxBytes) throw new BodyLimitExceeded(`body over ${maxBytes} bytes`);
    yield chunk;
  }
}
