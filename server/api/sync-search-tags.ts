// A tag added or removed must be findable by search at once. The embedded catalog updates its search
// index in the write's own transaction; Amundsen's metadata service does not touch Elasticsearch, so
// with real Amundsen services the BFF also updates the search document, as Amundsen's frontend does
// for table tags (POST/DELETE /v2/document, FRONTEND.md §4; API.md §5.2) — and, unlike it, for
// dashboard tags too (FRONTEND.md §8, amundsen#1652).
//
// The metadata write has already succeeded when this runs: a search update that fails is logged and
// said in the answer's msg, not turned into an error (the page would roll back a saved tag). The
// next run of the search index job brings the document in line.
import type { Logger } from '../http/logger';
import type { SearchClient } from '../upstream/search-client';

export interface SearchTagSync {
  /** The answer's msg: 'Success', or a note that search will show the change later. */
  afterTagChange(token: string, change: 'add' | 'remove', resource: 'table' | 'dashboard', key: string, tag: string): Promise<string>;
}

export const SEARCH_UPDATE_DELAYED = 'Saved. Search will show the change after the search index is next updated.';

/** `enabled`: true with real Amundsen services; false with the embedded catalog (it indexes its writes itself). */
export function createSearchTagSync(search: SearchClient, enabled: boolean, logger?: Logger): SearchTagSync {
  return {
    async afterTagChange(token, change, resource, key, tag) {
      if (!enabled) return 'Success';
      try {
        const msg = await search.updateDocument(token, change, { resource_key: key, resource_type: resource, field: 'tag', value: tag });
        // Amundsen answers 200 even when the lookup failed, with the failure in msg (API.md §9.12): keep it in the log.
        logger?.info(`search service: ${change} tag ${tag} on ${resource} ${key}: ${(msg ?? '').slice(0, 300)}`);
        return 'Success';
      } catch (err) {
        logger?.warn(`search service: could not ${change} tag ${tag} on the search document of ${resource} ${key}`, err);
        return SEARCH_UPDATE_DELAYED;
      }
    },
  };
}
