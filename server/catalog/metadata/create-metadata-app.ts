// The Amundsen-compatible metadata service (phase 1: health, table detail, popular tables/resources).
// Routes are matched on the percent-DECODED path by route-decoded-path.ts, so table keys work raw
// (`/table/hive://gold.core/customers`) and fully encoded (`/table/hive%3A%2F%2Fgold.core%2Fcustomers`).
//
// Trailing slashes follow Werkzeug: `/popular_tables/` and `/popular_resources/` are the real routes;
// without the slash we answer `308 Permanent Redirect` to the slashed path (query string kept), as
// Amundsen does — clients that follow redirects keep working, and the BFF should send the slash.
import express, { type Express, type RequestHandler } from 'express';
import type { CatalogStore } from '../store/create-catalog-store';
import { InputError, NotFoundError } from '../http/catalog-errors';
import { sendJson } from '../http/send-json';
import { routeDecodedPath, type CatalogRoute } from '../http/route-decoded-path';
import { createCatalogErrorHandler, type ErrorLog } from '../http/handle-catalog-errors';
import { parseCommaList, parseLimit } from '../http/parse-query';

export interface MetadataAppDeps {
  store: CatalogStore;
  authenticate: RequestHandler;
  log: ErrorLog;
}

const POPULAR_RESOURCE_TYPES = new Set(['table', 'dashboard']);

export function createMetadataApp({ store, authenticate, log }: MetadataAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const redirectWithSlash = (path: string): CatalogRoute => ({
    method: 'GET',
    pattern: new RegExp(`^${path}$`),
    handle(req, res) {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      res.location(`${path}/${query}`);
      sendJson(res, 308, { message: `Redirecting to ${path}/ (this route ends with a slash)` });
    },
  });

  const routes: CatalogRoute[] = [
    {
      method: 'GET',
      pattern: /^\/healthcheck$/,
      public: true,
      handle(_req, res) {
        const ok = store.checkHealth();
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'fail', checks: { 'SqliteProxy:connection': { ok } } });
      },
    },
    redirectWithSlash('/popular_tables'),
    {
      // UID is accepted but not used yet: phase 1 ranks globally (Amundsen personalises by co-readers).
      method: 'GET',
      pattern: /^\/popular_tables\/(?<uid>[^/]*)$/,
      handle(req, res) {
        const tables = store.tables.listPopularTables(parseLimit(req));
        sendJson(res, 200, {
          popular_tables: tables.map(({ database, cluster, schema, name, description }) => ({ database, cluster, schema, name, description })),
        });
      },
    },
    redirectWithSlash('/popular_resources'),
    {
      method: 'GET',
      pattern: /^\/popular_resources\/(?<uid>[^/]*)$/,
      handle(req, res) {
        const limit = parseLimit(req);
        const types = parseCommaList(req, 'types', ['table']).map((t) => t.toLowerCase());
        const unknown = types.find((t) => !POPULAR_RESOURCE_TYPES.has(t));
        if (unknown) throw new InputError(`Unknown resource type "${unknown}" in types; use table and/or dashboard`);
        // A type that was not asked for is `{}` (not `[]`), exactly like Amundsen (API.md §9.1).
        sendJson(res, 200, {
          Table: types.includes('table') ? store.tables.listPopularTables(limit) : {},
          Dashboard: types.includes('dashboard') ? [] : {},
        });
      },
    },
    // Specific /table/KEY/... suffix routes go HERE, before the catch-all detail route (API.md §1).
    {
      method: 'GET',
      pattern: /^\/table\/(?<key>.+)$/,
      handle(_req, res, { key }) {
        const table = store.tables.getTableDetail(key);
        if (!table) throw new NotFoundError(`table_uri ${key} does not exist`);
        sendJson(res, 200, table);
      },
    },
  ];

  app.use(routeDecodedPath(routes, authenticate));
  app.use(createCatalogErrorHandler(log));
  return app;
}
