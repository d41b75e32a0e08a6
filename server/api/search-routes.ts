import express, { type Router } from 'express';
import { SearchRequestSchema, type SearchResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { parseBody } from '../http/parse-request';
import type { SearchClient } from '../upstream/search-client';
import { toTableSearchResult } from './map-table';
import { toAmundsenSearchRequest } from './search-request';

/** `/api/search/v1/search`, the Amundsen frontend's search route. */
export function createSearchRoutes(auth: SessionAuth, search: SearchClient): Router {
  const router = express.Router();
  router.post('/search', async (req, res) => {
    auth.requireUser(req);
    const request = parseBody(req, SearchRequestSchema);
    const upstream = await search.search(await auth.getAccessToken(req), toAmundsenSearchRequest(request));
    const tables = upstream.results.table;
    const body: SearchResponse = {
      search_term: request.searchTerm,
      msg: 'Success',
      ...(upstream.did_you_mean ? { did_you_mean: upstream.did_you_mean } : {}),
      ...(request.resources.includes('table')
        ? {
            table: {
              page_index: request.pageIndex,
              results: (tables?.results ?? []).map(toTableSearchResult),
              total_results: tables?.total_results ?? 0,
            },
          }
        : {}),
    };
    res.json(body);
  });
  return router;
}
