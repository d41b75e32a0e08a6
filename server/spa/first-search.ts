// The first search answer in the page the BFF serves for `/search?…` (decision 020): the same requests
// the SPA's search page would send first (contract/search-url.ts), run through the same code as
// `POST /api/search/v1/search` (runSearch: validation, index switches, the user's token, the mapping)
// and counted by the same rate limit, written as a JSON data block with the requests they answer.
// It never fails the page: a refusal, an error, an empty term or no answer within the budget means
// no block, and the SPA asks as it always did.
import type { Request } from 'express';
import type { ClientConfig, SearchRequest, SearchResponse } from '../../contract/bff-api';
import { FIRST_SEARCH_ELEMENT_ID, type FirstSearch } from '../../contract/first-search';
import { buildSearchRequest, firstSearchInputs, parseSearchState, planSearch, searchableResources, type SearchPlan } from '../../contract/search-url';
import { withTypedFiltersOnAnyTab } from '../../contract/typed-filters';
import type { User } from '../../contract/api-common';
import type { Logger } from '../http/logger';
import type { RateLimitCounter } from '../http/rate-limit';
import { renderFirstResults } from './first-results-html';
import { jsonDataBlock, type FirstSearchParts } from './serve-spa';

/** How long the page waits for the search before it is sent without it. */
export const FIRST_SEARCH_BUDGET_MS = 250;

export interface FirstSearchDeps {
  /** One search for the signed-in person of `req`, as the search route runs it (api/search-routes.ts runSearch). */
  runSearch(req: Request, body: SearchRequest): Promise<SearchResponse>;
  clientConfig: ClientConfig;
  /** The search rate limit (RATE_LIMIT_SEARCH_*): each search counts; over the limit, none is made. */
  rateLimit?: RateLimitCounter;
  logger: Logger;
  /** FIRST_SEARCH_BUDGET_MS: how long the page waits for the answer; 0 = never searched for the page. */
  budgetMs?: number;
}

const NONE: FirstSearchParts = { dataBlock: '', previewHtml: '' };

/** The data block and preview for `req` (a GET of `/search?…` by a signed-in person), or none. */
export function createFirstSearch(deps: FirstSearchDeps): (req: Request, user: User) => Promise<FirstSearchParts> {
  const budgetMs = deps.budgetMs ?? FIRST_SEARCH_BUDGET_MS;
  return async (req, user) => {
    try {
      if (budgetMs === 0) return NONE;
      const plan = firstSearchPlan(req, deps.clientConfig);
      const requests = plan ? firstSearchInputs(plan).map(buildSearchRequest) : [];
      if (!plan || requests.length === 0) return NONE;
      for (const _ of requests) {
        if (deps.rateLimit?.take(req)) return NONE;
      }
      const searches = Promise.all(requests.map((request) => deps.runSearch(req, request)));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), budgetMs)));
      const answered = await Promise.race([searches, late]).finally(() => clearTimeout(timer));
      if (answered === 'late') {
        searches.catch((err: unknown) => logProblem(deps.logger, err));
        deps.logger.info('first search: not answered in time; the page is sent without it', { budgetMs });
        return NONE;
      }
      const data: FirstSearch = { answers: requests.map((request, i) => ({ request, response: answered[i]! })) };
      return { dataBlock: jsonDataBlock(FIRST_SEARCH_ELEMENT_ID, data), previewHtml: previewOf(plan, answered, deps.clientConfig, user) };
    } catch (err) {
      logProblem(deps.logger, err);
      return NONE;
    }
  };
}

/**
 * The requests the search page at `req`'s URL sends first; none without a term, or when the URL asks
 * for a resource this catalog does not search (people with indexUsers off): the SPA shows what it
 * shows then, with its own requests.
 */
export function firstSearchRequests(req: Pick<Request, 'originalUrl'>, clientConfig: ClientConfig): SearchRequest[] {
  const plan = firstSearchPlan(req, clientConfig);
  return plan ? firstSearchInputs(plan).map(buildSearchRequest) : [];
}

function firstSearchPlan(req: Pick<Request, 'originalUrl'>, clientConfig: ClientConfig): SearchPlan | null {
  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
  const state = parseSearchState(new URLSearchParams(query));
  if (!state.term || !searchableResources(clientConfig).includes(state.resource)) return null;
  // Filters typed in the term (`tag:pii`) are searched as the SPA's search route searches them, as
  // filters (decision 072): the answer is then the one the app asks for, not one for the words.
  return planSearch(withTypedFiltersOnAnyTab(state, clientConfig) ?? state, clientConfig);
}

/** The preview of the answers (overview first, as firstSearchInputs orders them); '' when it cannot be drawn. */
function previewOf(plan: SearchPlan, answers: SearchResponse[], config: ClientConfig, user: User): string {
  const overview = plan.overview ? answers[0]! : null;
  const page = plan.page === plan.overview ? overview : answers[answers.length - 1]!;
  return page ? renderFirstResults({ plan, overview, page, config, user }) : '';
}

/** A refusal (4xx: bad input, switched off, signed out) is expected now and then; anything else is worth a warning. */
function logProblem(logger: Logger, err: unknown): void {
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status < 500) logger.info('first search: refused; the page is sent without it', { status });
  else logger.warn('first search failed; the page is sent without it', err);
}
