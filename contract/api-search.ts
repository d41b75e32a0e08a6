// POST /api/search/v1/search: the Amundsen frontend's request, and one result group per resource.
import * as z from 'zod/mini';
import { nullableNumber, nullableString, ResourceTypeSchema } from './api-common';
import { FILTER_OPERATIONS } from './search-filters';

export { FILTER_OPERATIONS, SEARCH_FILTER_NAMES, type FilterOperation, type SearchFilterName } from './search-filters';

/** `{ value: "a,b", filterOperation: "OR" }`: comma-separated values, wildcards `*` and `?`. */
export const SearchFilterSchema = z.object({
  value: z.string().check(z.maxLength(1000)),
  filterOperation: z.optional(z.enum(FILTER_OPERATIONS)),
});
export type SearchFilter = z.infer<typeof SearchFilterSchema>;

/** POST /api/search/v1/search body (the Amundsen frontend's). */
export const SearchRequestSchema = z.object({
  searchTerm: z.string().check(z.maxLength(500)),
  pageIndex: z._default(z.int().check(z.minimum(0), z.maximum(10_000)), 0),
  resultsPerPage: z._default(z.int().check(z.minimum(1), z.maximum(100)), 10),
  resources: z._default(z.array(z.enum(['table', 'dashboard', 'user', 'feature'])).check(z.minLength(1)), ['table']),
  // { table: { schema: { value: "a,b", filterOperation: "OR" } } }
  filters: z._default(z.record(z.string(), z.record(z.string(), SearchFilterSchema)), {}),
  highlightingOptions: z._default(z.record(z.string(), z.object({ enableHighlight: z.boolean() })), {}),
  searchType: z.optional(z.string()),
});
export type SearchRequest = z.input<typeof SearchRequestSchema>;
export type ParsedSearchRequest = z.output<typeof SearchRequestSchema>;

/**
 * Highlights: field name → fragments in the one format of contract/search-highlight.ts. Table hits
 * may highlight `name`, `description`, `columns`, `column_descriptions`; dashboards `name`,
 * `description`, `chart_names`, `query_names`; people `full_name`, `email`.
 */
export const HighlightSchema = z.record(z.string(), z.array(z.string()));

export const TableSearchResultSchema = z.object({
  type: z.literal('table'),
  key: z.string(),
  name: z.string(),
  cluster: z.string(),
  database: z.string(),
  schema: z.string(),
  description: nullableString,
  badges: z.array(z.object({ tag_name: z.string() })),
  tags: z.array(z.string()),
  search_score: nullableNumber,
  highlight: HighlightSchema,
});
export type TableSearchResult = z.infer<typeof TableSearchResultSchema>;

export const DashboardSearchResultSchema = z.object({
  type: z.literal('dashboard'),
  key: z.string(),
  uri: z.string(),
  name: z.string(),
  cluster: nullableString,
  group_name: nullableString,
  product: nullableString,
  url: nullableString,
  description: nullableString,
  last_successful_run_timestamp: nullableNumber,
  chart_names: z.array(z.string()),
  query_names: z.array(z.string()),
  tags: z.array(z.string()),
  badges: z.array(z.object({ tag_name: z.string() })),
  search_score: nullableNumber,
  highlight: HighlightSchema,
});
export type DashboardSearchResult = z.infer<typeof DashboardSearchResultSchema>;

export const UserSearchResultSchema = z.object({
  type: z.literal('user'),
  user_id: z.string(),
  email: nullableString,
  display_name: z.string(),
  full_name: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  search_score: nullableNumber,
  highlight: HighlightSchema,
});
export type UserSearchResult = z.infer<typeof UserSearchResultSchema>;

export type SearchResult = TableSearchResult | DashboardSearchResult | UserSearchResult;

const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ page_index: z.number(), results: z.array(item), total_results: z.number() });

export const SearchResponseSchema = z.object({
  search_term: z.string(),
  msg: z.string(),
  /** Set when nothing matched the term as typed and the results are for this corrected term. */
  did_you_mean: z.optional(z.string()),
  table: z.optional(page(TableSearchResultSchema)),
  dashboard: z.optional(page(DashboardSearchResultSchema)),
  user: z.optional(page(UserSearchResultSchema)),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type SearchResultsPage<R extends 'table' | 'dashboard' | 'user'> = NonNullable<SearchResponse[R]>;

export { ResourceTypeSchema };
