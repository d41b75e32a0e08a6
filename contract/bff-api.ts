// The shapes the BFF answers and the SPA reads: the Amundsen frontend's API (`/api/...`), with
// runtime schemas so neither side trusts an unchecked cast. Both client/ and server/ import this
// module; it must stay free of Node and browser APIs.
import { z } from 'zod';
import type { AmundsenTypeMetadata } from './amundsen-shapes';

const nullableString = z.string().nullable();

/** Amundsen's User model, every field present (null when unknown). */
export const UserSchema = z.object({
  user_id: z.string(),
  email: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  full_name: nullableString,
  display_name: z.string(),
  is_active: z.boolean(),
  github_username: nullableString,
  team_name: nullableString,
  slack_id: nullableString,
  employee_type: nullableString,
  manager_fullname: nullableString,
  manager_email: nullableString,
  manager_id: nullableString,
  role_name: nullableString,
  profile_url: nullableString,
  other_key_values: z.record(z.string(), z.string()),
});
export type User = z.infer<typeof UserSchema>;

export const AuthUserResponseSchema = z.object({ msg: z.string(), user: UserSchema });
export type AuthUserResponse = z.infer<typeof AuthUserResponseSchema>;

/** The one error body every BFF route answers with. */
export const ApiErrorBodySchema = z.object({
  error: z.object({ name: z.string(), message: z.string(), code: z.string().optional() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** What the SPA may know about server config (UI toggles only; never secrets). */
export const ClientConfigSchema = z.object({
  indexUsers: z.boolean(),
  providerName: z.string(),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

export const TagSchema = z.object({ tag_type: z.string(), tag_name: z.string() });
export type Tag = z.infer<typeof TagSchema>;
export const BadgeSchema = z.object({ badge_name: z.string(), category: z.string() });
export type Badge = z.infer<typeof BadgeSchema>;

export const StatSchema = z.object({
  stat_type: z.string(),
  stat_val: nullableString,
  start_epoch: z.number().nullable(),
  end_epoch: z.number().nullable(),
  is_metric: z.boolean().nullable().optional(),
});

/** Passed on from Amundsen as is (contract/amundsen-shapes.ts). */
export type TypeMetadata = AmundsenTypeMetadata;
export const TypeMetadataSchema: z.ZodType<TypeMetadata> = z.lazy(() =>
  z.object({
    kind: z.string(),
    name: z.string(),
    key: z.string(),
    description: nullableString,
    data_type: z.string(),
    sort_order: z.number(),
    badges: z.array(BadgeSchema),
    children: z.array(TypeMetadataSchema),
  }),
);

export const ColumnSchema = z.object({
  name: z.string(),
  key: z.string(),
  description: nullableString,
  col_type: z.string(),
  sort_order: z.number(),
  stats: z.array(StatSchema),
  badges: z.array(BadgeSchema),
  type_metadata: TypeMetadataSchema.nullable(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const ReaderSchema = z.object({ user: UserSchema, read_count: z.number() });
export const WatermarkSchema = z.object({
  watermark_type: nullableString,
  partition_key: nullableString,
  partition_value: nullableString,
  create_time: nullableString,
});
export const ApplicationSchema = z.object({
  application_url: nullableString,
  description: nullableString,
  id: z.string(),
  name: nullableString,
  kind: nullableString,
});
export const ProgrammaticDescriptionSchema = z.object({ source: z.string(), text: z.string() });

/** `tableData` of GET /api/metadata/v0/table: the metadata Table plus the keys the frontend computes. */
export const TableDetailSchema = z.object({
  key: z.string(),
  cluster: z.string(),
  database: z.string(),
  schema: z.string(),
  name: z.string(),
  description: nullableString,
  is_view: z.boolean(),
  is_editable: z.boolean(),
  last_updated_timestamp: z.number().nullable(),
  tags: z.array(TagSchema),
  badges: z.array(BadgeSchema),
  columns: z.array(ColumnSchema),
  owners: z.array(UserSchema),
  table_readers: z.array(ReaderSchema),
  watermarks: z.array(WatermarkSchema),
  table_writer: ApplicationSchema.nullable(),
  table_apps: z.array(ApplicationSchema).nullable(),
  resource_reports: z.array(z.object({ name: z.string(), url: z.string() })).nullable(),
  source: z.object({ source_type: z.string(), source: z.string() }).nullable(),
  programmatic_descriptions: z.array(ProgrammaticDescriptionSchema),
});
export type TableDetail = z.infer<typeof TableDetailSchema>;
export const TableDetailResponseSchema = z.object({ msg: z.string(), tableData: TableDetailSchema });
export type TableDetailResponse = z.infer<typeof TableDetailResponseSchema>;

/** A table in lists (popular, bookmarks, owned, read). */
export const TableSummarySchema = z.object({
  type: z.literal('table'),
  key: z.string(),
  cluster: z.string(),
  database: z.string(),
  schema: z.string(),
  name: z.string(),
  description: nullableString,
  schema_description: nullableString,
});
export type TableSummary = z.infer<typeof TableSummarySchema>;

export const PopularResourcesResponseSchema = z.object({
  msg: z.string(),
  results: z.object({ table: z.array(TableSummarySchema) }),
});
export type PopularResourcesResponse = z.infer<typeof PopularResourcesResponseSchema>;

/** POST /api/search/v1/search body (the Amundsen frontend's). */
export const SearchRequestSchema = z.object({
  searchTerm: z.string().max(500),
  pageIndex: z.number().int().min(0).max(10_000).default(0),
  resultsPerPage: z.number().int().min(1).max(100).default(10),
  resources: z.array(z.enum(['table', 'dashboard', 'user', 'feature'])).default(['table']),
  // { table: { schema: { value: "a,b", filterOperation: "OR" } } }
  filters: z
    .record(
      z.string(),
      z.record(z.string(), z.object({ value: z.string(), filterOperation: z.enum(['AND', 'OR']).optional() })),
    )
    .default({}),
  highlightingOptions: z.record(z.string(), z.object({ enableHighlight: z.boolean() })).default({}),
  searchType: z.string().optional(),
});
export type SearchRequest = z.input<typeof SearchRequestSchema>;

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
  search_score: z.number().nullable(),
  highlight: z.record(z.string(), z.array(z.string())),
});
export type TableSearchResult = z.infer<typeof TableSearchResultSchema>;

export const SearchResultsPageSchema = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ page_index: z.number(), results: z.array(item), total_results: z.number() });

export const SearchResponseSchema = z.object({
  search_term: z.string(),
  msg: z.string(),
  /** Set when nothing matched the term as typed and the results are for this corrected term. */
  did_you_mean: z.string().optional(),
  table: SearchResultsPageSchema(TableSearchResultSchema).optional(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
