// The only code that calls the search service (the embedded catalog or Amundsen's).
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { UpstreamError } from '../http/errors';
import type { Logger } from '../http/logger';
import { SearchResponseSchema, UpdateDocumentResponseSchema, type AmundsenSearchResponse } from './amundsen-schemas';
import type { UpstreamHttp } from './upstream-http';

/** One field of one search document (POST/DELETE /v2/document, API.md §5.2). */
export interface SearchDocumentUpdate {
  resource_key: string;
  resource_type: 'table' | 'dashboard';
  /** The search field: `tag` or `description`. */
  field: string;
  value: string;
}

export interface SearchClient {
  search(token: string, request: AmundsenSearchRequest): Promise<AmundsenSearchResponse>;
  /**
   * Adds `value` to the document's list field (POST, operation add), removes it (DELETE) or replaces
   * the field (POST, operation overwrite). Answers the service's `msg`: Amundsen reports some failures
   * inside a 200 (API.md §9.12), so the caller logs it.
   */
  updateDocument(token: string, change: 'add' | 'remove' | 'overwrite', update: SearchDocumentUpdate): Promise<string | null>;
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
    async updateDocument(token, change, update) {
      // Every key is required, `operation` even on DELETE (API.md §5.2).
      const body = { ...update, operation: change === 'overwrite' ? 'overwrite' : 'add' };
      const answer = await http.call({ method: change === 'remove' ? 'DELETE' : 'POST', path: '/v2/document', token, body, schema: UpdateDocumentResponseSchema });
      return answer.msg ?? null;
    },
  };
}
