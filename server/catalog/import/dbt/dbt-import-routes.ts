// POST /import/dbt — the dbt import over HTTP (docs/ingest.md, "dbt"), for a CI job that has just run
// `dbt docs generate`: the body is `{"manifest": {…}, "catalog": {…}}` (application/json, gzip
// accepted), the options are query parameters (`database`, `name_from`, `tags_as`, `source_url`,
// `project`, `prune`, `allow_large_prune`, `dry_run`). Answers 200 with the import report — also when
// some nodes were bad: check `bad` — 400 when the artifacts are refused (a manifest older than v4, not
// a manifest, a bad or unknown option), 422 when a prune would remove all the project's tables (or more than
// half of many) and `allow_large_prune` does not confirm it (../prune-guard.ts), 413 over the size limit. Same bearer token as every catalog route; the edit log
// records the caller.
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { CatalogDatabase } from '../../store/open-catalog-database';
import { InputError } from '../../http/catalog-errors';
import { createCatalogErrorHandler, type ErrorLog } from '../../http/handle-catalog-errors';
import { checkQueryParameters, parseQueryFlag, parseQueryText } from '../../http/parse-query';
import { sendJson } from '../../http/send-json';
import { readEditorId } from '../../metadata/read-editor-id';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCH_MS } from '../../ingest/ingest-ndjson';
import { DBT_QUERY_PARAMETERS, resolveDbtOptions } from './dbt-import-options';
import { importDbtProject } from './import-dbt-project';
import { DbtArtifactError, parseCatalog, parseManifest } from './read-dbt-artifacts';

export interface DbtImportRoutesDeps {
  db: CatalogDatabase;
  /** Bearer-token check; leave out when the router is mounted behind one already. */
  authenticate?: RequestHandler;
  log?: ErrorLog;
  /** Largest body accepted (after gzip), in bytes; default 200 MiB (a manifest of some thousand models is tens of MB). */
  maxBytes?: number;
}

export const DEFAULT_DBT_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const flag = parseQueryFlag;
const text = parseQueryText;

export function createDbtImportRoutes(deps: DbtImportRoutesDeps): Router {
  const log = deps.log ?? { error: (message, err) => console.error(message, err) };
  const router = express.Router();
  // Only one import at a time: two would compare against the same state and both write.
  let running = false;

  const importDbt: RequestHandler = async (req: Request, res) => {
    checkQueryParameters(req.query, DBT_QUERY_PARAMETERS, 'POST /import/dbt');
    if (!req.is('application/json')) throw new InputError('Send the artifacts as application/json: {"manifest": {…}, "catalog": {…}}.');
    const body = req.body as { manifest?: unknown; catalog?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || body.manifest === undefined) {
      const artifact = unwrappedArtifact(body);
      if (artifact) {
        throw new InputError(
          `The body is dbt's ${artifact} itself, not wrapped: send {"manifest": <target/manifest.json>, "catalog": <target/catalog.json>}, ` +
            'e.g. jq -n --slurpfile m target/manifest.json --slurpfile c target/catalog.json \'{manifest: $m[0], catalog: $c[0]}\' | curl … --data-binary @-',
        );
      }
      throw new InputError('The body must be {"manifest": {…}, "catalog": {…}}: dbt\'s target/manifest.json and target/catalog.json ("catalog" may be left out).');
    }
    const q = req.query;
    let artifacts;
    let mapping;
    try {
      const { manifest, version } = parseManifest(body.manifest, 'manifest');
      const catalog = body.catalog === undefined || body.catalog === null ? undefined : parseCatalog(body.catalog, 'catalog');
      artifacts = { manifest, version, catalog };
      mapping = resolveDbtOptions(
        {
          database: text(q.database, 'database'), nameFrom: text(q.name_from, 'name_from'), tagsAs: text(q.tags_as, 'tags_as'),
          sourceUrl: text(q.source_url, 'source_url'), project: text(q.project, 'project'),
        },
        manifest,
        (option) => (option === 'database' ? 'database' : option.replace('-', '_')),
      );
    } catch (err) {
      if (err instanceof InputError) throw err;
      if (err instanceof DbtArtifactError || err instanceof Error) throw new InputError(err.message);
      throw err;
    }
    const prune = flag(q.prune, 'prune');
    const allowLargePrune = flag(q.allow_large_prune, 'allow_large_prune');
    const dryRun = flag(q.dry_run, 'dry_run');
    if (running) {
      res.setHeader('Retry-After', '5');
      sendJson(res, 409, { message: 'Another dbt import is running; try again when it has finished.' });
      return;
    }
    running = true;
    try {
      const report = await importDbtProject(deps.db, artifacts, {
        ...mapping, prune, allowLargePrune, optionStyle: 'query', dryRun, importedBy: readEditorId(res), batchSize: DEFAULT_BATCH_SIZE, maxBatchMs: DEFAULT_MAX_BATCH_MS,
      });
      sendJson(res, 200, report);
    } finally {
      running = false;
    }
  };

  router.post(
    '/import/dbt',
    ...(deps.authenticate ? [deps.authenticate] : []),
    express.json({ limit: deps.maxBytes ?? DEFAULT_DBT_IMPORT_MAX_BYTES }),
    importDbt,
  );
  router.use(createCatalogErrorHandler(log));
  return router;
}

/** `manifest.json` or `catalog.json` when the body is that dbt artifact itself rather than `{"manifest": …}`. */
function unwrappedArtifact(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { metadata, nodes } = body as { metadata?: { dbt_schema_version?: unknown }; nodes?: unknown };
  const schema = typeof metadata?.dbt_schema_version === 'string' ? metadata.dbt_schema_version : '';
  if (/\/catalog\/v\d+/.test(schema)) return 'catalog.json';
  if (/\/manifest\/v\d+/.test(schema) || (schema === '' && typeof nodes === 'object' && nodes !== null && 'metadata' in body)) return 'manifest.json';
  return undefined;
}
