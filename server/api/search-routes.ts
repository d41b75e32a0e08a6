import { sendJson } from '../http/send-json';
import express, { type Request, type Router } from 'express';
import { SearchRequestSchema, type ClientConfig, type SearchResponse } from '../../contract/bff-api';
import type { SessionAuth } from '../auth/session-auth';
import { parseBodyValue } from '../http/parse-request';
import type { SearchClient } from '../upstream/search-client';
import { requireIndexed } from './index-switches';
import { toDashboardSearchResult, toTableSearchResult, toUserSearchResult } from './map-search-hits';
import { mergeSearchAnswers, planSearchCalls, type SearchedResource } from './search-request';

export interface SearchDeps {
  auth: SessionAuth;
  search: SearchClient;
  clientConfig: ClientConfig;
}

/**
 * One search as `POST /api/search/v1/search` answers it, for the signed-in person of `req`: the body
 * validated, refused (404) for a resource the index switches turn off, the upstream calls made with
 * the user's token, the hits mapped. The route and the page the BFF serves for `/search` (the first
 * search written into it, server/spa/first-search.ts) both call this.
 */
export async function runSearch(req: Request, { auth, search, clientConfig }: SearchDeps, body: unknown): Promise<SearchResponse> {
  auth.requireUser(req);
  const request = parseBodyValue(body, SearchRequestSchema);
  for (const resource of request.resources) requireIndexed(clientConfig, resource);
  const resources = [...new Set(request.resources)] as SearchedResource[];
  const calls = planSearchCalls(request, resources, { tableSort: clientConfig.tableSort.enabled });
  const answers = await auth.withAccessToken(req, (token) => Promise.all(calls.map((call) => search.search(token, call.request))));
  const { groups, didYouMean } = mergeSearchAnswers(calls, answers);
  const page = <T, R>(group: { total_results: number; results: T[] } | undefined, map: (hit: T) => R | null) => ({
    page_index: request.pageIndex,
    results: (group?.results ?? []).map(map).filter((r): r is R => r !== null),
    total_results: group?.total_results ?? 0,
  });
  return {
    search_term: request.searchTerm,
    msg: 'Success',
    ...(didYouMean ? { did_you_mean: didYouMean } : {}),
    ...(resources.includes('table') ? { table: page(groups.table, toTableSearchResult) } : {}),
    ...(resources.includes('dashboard') ? { dashboard: page(groups.dashboard, toDashboardSearchResult) } : {}),
    ...(resources.includes('user') ? { user: page(groups.user, toUserSearchResult) } : {}),
  };
}

/** `/api/search/v1/search`, the Amundsen frontend's search route, over tables, dashboards and people. */
export function createSearchRoutes(auth: SessionAuth, search: SearchClient, clientConfig: ClientConfig): Router {
  const router = express.Router();
  const deps = { auth, search, clientConfig };
  router.post('/search', async (req, res) => {
    // Not signed in: 401 before the body is looked at, as before.
    auth.requireUser(req);
    sendJson(res, await runSearch(req, deps, req.body ?? {}));
  });
  return router;
}
