// The only code that calls the search service (the embedded catalog or Amundsen's).
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { UpstreamError } from '../http/errors';
import type { Logger } from '../http/logger';
import { SearchResponseSchema, type AmundsenSearchResponse } from './amundsen-schemas';
import type { UpstreamHttp } from './upstream-http';

export interface SearchClient {
  search(token: string, request: AmundsenSearchRequest): Promise<AmundsenSearchResponse>;
}

/**
 * Amundsen's search service answers HTTP 200 when Elasticsearch fails: with `status_code` 500 and the
 * error in `msg`, or with no results at all (API.md §5.1). Either is a failed search, not "0 results".
 */
export function findSearchFailure(request: AmundsenSearchRequest, response: AmundsenSearchResponse): string | undefined {
  if (typeof response.status_code === 'number' && response.status_code >= 500) return response.msg || `status_code ${response.status_code}`;
  const asked = request.resource_types ?? [];
  if (asked.length > 0 && asked.every((type) => response.results[type] === undefined)) return response.msg || 'no results for any resource asked for';
  return undefined;
}

export function createSearchClient(http: UpstreamHttp, logger?: Logger): SearchClient {
  return {
    async search(token, request) {
      const response = await http.call({ method: 'POST', path: '/v2/search', token, body: request, schema: SearchResponseSchema });
      const failure = findSearchFailure(request, response);
      if (failure !== undefined) {
        // The search service's own words go to the log (they may name indexes and hosts), not to the page.
        logger?.warn(`search service: the search for ${(request.resource_types ?? []).join(', ') || 'everything'} failed: ${failure.slice(0, 500)}`);
        throw new UpstreamError('The search service failed to search; try again in a moment. If it keeps failing, an administrator should check the search service and its Elasticsearch.', 'search_failed', 502);
      }
      return response;
    },
  };
}
