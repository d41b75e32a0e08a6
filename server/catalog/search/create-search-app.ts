// The Amundsen-compatible search service: GET /healthcheck, POST /v2/search (tables, dashboards,
// users; the feature group is always empty — the catalog holds no ML features) and
// POST/DELETE /v2/document.
// The body is parsed as JSON whatever its Content-Type (Amundsen demands application/json and
// answers 415 otherwise; being lenient costs nothing here).
import express, { type Express, type RequestHandler } from 'express';
import type { CatalogStore } from '../store/create-catalog-store';
import { sendJson } from '../http/send-json';
import { routeDecodedPath, type CatalogRoute } from '../http/route-decoded-path';
import { createCatalogErrorHandler, type ErrorLog } from '../http/handle-catalog-errors';
import { parseSearchRequest } from './parse-search-request';
import { createCatalogSearch } from './search-catalog';
import { createDocumentUpdater } from './update-search-document';
import { createSearchIndexMaintainer } from '../store/search-index';

export interface SearchAppDeps {
  store: CatalogStore;
  authenticate: RequestHandler;
  log: ErrorLog;
}

export function createSearchApp({ store, authenticate, log }: SearchAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // A migration that changed the index, or an ingest that stopped before writing its search
  // documents (ingest/write-ingest-records.ts), leaves a flag: build every document once.
  const stale = store.db.prepare(
    "SELECT 1 FROM catalog_settings WHERE name IN ('search_index_stale', 'search_documents_pending')").get();
  if (stale) createSearchIndexMaintainer(store.db).rebuildAll();
  const catalogSearch = createCatalogSearch(store.db);
  const documents = createDocumentUpdater(store.db, catalogSearch.invalidateVocabulary);
  const parseJson = express.json({ type: () => true, limit: '256kb', strict: true });

  const routes: CatalogRoute[] = [
    {
      method: 'GET',
      pattern: /^\/healthcheck$/,
      public: true,
      handle(_req, res) {
        const ok = store.checkHealth();
        // Amundsen's HealthCheck shape, and which service this is (METADATA_URL and SEARCH_URL swapped are told apart).
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'fail', service: 'search', checks: { 'SqliteFts5Proxy:connection': { ok } } });
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/search$/,
      before: [parseJson],
      handle(req, res) {
        sendJson(res, 200, catalogSearch.search(parseSearchRequest(req.body)));
      },
    },
    ...(['POST', 'DELETE'] as const).map((method): CatalogRoute => ({
      method,
      pattern: /^\/v2\/document$/,
      before: [parseJson],
      handle(req, res) {
        sendJson(res, 200, { msg: documents.update(method, req.body) });
      },
    })),
  ];

  app.use(routeDecodedPath(routes, authenticate));
  app.use(createCatalogErrorHandler(log));
  return app;
}
