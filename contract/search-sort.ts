// The orders table search results can be shown in (decision 107): relevance, Amundsen's only one and
// the default; by name; most recently updated first. The last two are Nansen's catalog's extension of
// POST /v2/search (`sort`), offered only when the BFF searches the embedded catalog. Small: the
// search page's URL state reads it.

/** Orders of table hits besides relevance that Nansen's catalog offers. */
export const TABLE_SEARCH_SORTS = ['name', 'last_updated'] as const;
export type TableSearchSort = (typeof TABLE_SEARCH_SORTS)[number];

/** The URL's `sort` value, or undefined (relevance) for anything else. */
export function parseTableSort(raw: string | null | undefined): TableSearchSort | undefined {
  return (TABLE_SEARCH_SORTS as readonly unknown[]).includes(raw) ? (raw as TableSearchSort) : undefined;
}

