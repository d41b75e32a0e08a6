// The search page's sort select (decision 107), for the app's search route and the BFF's preview of
// it; apart from search-sort.ts, which the first page's URL state reads, so its words stay off that page.
import type { TableSearchSort } from './search-sort';

/** The search page's sort choices, in the order it lists them, and what its status region says of each. */
export const SORT_CHOICES: readonly { value: 'relevance' | TableSearchSort; label: string; said: string }[] = [
  { value: 'relevance', label: 'Relevance', said: 'Sorted by relevance.' },
  { value: 'name', label: 'Name (A–Z)', said: 'Sorted by name, A to Z.' },
  { value: 'last_updated', label: 'Recently updated', said: 'Sorted by last update, most recent first.' },
];
