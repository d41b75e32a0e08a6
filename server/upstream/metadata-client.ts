// The only code that calls the metadata service (the embedded catalog or Amundsen's).
import { z } from 'zod';
import type { LineageDirection, User } from '../../contract/bff-api';
import {
  AmundsenDashboardDetailSchema, CatalogEditsSchema, DescriptionSchema, type CatalogEdit, AmundsenLineageSchema, AmundsenTableSchema, AmundsenUserSchema, BadgesSchema,
  LatestUpdatedSchema, PopularResourcesSchema, TableDashboardsSchema, TagUsagesSchema, UserReadsSchema,
  UserResourcesSchema, type AmundsenDashboardDetail, type AmundsenDashboardSummary, type AmundsenLineage,
  type AmundsenPopularTable, type AmundsenTable, type AmundsenUser,
} from './amundsen-schemas';
import { holdsControlCharacter } from '../../contract/impossible-user-id';
import { NotFoundError } from '../http/errors';
import { createEditLogPresence, type EditLogPresence } from './edit-log-presence';
import { tableOwnerPath } from './table-owner-path';
import { encodeKeyForPath, encodeUserIdForPath, type UpstreamHttp } from './upstream-http';

export type PopularResourceType = 'table' | 'dashboard';
export type PopularResources = z.infer<typeof PopularResourcesSchema>;
export type UserResources = z.infer<typeof UserResourcesSchema>;
export interface LineageQuery {
  depth: number;
  direction: LineageDirection;
}

/** A description metadata stores: a table's, a column's or a nested type's (Amundsen's type metadata). */
export type DescriptionRef =
  | { type: 'table'; tableKey: string }
  | { type: 'column'; tableKey: string; column: string }
  | { type: 'type_metadata'; typeMetadataKey: string };

export interface EditLogQuery {
  /** One resource's edits (a table, column, nested type or dashboard key). */
  resourceKey?: string;
  /** A table's or dashboard's edits with those of its columns and nested types. */
  parentKey?: string;
  /** One editor's edits. */
  userId?: string;
  resourceTypes: readonly ('table' | 'column' | 'type_metadata' | 'dashboard')[];
  /** One field's edits, by the log's name (`description`, `tag`, `owner`, `badge`). */
  field?: string;
  limit: number;
  /** The id of the last edit of the previous page. */
  before?: number;
}

export interface EditLogPage {
  edits: CatalogEdit[];
  total: number | null;
}

export type TaggedResource = 'table' | 'dashboard';

export interface MetadataClient {
  getTable(token: string, key: string): Promise<AmundsenTable>;
  /** The most popular resources of the given types (a type not asked for comes back empty). */
  getPopularResources(token: string, limit: number, types: readonly PopularResourceType[]): Promise<PopularResources>;
  getTagUsages(token: string): Promise<z.infer<typeof TagUsagesSchema>['tag_usages']>;
  getBadges(token: string): Promise<z.infer<typeof BadgesSchema>['badges']>;
  /** Epoch seconds of the catalog's last update; null when it was never updated (204). */
  getLastIndexed(token: string): Promise<number | null>;
  getDashboard(token: string, uri: string): Promise<AmundsenDashboardDetail>;
  getTableDashboards(token: string, tableKey: string): Promise<AmundsenDashboardSummary[]>;
  getTableLineage(token: string, tableKey: string, query: LineageQuery): Promise<AmundsenLineage>;
  getColumnLineage(token: string, tableKey: string, columnName: string, query: LineageQuery): Promise<AmundsenLineage>;
  getUser(token: string, userId: string): Promise<AmundsenUser>;
  /** What the user bookmarked (Amundsen calls it "follow"). */
  getBookmarks(token: string, userId: string): Promise<UserResources>;
  getOwned(token: string, userId: string): Promise<UserResources>;
  /** Tables the user reads most. */
  getRead(token: string, userId: string): Promise<AmundsenPopularTable[]>;
  /** Creates or updates the user (Amundsen `PUT /user`; its answer is the user JSON encoded twice). */
  putUser(token: string, user: User): Promise<void>;

  // Writes (FRONTEND.md §4, API.md §4.3–4.6)
  /** The description and its ETag: the embedded catalog sends one, Amundsen's services none (null). */
  getDescription(token: string, ref: DescriptionRef): Promise<{ description: string | null; etag: string | null }>;
  /**
   * Writes a description; with `ifMatch` (an ETag from getDescription) only if it is still current,
   * else UpstreamPreconditionFailedError (412). Amundsen ignores If-Match; the BFF sends it only when
   * the service gave an ETag.
   */
  putDescription(token: string, ref: DescriptionRef, description: string, ifMatch: string | null): Promise<void>;
  /**
   * Adds or removes a table owner: `/table/KEY/owner/<owner>`, or `/user/<owner>/own/table/KEY` for an
   * owner whose id holds "/" (table-owner-path.ts); 400 `invalid_user_id`, before any call, for an id
   * neither route can carry.
   */
  addTableOwner(token: string, tableKey: string, owner: string): Promise<void>;
  removeTableOwner(token: string, tableKey: string, owner: string): Promise<void>;
  addTag(token: string, resource: TaggedResource, key: string, tag: string): Promise<void>;
  removeTag(token: string, resource: TaggedResource, key: string, tag: string): Promise<void>;
  /** Bookmarks (Amundsen's "follow") of `userId`, always the signed-in user. */
  addBookmark(token: string, userId: string, type: TaggedResource, key: string): Promise<void>;
  removeBookmark(token: string, userId: string, type: TaggedResource, key: string): Promise<void>;
  /**
   * The catalog's edit log, newest first; null when the service keeps none (Amundsen's: no GET /edits),
   * without asking again for a while once it answered 404 (edit-log-presence.ts).
   */
  listEdits(token: string, query: EditLogQuery): Promise<CatalogEdit[] | null>;
  /** The same page with the number of edits matching the query, all pages together (null from a catalog that does not count them). */
  listEditsWithTotal(token: string, query: EditLogQuery): Promise<EditLogPage | null>;
}

/** Tag PUT/DELETE are reqparse endpoints: `tag_type` in the query and a JSON body `{}` (API.md §2). */
const TAG_QUERY = { tag_type: 'default' };

function descriptionPath(ref: DescriptionRef): string {
  if (ref.type === 'table') return `/table/${encodeKeyForPath(ref.tableKey)}/description`;
  if (ref.type === 'column') return `/table/${encodeKeyForPath(ref.tableKey)}/column/${encodeURIComponent(ref.column)}/description`;
  return `/type_metadata/${encodeKeyForPath(ref.typeMetadataKey)}/description`;
}

/**
 * Lineage is a Flask-RESTful reqparse endpoint: under Werkzeug ≥ 2.1 it answers 400/415 unless the
 * GET carries `Content-Type: application/json` and a JSON body (API.md §2, §9.21).
 */
const EMPTY_JSON_BODY = {};

export interface MetadataClientOptions {
  /** What the client remembers of the service's answers to GET /edits; default: a new memory on the real clock. */
  editLog?: EditLogPresence;
}

export function createMetadataClient(http: UpstreamHttp, { editLog = createEditLogPresence() }: MetadataClientOptions = {}): MetadataClient {
  const userPath = (userId: string, list: 'follow' | 'own' | 'read') => `/user/${encodeUserIdForPath(userId)}/${list}/`;
  return {
    getTable: (token, key) => http.call({ method: 'GET', path: `/table/${encodeKeyForPath(key)}`, token, schema: AmundsenTableSchema }),
    getPopularResources: (token, limit, types) =>
      http.call({ method: 'GET', path: '/popular_resources/', token, query: { limit, types: types.join(',') }, schema: PopularResourcesSchema }),
    async getTagUsages(token) {
      return (await http.call({ method: 'GET', path: '/tags/', token, schema: TagUsagesSchema })).tag_usages;
    },
    async getBadges(token) {
      return (await http.call({ method: 'GET', path: '/badges/', token, schema: BadgesSchema })).badges;
    },
    async getLastIndexed(token) {
      const body = await http.call({ method: 'GET', path: '/latest_updated_ts', token, schema: LatestUpdatedSchema });
      return body?.neo4j_latest_timestamp ?? null;
    },
    getDashboard: (token, uri) =>
      http.call({ method: 'GET', path: `/dashboard/${encodeKeyForPath(uri)}`, token, schema: AmundsenDashboardDetailSchema }),
    async getTableDashboards(token, tableKey) {
      const path = `/table/${encodeKeyForPath(tableKey)}/dashboard/`;
      return (await http.call({ method: 'GET', path, token, schema: TableDashboardsSchema })).dashboards;
    },
    getTableLineage: (token, tableKey, { depth, direction }) =>
      http.call({
        method: 'GET',
        path: `/table/${encodeKeyForPath(tableKey)}/lineage`,
        token,
        query: { depth, direction },
        body: EMPTY_JSON_BODY,
        schema: AmundsenLineageSchema,
      }),
    getColumnLineage: (token, tableKey, columnName, { depth, direction }) =>
      http.call({
        method: 'GET',
        path: `/table/${encodeKeyForPath(tableKey)}/column/${encodeURIComponent(columnName)}/lineage`,
        token,
        query: { depth, direction },
        body: EMPTY_JSON_BODY,
        schema: AmundsenLineageSchema,
      }),
    // An id with a line break or other control character is nobody's, answered without a call (decision
    // 101): no service can route it, and its unknown-URL 404 would blame METADATA_URL. Trimmed, it is
    // looked up again where decision 093 says so (users/user-id-case-fallback.ts).
    async getUser(token, userId) {
      if (holdsControlCharacter(userId)) throw new NotFoundError(`There is no person ${JSON.stringify(userId)} in the catalog.`, 'not_found');
      return http.call({ method: 'GET', path: `/user/${encodeUserIdForPath(userId)}`, token, schema: AmundsenUserSchema });
    },
    async getBookmarks(token, userId) {
      if (holdsControlCharacter(userId)) return { table: [], dashboard: [] };
      return http.call({ method: 'GET', path: userPath(userId, 'follow'), token, schema: UserResourcesSchema });
    },
    async getOwned(token, userId) {
      if (holdsControlCharacter(userId)) return { table: [], dashboard: [] };
      return http.call({ method: 'GET', path: userPath(userId, 'own'), token, schema: UserResourcesSchema });
    },
    async getRead(token, userId) {
      if (holdsControlCharacter(userId)) return [];
      return (await http.call({ method: 'GET', path: userPath(userId, 'read'), token, schema: UserReadsSchema })).table;
    },
    async putUser(token, user) {
      await http.call({ method: 'PUT', path: '/user', token, body: user, schema: z.unknown() });
    },
    async getDescription(token, ref) {
      const { body, etag } = await http.callWithEtag({ method: 'GET', path: descriptionPath(ref), token, schema: DescriptionSchema });
      return { description: body.description, etag };
    },
    async putDescription(token, ref, description, ifMatch) {
      await http.call({
        method: 'PUT', path: descriptionPath(ref), token, body: { description }, headers: ifMatch ? { 'if-match': ifMatch } : undefined, schema: z.unknown(),
      });
    },
    async addTableOwner(token, tableKey, owner) {
      await http.call({ method: 'PUT', path: tableOwnerPath(tableKey, owner), token, schema: z.unknown() });
    },
    async removeTableOwner(token, tableKey, owner) {
      await http.call({ method: 'DELETE', path: tableOwnerPath(tableKey, owner), token, schema: z.unknown() });
    },
    async addTag(token, resource, key, tag) {
      const path = `/${resource}/${encodeKeyForPath(key)}/tag/${encodeURIComponent(tag)}`;
      await http.call({ method: 'PUT', path, token, query: TAG_QUERY, body: {}, schema: z.unknown() });
    },
    async removeTag(token, resource, key, tag) {
      const path = `/${resource}/${encodeKeyForPath(key)}/tag/${encodeURIComponent(tag)}`;
      await http.call({ method: 'DELETE', path, token, query: TAG_QUERY, body: {}, schema: z.unknown() });
    },
    async addBookmark(token, userId, type, key) {
      await http.call({ method: 'PUT', path: `/user/${encodeUserIdForPath(userId)}/follow/${type}/${encodeKeyForPath(key)}`, token, schema: z.unknown() });
    },
    async removeBookmark(token, userId, type, key) {
      await http.call({ method: 'DELETE', path: `/user/${encodeUserIdForPath(userId)}/follow/${type}/${encodeKeyForPath(key)}`, token, schema: z.unknown() });
    },
    async listEdits(token, query) {
      return (await readEditLog(http, editLog, token, query, false))?.edits ?? null;
    },
    async listEditsWithTotal(token, query) {
      return readEditLog(http, editLog, token, query, true);
    },
  };
}

/**
 * GET /edits, our catalog's extension; null from Amundsen's metadata service, whose Flask answers an
 * unknown URL with 404, and null without asking while that 404 is remembered.
 */
async function readEditLog(
  http: UpstreamHttp, editLog: EditLogPresence, token: string, { resourceKey, parentKey, userId, resourceTypes, field, limit, before }: EditLogQuery, withTotal: boolean,
): Promise<EditLogPage | null> {
  if (!editLog.shouldAsk()) return null;
  const query = {
    resource_key: resourceKey, parent_key: parentKey, user_id: userId, resource_type: resourceTypes.join(','), field, limit, before, with_total: withTotal ? 'true' : undefined,
  };
  try {
    const { edits, total } = await http.call({ method: 'GET', path: '/edits', token, query, routeMayBeMissing: true, schema: CatalogEditsSchema });
    return { edits, total: total ?? null };
  } catch (err) {
    if (err instanceof NotFoundError) {
      editLog.noteMissing();
      return null;
    }
    throw err;
  }
}
