// The only code that calls the metadata service (the embedded catalog or Amundsen's).
import { z } from 'zod';
import type { LineageDirection, User } from '../../contract/bff-api';
import {
  AmundsenDashboardDetailSchema, AmundsenLineageSchema, AmundsenTableSchema, AmundsenUserSchema, BadgesSchema,
  LatestUpdatedSchema, PopularResourcesSchema, TableDashboardsSchema, TagUsagesSchema, UserReadsSchema,
  UserResourcesSchema, type AmundsenDashboardDetail, type AmundsenDashboardSummary, type AmundsenLineage,
  type AmundsenPopularTable, type AmundsenTable, type AmundsenUser,
} from './amundsen-schemas';
import { encodeKeyForPath, type UpstreamHttp } from './upstream-http';

export type PopularResourceType = 'table' | 'dashboard';
export type PopularResources = z.infer<typeof PopularResourcesSchema>;
export type UserResources = z.infer<typeof UserResourcesSchema>;
export interface LineageQuery {
  depth: number;
  direction: LineageDirection;
}

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
}

/**
 * Lineage is a Flask-RESTful reqparse endpoint: under Werkzeug ≥ 2.1 it answers 400/415 unless the
 * GET carries `Content-Type: application/json` and a JSON body (API.md §2, §9.21).
 */
const EMPTY_JSON_BODY = {};

export function createMetadataClient(http: UpstreamHttp): MetadataClient {
  const userPath = (userId: string, list: 'follow' | 'own' | 'read') => `/user/${encodeURIComponent(userId)}/${list}/`;
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
    getUser: (token, userId) => http.call({ method: 'GET', path: `/user/${encodeURIComponent(userId)}`, token, schema: AmundsenUserSchema }),
    getBookmarks: (token, userId) => http.call({ method: 'GET', path: userPath(userId, 'follow'), token, schema: UserResourcesSchema }),
    getOwned: (token, userId) => http.call({ method: 'GET', path: userPath(userId, 'own'), token, schema: UserResourcesSchema }),
    async getRead(token, userId) {
      return (await http.call({ method: 'GET', path: userPath(userId, 'read'), token, schema: UserReadsSchema })).table;
    },
    async putUser(token, user) {
      await http.call({ method: 'PUT', path: '/user', token, body: user, schema: z.unknown() });
    },
  };
}
