// POST /import/sqlite — the SQLite import over HTTP (docs/ingest.md, "PostgreSQL and SQLite"): the
// body is the database file itself (application/vnd.sqlite3 or application/octet-stream, gzip
// accepted), the options are query parameters (`cluster`, required as an upload has no file name;
// `schema`, `exclude_schema`, comma-separated globs; `prune`, `allow_large_prune`, `dry_run`). The file
// is written to a temp folder, read there and deleted. Answers 200 with the import report — also when
// some tables were bad: check `bad` — 400 when the body is not a SQLite file or an option is wrong,
// 409 while another SQLite import runs, 422 when a prune would remove all the tables (or more than half
// of many) unconfirmed (../prune-guard.ts), 413 over the size limit. Same bearer token as every catalog route; the
// edit log records the caller. (PostgreSQL has no route: the catalog would need the database's
// credentials; run `npm run catalog:import -- postgres` where they are.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import { InputError } from '../../http/catalog-errors';
import { createCatalogErrorHandler, type ErrorLog } from '../../http/handle-catalog-errors';
import { checkQueryParameters, parseQueryFlag, parseQueryText } from '../../http/parse-query';
import { sendJson } from '../../http/send-json';
import { readEditorId } from '../../metadata/read-editor-id';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCH_MS } from '../../ingest/ingest-ndjson';
import { DatabaseImportError } from './database-import-error';
import { importCrawledDatabase } from './import-crawled-database';
import { CatalogAsSourceError, readSqliteSchema } from './read-sqlite-schema';
import { createSchemaFilter } from './schema-filter';

export interface SqliteImportRoutesDeps {
  db: CatalogDatabase;
  /** Bearer-token check; leave out when the router is mounted behind one already. */
  authenticate?: RequestHandler;
  log?: ErrorLog;
  /** Largest body accepted (after gzip), in bytes; default 1 GiB. */
  maxBytes?: number;
}

export const DEFAULT_SQLITE_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;
const SQLITE_TYPES = ['application/vnd.sqlite3', 'application/x-sqlite3', 'application/octet-stream'];
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Any other query parameter is refused (a misspelt `prunee` would import without prune). */
const SQLITE_QUERY_PARAMETERS = ['cluster', 'schema', 'exclude_schema', 'prune', 'allow_large_prune', 'dry_run'];

const flag = parseQueryFlag;
const text = parseQueryText;

export function createSqliteImportRoutes(deps: SqliteImportRoutesDeps): Router {
  const log = deps.log ?? { error: (message, err) => console.error(message, err) };
  const router = express.Router();
  // Only one import at a time: two would compare against the same state and both write.
  let running = false;

  const importSqlite: RequestHandler = async (req: Request, res) => {
    checkQueryParameters(req.query, SQLITE_QUERY_PARAMETERS, 'POST /import/sqlite');
    const body = req.body as unknown;
    if (!Buffer.isBuffer(body) || !req.is(SQLITE_TYPES)) {
      throw new InputError('Send the SQLite database file itself as the body, as application/vnd.sqlite3 (or application/octet-stream).');
    }
    if (body.length < SQLITE_HEADER.length || !body.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
      throw new InputError('The body is not a SQLite database file (it does not start with "SQLite format 3").');
    }
    const q = req.query;
    const cluster = text(q.cluster, 'cluster');
    if (!cluster || cluster.includes('/')) {
      throw new InputError('cluster is required (an upload has no file name to take it from): a name without "/", e.g. ?cluster=shop');
    }
    const filter = createSchemaFilter([text(q.schema, 'schema') ?? ''].filter(Boolean), [text(q.exclude_schema, 'exclude_schema') ?? ''].filter(Boolean));
    const prune = flag(q.prune, 'prune');
    const allowLargePrune = flag(q.allow_large_prune, 'allow_large_prune');
    const dryRun = flag(q.dry_run, 'dry_run');
    if (running) {
      res.setHeader('Retry-After', '5');
      sendJson(res, 409, { message: 'Another SQLite import is running; try again when it has finished.' });
      return;
    }
    running = true;
    const dir = mkdtempSync(join(tmpdir(), 'nansen-sqlite-upload-'));
    try {
      const file = join(dir, `${cluster}.sqlite`.replace(/[^\w.-]/g, '_'));
      writeFileSync(file, body);
      let crawled;
      try {
        crawled = readSqliteSchema(file);
      } catch (err) {
        if (err instanceof CatalogAsSourceError) {
          throw new InputError('The body is a Nansen catalog file, not a database to import: send the SQLite file of the application whose tables you want in the catalog.');
        }
        if (err instanceof DatabaseImportError) throw new InputError('The body is not a readable SQLite database file.');
        throw err;
      }
      let report;
      try {
        report = await importCrawledDatabase(deps.db, crawled, {
          engine: 'sqlite', location: 'upload', cluster, filter, schemaOption: 'schema', prune, allowLargePrune, optionStyle: 'query', dryRun, importedBy: readEditorId(res),
          batchSize: DEFAULT_BATCH_SIZE, maxBatchMs: DEFAULT_MAX_BATCH_MS,
        });
      } catch (err) {
        // A `schema` that matches no schema of the file.
        if (err instanceof DatabaseImportError) throw new InputError(err.message);
        throw err;
      }
      sendJson(res, 200, { ...report, database: cluster });
    } finally {
      running = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };

  router.post(
    '/import/sqlite',
    ...(deps.authenticate ? [deps.authenticate] : []),
    express.raw({ type: SQLITE_TYPES, limit: deps.maxBytes ?? DEFAULT_SQLITE_IMPORT_MAX_BYTES }),
    importSqlite,
  );
  router.use(createCatalogErrorHandler(log));
  return router;
}
