// The search feature's query keys, written once: the search page's result pages and the search
// boxes' suggestions share the `search` root, so one invalidation refreshes both.
import type { SearchInput } from '../../../../contract/search-request';

/** What identifies one page of search results (and so its cache entry): contract/search-url.ts. */
export type { SearchInput };

export const searchKeys = {
  all: ['search'] as const,
  results: (input: SearchInput) => [...searchKeys.all, 'results', input] as const,
  suggestions: (input: SearchInput) => [...searchKeys.all, 'suggestions', input] as const,
};
