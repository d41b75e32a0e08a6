// The Amundsen-compatible search service: GET /healthcheck and POST /v2/search.
// Phase 1 searches tables; dashboard/feature/user groups are answered empty.
// The body is parsed as JSON whatever its Content-Type (Amundsen demands application/json and
// answers 415 otherwise; being lenient costs nothing here).
import express, { type Express, type RequestHandler } from 'express';
import type { CatalogStore } from '../store/create-catalog-store';
import { sendJson } from '../http/send-json';
import { routeDecodedPath, type CatalogRoute } from '../http/route-decoded-path';
import { createCatalogErrorHandler, type ErrorLog } from '../http/handle-catalog-errors';
import { parseSearchRequest } from './parse-search-request';
import { createTableSearch } from './search-tables';

export interface SearchAppDeps {
  store: CatalogStore;
  authenticate: RequestHandler;
  log: ErrorLog;
}

export function createSearchApp({ store, authenticate, log }: SearchAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const tableSearch = createTableSearch(store.db);
  const parseJson = express.json({ type: () => true, limit: '256kb', strict: true });

  const routes: CatalogRoute[] = [
    {
      method: 'GET',
      pattern: /^\/healthcheck$/,
      public: true,
      handle(_req, res) {
        const ok = store.checkHealth();
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'fail', checks: { 'SqliteFts5Proxy:connection': { ok } } });
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/search$/,
      before: [parseJson],
      handle(req, res) {
        const request = parseSearchRequest(req.body);
        const results: Record<string, unknown> = {};
        for (const type of request.types) {
          results[type] = type === 'table'
            ? tableSearch.searchTables({
                queryTerm: request.query_term,
                filters: request.filters,
                pageIndex: request.page_index,
                resultsPerPage: request.results_per_page,
              })
            : { total_results: 0, results: [] };
        }
        sendJson(res, 200, {
          msg: 'Success',
          page_index: request.page_index,
          results_per_page: request.results_per_page,
          results,
          status_code: 200,
        });
      },
    },
  ];

  app.use(routeDecodedPath(routes, authenticate));
  app.use(createCatalogErrorHandler(log));
  return app;
}
