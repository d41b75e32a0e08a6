// POST /ingest — our extension to the metadata API: an NDJSON body of ingest records (see
// docs/ingest.md), streamed into the catalog batch by batch. Answers the ingest summary:
//   200 when the whole body was read (check `rejectedCount`: rejected records do not change the status),
//   400 wrong content type or encoding, 413 body over the limit (the lines before the limit ARE loaded;
//   the body says how far it got), 500 database failure.
import { createGunzip } from 'node:zlib';
import express, { type RequestHandler, type Router } from 'express';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { AppError, InputError } from '../http/catalog-errors';
import { createCatalogErrorHandler, type ErrorLog } from '../http/handle-catalog-errors';
import { sendJson } from '../http/send-json';
import { IngestAbortedError, ingestNdjson, type IngestOptions, type IngestSummary } from './ingest-ndjson';
import { recordIngest } from './write-ingest-records';
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
  ingestOptions?: Omit<IngestOptions, 'onProgress'>;
}

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
  const router = express.Router();

  const ingest: RequestHandler = async (req, res) => {
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
    const body = encoding === 'gzip' ? req.pipe(createGunzip()) : req;
    // Who ingested goes to the edit log (one row per request).
    const noteIngest = (summary: IngestSummary) => {
      if (Object.values(summary.loaded).some((n) => n > 0)) recordIngest(deps.db, { user_id: readEditorId(res), summary });
    };
    try {
      const summary = await ingestNdjson(deps.db, limitBytes(body, maxBytes), deps.ingestOptions);
      noteIngest(summary);
      sendJson(res, 200, summary);
    } catch (err) {
      if (!(err instanceof IngestAbortedError)) throw err;
      noteIngest(err.summary);
      const cause = err.cause;
      if (cause instanceof BodyLimitExceeded) {
        return sendJson(res, 413, {
          message: `The request body is larger than ${maxBytes} bytes; lines 1–${err.summary.linesRead} were processed (see loaded and rejected), the rest was not read.`,
          ...err.summary,
        });
      }
      if ((cause as { code?: string } | null)?.code?.startsWith('Z_')) {
        return sendJson(res, 400, {
          message: `The gzip body could not be decompressed after line ${err.summary.linesRead}; the lines before it were processed.`,
          ...err.summary,
        });
      }
      throw err;
    }
  };

  router.post('/ingest', ...(deps.authenticate ? [deps.authenticate] : []), ingest);
  router.use(createCatalogErrorHandler(deps.log ?? stderrLog));
  return router;
}

class BodyLimitExceeded extends Error {}

async function* limitBytes(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > maxBytes) throw new BodyLimitExceeded(`body over ${maxBytes} bytes`);
    yield chunk;
  }
}
