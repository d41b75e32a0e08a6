// Catalog-wide metadata routes: health, popular lists, tags, badges, statistics, last update and
// our edit-log extension GET /edits.
import { InputError } from '../http/catalog-errors';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';
import { parseCommaList, parseLimit, parseQueryFlag } from '../http/parse-query';
import type { CatalogStore } from '../store/create-catalog-store';
import type { EditResourceType } from '../store/edit-log';
import { parseBeforeId } from './parse-metadata-query';
import { redirectWithSlash } from './redirect-with-slash';

const POPULAR_RESOURCE_TYPES = new Set(['table', 'dashboard']);
const EDIT_RESOURCE_TYPES = new Set<string>(['table', 'column', 'type_metadata', 'dashboard', 'user', 'ingest'] satisfies EditResourceType[]);

export function buildCatalogRoutes(store: CatalogStore): CatalogRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/healthcheck$/,
      public: true,
      handle(_req, res) {
        const ok = store.checkHealth();
        // Amundsen's HealthCheck shape, and which service this is (METADATA_URL and SEARCH_URL swapped are told apart).
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'fail', service: 'metadata', checks: { 'SqliteProxy:connection': { ok } } });
      },
    },
    redirectWithSlash(/^\/popular_tables$/),
    {
      // With a UID: tables the user's co-readers read most, then the global ranking. The UID may hold
      // "/" (Amundsen's `<path:user_id>`), as in the /user routes.
      method: 'GET',
      pattern: /^\/popular_tables\/(?<uid>.*)$/,
      handle(req, res, { uid }) {
        const tables = store.overview.listPopularTables(parseLimit(req), uid || undefined);
        sendJson(res, 200, {
          popular_tables: tables.map(({ database, cluster, schema, name, description }) => ({ database, cluster, schema, name, description })),
        });
      },
    },
    redirectWithSlash(/^\/popular_resources$/),
    {
      method: 'GET',
      pattern: /^\/popular_resources\/(?<uid>.*)$/,
      handle(req, res, { uid }) {
        const limit = parseLimit(req);
        const types = parseCommaList(req, 'types', ['table']).map((t) => t.toLowerCase());
        // Amundsen 500s on an unknown type; a 400 names it.
        const unknown = types.find((t) => !POPULAR_RESOURCE_TYPES.has(t));
        if (unknown) throw new InputError(`Unknown resource type "${unknown}" in types; use table and/or dashboard`);
        // A type that was not asked for is `{}` (not `[]`), exactly like Amundsen (API.md §9.1).
        sendJson(res, 200, {
          Table: types.includes('table') ? store.overview.listPopularTables(limit, uid || undefined) : {},
          Dashboard: types.includes('dashboard') ? store.overview.listPopularDashboards(limit, uid || undefined) : {},
        });
      },
    },
    redirectWithSlash(/^\/tags$/),
    {
      method: 'GET',
      pattern: /^\/tags\/$/,
      handle(_req, res) {
        sendJson(res, 200, { tag_usages: store.overview.listTagUsage() });
      },
    },
    redirectWithSlash(/^\/badges$/),
    {
      method: 'GET',
      pattern: /^\/badges\/$/,
      handle(_req, res) {
        sendJson(res, 200, { badges: store.overview.listBadges() });
      },
    },
    {
      method: 'GET',
      pattern: /^\/latest_updated_ts$/,
      handle(_req, res) {
        const ts = store.overview.getLatestUpdatedTimestamp();
        if (ts === undefined) {
          res.status(204).end();
          return;
        }
        sendJson(res, 200, { neo4j_latest_timestamp: ts });
      },
    },
    {
      method: 'GET',
      pattern: /^\/system\/statistics$/,
      handle(_req, res) {
        sendJson(res, 200, { Statistics: store.overview.getStatistics() });
      },
    },
    {
      // Our extension (not in Amundsen): the edit log, newest first. Filters, all optional:
      // `resource_key` one resource (a table, column, type-metadata or dashboard key, or a user id for
      // profile and bookmark edits); `parent_key` a table's or dashboard's edits with those of its
      // columns and nested types; `user_id` one editor's edits; `resource_type` a comma list of types;
      // `field` one field's edits (`description`, `tag`, `owner`, `badge`, …).
      // `before` is the id of the last edit of the previous page. With `with_total=true` the answer has
      // `total` too: how many edits match the filters, all pages together (not only those before `before`).
      method: 'GET',
      pattern: /^\/edits$/,
      handle(req, res) {
        const one = (name: string) => {
          const value = req.query[name];
          if (value !== undefined && typeof value !== 'string') throw new InputError(`${name} must be given once`);
          return value || undefined;
        };
        const types = parseCommaList(req, 'resource_type', []);
        const unknown = types.find((t) => !EDIT_RESOURCE_TYPES.has(t));
        if (unknown) throw new InputError(`Unknown resource_type "${unknown}"; use ${[...EDIT_RESOURCE_TYPES].join(', ')}`);
        const filter = {
          resourceKey: one('resource_key'),
          parentKey: one('parent_key'),
          userId: one('user_id'),
          resourceTypes: types.length ? (types as EditResourceType[]) : undefined,
          field: one('field'),
        };
        const withTotal = parseQueryFlag(req.query.with_total, 'with_total');
        const edits = store.editLog.list({ ...filter, limit: parseLimit(req, 50, 500), before: parseBeforeId(req) });
        sendJson(res, 200, withTotal ? { edits, total: store.editLog.count(filter) } : { edits });
      },
    },
  ];
}
