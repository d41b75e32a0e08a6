// POST /api/search/v1/search: the Amundsen frontend's request, and one result group per resource.
import * as v from 'valibot';
import { nullableNumber, nullableString, ResourceTypeSchema } from './api-common';
import { FILTER_OPERATIONS } from './search-filters';
import { TABLE_SEARCH_SORTS } from './search-sort';

export { FILTER_OPERATIONS, SEARCH_FILTER_NAMES, type FilterOperation, type SearchFilterName } from './search-filters';

/** `{ value: "a,b", filterOperation: "OR" }`: comma-separated values, wildcards `*` and `?`. */
export const SearchFilterSchema = v.object({
  value: v.pipe(v.string(), v.maxLength(1000)),
  filterOperation: v.optional(v.picklist(FILTER_OPERATIONS)),
});
export type SearchFilter = v.InferOutput<typeof SearchFilterSchema>;

/** POST /api/search/v1/search body (the Amundsen frontend's). */
export const SearchRequestSchema = v.object({
  searchTerm: v.pipe(v.string(), v.maxLength(500)),
  pageIndex: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)), 0),
  resultsPerPage: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 10),
  resources: v.optional(v.pipe(v.array(v.picklist(['table', 'dashboard', 'user', 'feature'])), v.minLength(1)), () => ['table' as const]),
  // { table: { schema: { value: "a,b", filterOperation: "OR" } } }
  filters: v.optional(v.record(v.string(), v.record(v.string(), SearchFilterSchema)), () => ({})),
  highlightingOptions: v.optional(v.record(v.string(), v.object({ enableHighlight: v.boolean() })), () => ({})),
  searchType: v.optional(v.string()),
  /**
   * Nansen's: the order of table results (decision 107); absent = relevance. Passed on only to a search
   * service that takes it (the embedded catalog: ClientConfig.tableSort), ignored otherwise.
   */
  sort: v.optional(v.picklist(['relevance', ...TABLE_SEARCH_SORTS])),
});
export type SearchRequest = v.InferInput<typeof SearchRequestSchema>;
export type ParsedSearchRequest = v.InferOutput<typeof SearchRequestSchema>;

/**
 * Highlights: field name → fragments in the one format of contract/search-highlight.ts. Table hits
 * may highlight `name`, `description`, `columns`, `column_descriptions` and Nansen's `nested_fields`
 * (dotted paths of matching nested fields, decision 058); dashboards `name`,
 * `description`, `chart_names`, `query_names`; people `full_name`, `email`, and (the embedded
 * catalog) `team_name` and `role_name`.
 */
export const HighlightSchema = v.record(v.string(), v.array(v.string()));

export const TableSearchResultSchema = v.object({
  type: v.literal('table'),
  key: v.string(),
  name: v.string(),
  cluster: v.string(),
  database: v.string(),
  schema: v.string(),
  description: nullableString,
  badges: v.array(v.object({ tag_name: v.string() })),
  tags: v.array(v.string()),
  search_score: nullableNumber,
  highlight: HighlightSchema,
  /** When the table was last updated (epoch seconds): the embedded catalog's; null or absent from Amundsen's. */
  last_updated_timestamp: v.optional(nullableNumber),
});
export type TableSearchResult = v.InferOutput<typeof TableSearchResultSchema>;

export const DashboardSearchResultSchema = v.object({
  type: v.literal('dashboard'),
  key: v.string(),
  uri: v.string(),
  name: v.string(),
  cluster: nullableString,
  group_name: nullableString,
  product: nullableString,
  url: nullableString,
  description: nullableString,
  last_successful_run_timestamp: nullableNumber,
  chart_names: v.array(v.string()),
  query_names: v.array(v.string()),
  tags: v.array(v.string()),
  badges: v.array(v.object({ tag_name: v.string() })),
  search_score: nullableNumber,
  highlight: HighlightSchema,
});
export type DashboardSearchResult = v.InferOutput<typeof DashboardSearchResultSchema>;

export const UserSearchResultSchema = v.object({
  type: v.literal('user'),
  user_id: v.string(),
  email: nullableString,
  display_name: v.string(),
  full_name: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  // Optional in what is read (a BFF before these fields sends none): no team or role, and active.
  team_name: v.optional(nullableString, null),
  role_name: v.optional(nullableString, null),
  is_active: v.optional(v.boolean(), true),
  search_score: nullableNumber,
  highlight: HighlightSchema,
});
export type UserSearchResult = v.InferOutput<typeof UserSearchResultSchema>;

export type SearchResult = TableSearchResult | DashboardSearchResult | UserSearchResult;

const page = <T extends v.GenericSchema>(item: T) =>
  v.object({ page_index: v.number(), results: v.array(item), total_results: v.number() });

export const SearchResponseSchema = v.object({
  search_term: v.string(),
  msg: v.string(),
  /** Set when nothing matched the term as typed and the results are for this corrected term. */
  did_you_mean: v.optional(v.string()),
  table: v.optional(page(TableSearchResultSchema)),
  dashboard: v.optional(page(DashboardSearchResultSchema)),
  user: v.optional(page(UserSearchResultSchema)),
});
export type SearchResponse = v.InferOutput<typeof SearchResponseSchema>;
export type SearchResultsPage<R extends 'table' | 'dashboard' | 'user'> = NonNullable<SearchResponse[R]>;

export { ResourceTypeSchema };
