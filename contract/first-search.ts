// The first search answer the BFF writes into the page it serves for `/search?…` (server/spa/first-search.ts),
// with the request it answers: the SPA's search page uses it once, and only for the very request it
// would have sent (client/features/search/api/first-search.ts); anything else is fetched as usual.
import * as v from 'valibot';
import { SearchResponseSchema, type SearchRequest, type SearchResponse } from './api-search';

export const FIRST_SEARCH_ELEMENT_ID = 'nansen-first-search';

export interface FirstSearch {
  answers: { request: SearchRequest; response: SearchResponse }[];
}

/** The request is compared, not trusted: any JSON value; the response is checked as the API's would be. */
export const FirstSearchSchema = v.object({
  answers: v.array(v.object({ request: v.unknown(), response: SearchResponseSchema })),
});
