// The Amundsen-compatible metadata service (API.md §4): tables, columns, type metadata, lineage,
// dashboards, users, bookmarks, popular lists, tags, badges, statistics, and our edit log.
// Routes are matched on the percent-DECODED path by route-decoded-path.ts, so keys work raw
// (`/table/hive://gold.core/customers`) and fully encoded (`/table/hive%3A%2F%2Fgold.core%2Fcustomers`).
//
// Trailing slashes follow Werkzeug: `/popular_tables/`, `/popular_resources/`, `/tags/`, `/badges/`,
// `/table/KEY/dashboard/`, `/user/UID/follow|own|read/` are the real routes; the slash-less GETs
// answer `308 Permanent Redirect` to the slashed path (query string kept), as Amundsen does.
//
// Every write runs in one BEGIN IMMEDIATE transaction with its edit-log entry (who: the token's email
// or subject) and the search-index refresh (store/edit-resources.ts, store/edit-users.ts).
import express, { type Express, type RequestHandler } from 'express';
import type { CatalogStore } from '../store/create-catalog-store';
import type { BadgeRecord } from '../store/catalog-records';
import { routeDecodedPath } from '../http/route-decoded-path';
import { createCatalogErrorHandler, type ErrorLog } from '../http/handle-catalog-errors';
import { createBadgePolicy } from './create-badge-policy';
import { buildCatalogRoutes } from './build-catalog-routes';
import { buildTableRoutes } from './build-table-routes';
import { buildDashboardRoutes } from './build-dashboard-routes';
import { buildUserRoutes } from './build-user-routes';

export interface MetadataAppDeps {
  store: CatalogStore;
  authenticate: RequestHandler;
  log: ErrorLog;
  /** Badges a PUT may attach besides those already in the catalog (see create-badge-policy.ts). */
  badgeWhitelist?: readonly BadgeRecord[];
  /** Serve description ETags and honour If-Match (build-description-routes.ts); default true. */
  descriptionEtags?: boolean;
}

export function createMetadataApp({ store, authenticate, log, badgeWhitelist, descriptionEtags = true }: MetadataAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const badges = createBadgePolicy(store.resources, badgeWhitelist);

  app.use(routeDecodedPath([
    ...buildCatalogRoutes(store),
    ...buildTableRoutes(store, badges, { etags: descriptionEtags }),
    ...buildDashboardRoutes(store, badges, { etags: descriptionEtags }),
    ...buildUserRoutes(store),
  ], authenticate));
  app.use(createCatalogErrorHandler(log));
  return app;
}
