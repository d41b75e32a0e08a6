// /table/KEY/… and /type_metadata/TMKEY/… routes (API.md §4.3). Specific suffixes come before the
// detail catch-all (API.md §1). Deliberate differences from Amundsen, all "404 instead of 200/500":
// - GET …/description of an unknown table/column answers 404 (Amundsen: 200 {"description": null});
// - owner PUT/DELETE and lineage of an unknown table answer 404 (Amundsen: 500 / 200 empty);
// - a missing or malformed description body is 400 (Amundsen: 500).
import { NotFoundError } from '../http/catalog-errors';
import type { CatalogRoute } from '../http/route-decoded-path';
import { sendJson } from '../http/send-json';
import type { CatalogStore } from '../store/create-catalog-store';
import type { ResourceRef } from '../store/edit-resources';
import type { BadgePolicy } from './create-badge-policy';
import { buildBadgeRoutes, buildTagRoutes } from './build-tag-badge-routes';
import { buildDescriptionRoutes, type DescriptionRouteOptions } from './build-description-routes';
import { parseDepth, parseDirection } from './parse-metadata-query';
import { readEditorId } from './read-editor-id';
import { sendSlashRedirect } from './redirect-with-slash';

const TABLE = '/table/(?<key>.+)';
const COLUMN = `${TABLE}/column/(?<column>[^/]+)`;
const TYPE_METADATA = '/type_metadata/(?<key>.+)';

const tableMissing = ({ key }: Record<string, string>) => `table_uri ${key} does not exist`;
const columnMissing = ({ key, column }: Record<string, string>) => `table_uri ${key} with column ${column} does not exist`;
const typeMetadataMissing = ({ key }: Record<string, string>) => `type_metadata_key ${key} does not exist`;

export function buildTableRoutes(store: CatalogStore, badges: BadgePolicy, descriptions: DescriptionRouteOptions): CatalogRoute[] {
  const tableRef = (p: Record<string, string>): ResourceRef<'table'> => ({ type: 'table', key: p.key });
  const columnKey = (p: Record<string, string>) => `${p.key}/${p.column}`;
  const ownerPattern = new RegExp(`^${TABLE}/owner/(?<owner>[^/]+)$`);
  return [
    ...buildDescriptionRoutes(COLUMN, (p) => ({ type: 'column', key: columnKey(p) }), columnMissing, store, descriptions),
    {
      method: 'GET',
      pattern: new RegExp(`^${COLUMN}/lineage$`),
      handle(req, res, params) {
        const lineage = store.lineage.getColumnLineage(columnKey(params), parseDirection(req), parseDepth(req));
        if (!lineage) throw new NotFoundError(columnMissing(params));
        sendJson(res, 200, lineage);
      },
    },
    ...buildBadgeRoutes({ type: 'column', prefix: COLUMN, keyOf: columnKey, notFound: columnMissing }, store.resources, badges),
    ...buildDescriptionRoutes(TABLE, tableRef, tableMissing, store, descriptions),
    {
      method: 'GET',
      pattern: new RegExp(`^${TABLE}/lineage$`),
      handle(req, res, params) {
        const lineage = store.lineage.getTableLineage(params.key, parseDirection(req), parseDepth(req));
        if (!lineage) throw new NotFoundError(tableMissing(params));
        sendJson(res, 200, lineage);
      },
    },
    ...buildTagRoutes({ type: 'table', prefix: TABLE, keyOf: (p) => p.key, notFound: tableMissing }, store.resources, badges),
    ...buildBadgeRoutes({ type: 'table', prefix: TABLE, keyOf: (p) => p.key, notFound: tableMissing }, store.resources, badges),
    {
      method: 'PUT',
      pattern: ownerPattern,
      handle(_req, res, params) {
        if (!store.resources.addOwner(tableRef(params), params.owner, readEditorId(res))) throw new NotFoundError(tableMissing(params));
        sendJson(res, 200, { message: `The owner ${params.owner} for table_uri ${params.key} is added successfully` });
      },
    },
    {
      method: 'DELETE',
      pattern: ownerPattern,
      handle(_req, res, params) {
        if (!store.resources.removeOwner(tableRef(params), params.owner, readEditorId(res))) throw new NotFoundError(tableMissing(params));
        sendJson(res, 200, { message: `The owner ${params.owner} for table_uri ${params.key} is deleted successfully` });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${TABLE}/dashboard/$`),
      handle(_req, res, params) {
        const dashboards = store.dashboards.listTableDashboards(params.key);
        if (!dashboards) throw new NotFoundError(tableMissing(params));
        sendJson(res, 200, { dashboards });
      },
    },
    {
      // Without the slash: 308 to it, like the other slash routes (API.md §0), instead of falling into
      // the detail catch-all below. Unless `KEY/dashboard` is itself a table (a table named
      // "dashboard"): that one keeps its detail page.
      method: 'GET',
      pattern: new RegExp(`^${TABLE}/dashboard$`),
      handle(req, res, { key }) {
        const table = store.tables.getTableDetail(`${key}/dashboard`);
        if (table) sendJson(res, 200, table);
        else sendSlashRedirect(req, res);
      },
    },
    ...buildDescriptionRoutes(TYPE_METADATA, (p) => ({ type: 'type_metadata', key: p.key }), typeMetadataMissing, store, descriptions),
    ...buildBadgeRoutes({ type: 'type_metadata', prefix: TYPE_METADATA, keyOf: (p) => p.key, notFound: typeMetadataMissing }, store.resources, badges),
    // The catch-all detail route comes last.
    {
      method: 'GET',
      pattern: new RegExp(`^${TABLE}$`),
      handle(_req, res, { key }) {
        const table = store.tables.getTableDetail(key);
        if (!table) throw new NotFoundError(`table_uri ${key} does not exist`);
        sendJson(res, 200, table);
      },
    },
  ];
}
