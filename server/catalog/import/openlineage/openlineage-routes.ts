// POST /api/v1/lineage — the path OpenLineage's HTTP transport posts to (docs/ingest.md#openlineage).
// Body: one event as JSON (what OpenLineage clients send), or a batch: a JSON array of events, or
// NDJSON (one event per line). Answers 201 with the import report when the catalog changed, 200 when
// it already held everything the events say (a re-post), 400 naming the bad field of a single event.
// In a batch, bad events are listed in `rejected` (by index or line) and the rest is loaded. Events of
// one run may come in separate requests (START with the inputs, COMPLETE with the outputs): the
// catalog remembers each run's datasets for a while and pairs them (openlineage-run-memory.ts).
// `?dry_run=true` compares and reports the same figures, and writes nothing (200).
import express, { type RequestHandler, type Router } from 'express';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import { InputError } from '../../http/catalog-errors';
import { createCatalogErrorHandler, type ErrorLog } from '../../http/handle-catalog-errors';
import { sendJson } from '../../http/send-json';
import { checkQueryParameters, parseQueryFlag } from '../../http/parse-query';
import { readEditorId } from '../../metadata/read-editor-id';
import { importOpenLineageEvents } from './import-openlineage-events';
import { InvalidJsonError, readEventBatch, type ReadBatch } from './read-openlineage-event';
import { HEAD_BYTES, recogniseForeignInput } from '../../ingest/recognise-foreign-input';

export const OPENLINEAGE_PATH = '/api/v1/lineage';
const JSON_TYPES = ['application/json', '+json'];
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];
export const DEFAULT_OPENLINEAGE_MAX_BYTES = 16 * 1024 * 1024;

export interface OpenLineageRoutesDeps {
  db: CatalogDatabase;
  /** Bearer-token check (and the machine-client rule) run before the body is read. */
  authenticate?: RequestHandler;
  log: ErrorLog;
  /** Largest (decompressed) body, default 16 MiB. */
  maxBytes?: number;
}

export function createOpenLineageRoutes(deps: OpenLineageRoutesDeps): Router {
  const router = express.Router();
  // body-parser inflates gzip and deflate (the transport's `compression: gzip`) and enforces the limit.
  const readBody = express.text({ type: () => true, limit: deps.maxBytes ?? DEFAULT_OPENLINEAGE_MAX_BYTES });

  const receive: RequestHandler = async (req, res) => {
    // A misspelt `dry-run` would write; `dry_run=yes` too.
    checkQueryParameters(req.query, ['dry_run'], `POST ${OPENLINEAGE_PATH}`, { slipsOnly: true });
    const dryRun = parseQueryFlag(req.query.dry_run, 'dry_run');
    const ndjson = req.is(NDJSON_TYPES);
    if (!ndjson && req.headers['content-type'] && !req.is(JSON_TYPES)) {
      throw new InputError(`Send OpenLineage events as Content-Type: application/json (one event, or an array of events) or application/x-ndjson (one event per line); got "${req.headers['content-type']}".`);
    }
    const body = typeof req.body === 'string' ? req.body : '';
    if (body.trim() === '') throw new InputError('The request body is empty: send an OpenLineage event.');

    // A dbt artifact would be refused as "not an OpenLineage event": say what it is and where it goes.
    const foreign = recogniseForeignInput(Buffer.from(body.slice(0, HEAD_BYTES)));
    if (foreign?.kind === 'dbt') {
      const what = foreign.artifact === 'manifest' ? 'a dbt manifest' : foreign.artifact === 'catalog' ? "a dbt catalog.json" : 'a dbt artifact';
      throw new InputError(`The request body is ${what}, not OpenLineage events: to load a dbt project, POST {"manifest": …, "catalog": …} to /import/dbt as application/json.`);
    }

    let batch: ReadBatch;
    try {
      batch = readEventBatch(body, ndjson ? 'ndjson' : 'json');
    } catch (error) {
      if (error instanceof InvalidJsonError) {
        const hint = looksLikeNdjson(body) ? ': it looks like NDJSON (one event a line), so send it as Content-Type: application/x-ndjson' : '';
        throw new InputError(`The request body is ${error.message}${hint}`);
      }
      throw error;
    }
    const { events, rejected } = batch;
    // `[]` is as empty as an empty body: a producer that sends it has nothing to say, or is broken.
    if (events.length === 0 && rejected.length === 0) throw new InputError('The request body holds no events (an empty array): send an OpenLineage event.');
    if (batch.single && rejected.length) throw new InputError(`Not a valid OpenLineage event: ${rejected[0].reason}.`);

    const report = await importOpenLineageEvents(deps.db, events, { importedBy: readEditorId(res), dryRun });
    const changed = report.tables.added + report.tables.changed + report.lineage.added + report.columnLineage.added > 0;
    sendJson(res, changed && !dryRun ? 201 : 200, { ...report, rejected, rejectedCount: rejected.length });
  };

  router.post(OPENLINEAGE_PATH, ...(deps.authenticate ? [deps.authenticate] : []), readBody, receive);
  router.use(createCatalogErrorHandler(deps.log));
  return router;
}

/** Two lines or more, the first few each one JSON object: NDJSON sent as application/json. */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  return lines.slice(0, 3).every((line) => {
    try {
      const value = JSON.parse(line) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    } catch {
      return false;
    }
  });
}
