// The only code that calls the metadata service (the embedded catalog or Amundsen's).
import { z } from 'zod';
import type { User } from '../../contract/bff-api';
import { AmundsenTableSchema, AmundsenUserSchema, PopularResourcesSchema, type AmundsenTable, type AmundsenUser } from './amundsen-schemas';
import { encodeKeyForPath, type UpstreamHttp } from './upstream-http';

export interface MetadataClient {
  getTable(token: string, key: string): Promise<AmundsenTable>;
  getPopularTables(token: string, limit: number): Promise<ReturnType<typeof PopularResourcesSchema.parse>['Table']>;
  getUser(token: string, userId: string): Promise<AmundsenUser>;
  /** Creates or updates the user (Amundsen `PUT /user`; its answer is the user JSON encoded twice). */
  putUser(token: string, user: User): Promise<void>;
}

export function createMetadataClient(http: UpstreamHttp): MetadataClient {
  return {
    getTable: (token, key) => http.call({ method: 'GET', path: `/table/${encodeKeyForPath(key)}`, token, schema: AmundsenTableSchema }),
    async getPopularTables(token, limit) {
      const body = await http.call({
        method: 'GET',
        path: '/popular_resources/',
        token,
        query: { limit, types: 'table' },
        schema: PopularResourcesSchema,
      });
      return body.Table;
    },
    getUser: (token, userId) => http.call({ method: 'GET', path: `/user/${encodeURIComponent(userId)}`, token, schema: AmundsenUserSchema }),
    async putUser(token, user) {
      await http.call({ method: 'PUT', path: '/user', token, body: user, schema: z.unknown() });
    },
  };
}
