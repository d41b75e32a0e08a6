// The first search answer the BFF wrote into the page it served for `/search?…` (contract/first-search.ts):
// put in the query cache for the inputs whose request it answers exactly, then forgotten (the element
// removed), so a later visit or a changed term, tab, filter or page asks the BFF as usual.
import type { QueryClient } from '@tanstack/react-query';
import * as v from 'valibot';
import { FIRST_SEARCH_ELEMENT_ID, FirstSearchSchema } from '../../../../contract/first-search';
import { buildSearchRequest, type SearchInput } from '../../../../contract/search-request';
import { searchKeys } from './query-keys';

/** Seeds the cache for each of `inputs` the page answers; returns how many were seeded. */
export function seedFirstSearch(queryClient: QueryClient, inputs: readonly SearchInput[], doc: Document = document): number {
  const element = doc.getElementById(FIRST_SEARCH_ELEMENT_ID);
  if (!element) return 0;
  element.remove(); // used once, whatever it holds
  let data: unknown;
  try {
    data = JSON.parse(element.textContent ?? '');
  } catch {
    return 0;
  }
  const parsed = v.safeParse(FirstSearchSchema, data);
  if (!parsed.success) return 0;
  let seeded = 0;
  for (const input of inputs) {
    const request = JSON.stringify(buildSearchRequest(input));
    const answer = parsed.output.answers.find((a) => JSON.stringify(a.request) === request);
    if (!answer) continue;
    // As fresh as an answer fetched now (the query client's staleTime): the page's queries do not ask again.
    queryClient.setQueryData(searchKeys.results(input), answer.response);
    seeded += 1;
  }
  return seeded;
}
