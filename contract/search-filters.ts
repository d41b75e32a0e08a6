// The search service's filter names and operations (API.md §5.1): plain constants, so the SPA's URL
// parsing can use them without loading the search schemas.

/**
 * The filter names the search service knows per resource (API.md §5.1), as the SPA's filter panel and
 * the UI config's filter categories use them.
 */
export const SEARCH_FILTER_NAMES = {
  table: ['database', 'cluster', 'schema', 'table', 'column', 'tag', 'badges', 'description', 'key', 'resource_type'],
  dashboard: ['product', 'group_name', 'name', 'tag', 'description', 'url', 'uri', 'chart_names', 'query_names', 'key', 'resource_type', 'last_successful_run_timestamp'],
  user: ['full_name', 'email', 'first_name', 'last_name', 'resource_type'],
} as const;
export type SearchFilterName<R extends keyof typeof SEARCH_FILTER_NAMES> = (typeof SEARCH_FILTER_NAMES)[R][number];

export const FILTER_OPERATIONS = ['AND', 'OR'] as const;
export type FilterOperation = (typeof FILTER_OPERATIONS)[number];
