// A change must show in search at once. The embedded catalog updates its search index in the write's
// own transaction; Amundsen's metadata service does not touch Elasticsearch, so with real Amundsen
// services the BFF also updates the search document (POST/DELETE /v2/document, API.md §5.2):
// - after a tag change, as Amundsen's frontend does for table tags (FRONTEND.md §4) — and, unlike it,
//   for dashboard tags too (FRONTEND.md §8, amundsen#1652);
// - after a table description is saved, which Amundsen's frontend leaves to the next index run.
//   (A column's description is one item of the document's column_descriptions list, which the
//   document API cannot address: it waits for the next index run, as in Amundsen.)
//
// The metadata write has already succeeded when this runs: a search update that fails is logged and
// said in the answer's msg, not turned into an error (the page would roll back a saved change). The
// next run of the search index job brings the document in line.
import type { Logger } from '../http/logger';
import type { SearchClient, SearchDocumentUpdate } from '../upstream/search-client';

export interface SearchDocumentSync {
  /** The answer's msg: 'Success', or a note that search will show the change later. */
  afterTagChange(token: string, change: 'add' | 'remove', resource: 'table' | 'dashboard', key: string, tag: string): Promise<string>;
  afterTableDescriptionChange(token: string, key: string, description: string): Promise<string>;
}

export const SEARCH_UPDATE_DELAYED = 'Saved. Search will show the change after the search index is next updated.';

/** `enabled`: true with real Amundsen services; false with the embedded catalog (it indexes its writes itself). */
export function createSearchDocumentSync(search: SearchClient, enabled: boolean, logger?: Logger): SearchDocumentSync {
  const update = async (token: string, change: 'add' | 'remove' | 'overwrite', document: SearchDocumentUpdate, what: string) => {
    if (!enabled) return 'Success';
    try {
      const msg = await search.updateDocument(token, change, document);
      // Amundsen answers 200 even when the lookup failed, with the failure in msg (API.md §9.12): keep it in the log.
      logger?.info(`search service: ${what}: ${(msg ?? '').slice(0, 300)}`);
      return 'Success';
    } catch (err) {
      logger?.warn(`search service: could not ${what} in its search document`, err);
      return SEARCH_UPDATE_DELAYED;
    }
  };
  return {
    afterTagChange: (token, change, resource, key, tag) =>
      update(token, change, { resource_key: key, resource_type: resource, field: 'tag', value: tag }, `${change} tag ${tag} on ${resource} ${key}`),
    afterTableDescriptionChange: (token, key, description) =>
      update(token, 'overwrite', { resource_key: key, resource_type: 'table', field: 'description', value: description }, `overwrite the description of table ${key}`),
  };
}
