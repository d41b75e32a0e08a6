// The only code that calls the metadata service (the embedded catalog or Amundsen's).
import { AmundsenTableSchema, PopularResourcesSchema, type AmundsenTable } from './amundsen-schemas';
import { encodeKeyForPath, type UpstreamHttp } from './upstream-http';

export interface MetadataClient {
  getTable(token: string, key: string): Promise<AmundsenTable>;
  getPopularTables(token: string, limit: number): Promise<ReturnType<typeof PopularResourcesSchema.parse>['Table']>;
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
  };
}
