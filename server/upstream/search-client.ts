// The only code that calls the search service (the embedded catalog or Amundsen's).
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { SearchResponseSchema, type AmundsenSearchResponse } from './amundsen-schemas';
import type { UpstreamHttp } from './upstream-http';

export interface SearchClient {
  search(token: string, request: AmundsenSearchRequest): Promise<AmundsenSearchResponse>;
}

export function createSearchClient(http: UpstreamHttp): SearchClient {
  return {
    search: (token, request) => http.call({ method: 'POST', path: '/v2/search', token, body: request, schema: SearchResponseSchema }),
  };
}
