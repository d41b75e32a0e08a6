// POST /api/v1/lineage — the path OpenLineage's HTTP transport posts to (docs/ingest.md#openlineage).
// Body: one event as JSON (what OpenLineage clients send), or a batch: a JSON array of events, or
// NDJSON (one event per line). Answers 201 with the import report when the catalog changed, 200 when
// it already held everything the events say (a re-post), 400 naming the bad field of a single event.
// In a batch, bad events are listed in `rejected` (by index or line) and the rest is loaded.
import express, { type RequestHandler, type Router } from 'express';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import { InputError } from '../../http/catalog-errors';
import { createCatalogErrorHandler, type ErrorLog } from '../../http/handle-catalog-errors';
import { sendJson } from '../../http/send-json';
import { readEditorId } from '../../metadata/read-editor-id';
import { importOpenLineageEvents } from './import-openlineage-events';
import { readOpenLineageEvent, type ReadEvent } from './read-openlineage-event';

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

interface Rejected {
  /** The event's index in a JSON array (from 0), or its line in NDJSON (from 1). */
  event?: number;
  line?: number;
  field: string;
  reason: string;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

export function createOpenLineageRoutes(deps: OpenLineageRoutesDeps): Router {
  const router = express.Router();
  // body-parser inflates gzip and deflate (the transport's `compression: gzip`) and enforces the limit.
  const readBody = express.text({ type: () => true, limit: deps.maxBytes ?? DEFAULT_OPENLINEAGE_MAX_BYTES });

  const receive: RequestHandler = async (req, res) => {
    const ndjson = req.is(NDJSON_TYPES);
    if (!ndjson && req.headers['content-type'] && !req.is(JSON_TYPES)) {
      throw new InputError(`Send OpenLineage events as Content-Type: application/json (one event, or an array of events) or application/x-ndjson (one event per line); got "${req.headers['content-type']}".`);
    }
    const body = typeof req.body === 'string' ? req.body : '';
    if (body.trim() === '') throw new InputError('The request body is empty: send an OpenLineage event.');

    const events: ReadEvent[] = [];
    const rejected: Rejected[] = [];
    if (ndjson) {
      body.split('\n').forEach((text, i) => {
        if (text.trim() === '') return;
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (error) {
          rejected.push({ line: i + 1, field: '', reason: `invalid JSON: ${(error as Error).message}` });
          return;
        }
        const read = readOpenLineageEvent(raw);
        if (read.ok) events.push(read.event);
        else rejected.push({ line: i + 1, field: read.field, reason: read.reason });
      });
    } else {
      const raw = parseJson(body, 'The request body');
      if (Array.isArray(raw)) {
        raw.forEach((item, i) => {
          const read = readOpenLineageEvent(item);
          if (read.ok) events.push(read.event);
          else rejected.push({ event: i, field: read.field, reason: read.reason });
        });
      } else {
        const read = readOpenLineageEvent(raw);
        if (!read.ok) throw new InputError(`Not a valid OpenLineage event: ${read.reason}.`);
        events.push(read.event);
      }
    }

    const report = await importOpenLineageEvents(deps.db, events, { importedBy: readEditorId(res) });
    const changed = report.tables.added + report.tables.changed + report.lineage.added > 0;
    sendJson(res, changed ? 201 : 200, { ...report, rejected, rejectedCount: rejected.length });
  };

  router.post(OPENLINEAGE_PATH, ...(deps.authenticate ? [deps.authenticate] : []), readBody, receive);
  router.use(createCatalogErrorHandler(deps.log));
  return router;
}
