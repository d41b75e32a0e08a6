// Amundsen's metadata and search responses as the BFF parses them. The shapes are the contract's
// (contract/amundsen-shapes.ts); each object schema below `satisfies` a ShapeOf the contract type, so
// a field the contract adds, drops or retypes fails the build here. Lenient where real services
// differ between versions (missing lists become [], missing values null); where a parser keeps a field
// looser than the contract, or skips one, the type it is checked against says so (Loosen, Omit, Retype).
import { z } from 'zod';
import type * as Contract from '../../contract/amundsen-shapes';

/** One zod schema for every field of T (none missing, none extra), each parsing to T's type for it. */
type ShapeOf<T> = { [K in keyof T]-?: z.ZodType<T[K], unknown> };
/** T whose fields K may still be null or missing after parsing. */
type Loosen<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null | undefined };
/** T with some of its fields parsed to another type (R may only name fields of T). */
type Retype<T, R extends { [K in keyof R]: K extends keyof T ? unknown : never }> = Omit<T, keyof R> & R;
/** Compiles only if every value of T is valid input to S (the other direction: T widened, S not). */
type Accepts<S extends z.ZodType, T extends z.input<S>> = [S, T];
/** T as a type literal, deeply (an interface has no implicit index signature for `.loose()` input). */
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

const str = z.string().nullish().transform((v) => v ?? null);
const num = z.number().nullish().transform((v) => v ?? null);
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

/** Unknown fields are kept; `is_active` and `other_key_values` may be missing (normalizeUser fills them). */
export const AmundsenUserSchema = z
  .object({
    user_id: str, email: str, first_name: str, last_name: str, full_name: str, display_name: str,
    is_active: z.boolean().nullish(), github_username: str, team_name: str, slack_id: str, employee_type: str,
    manager_fullname: str, manager_email: str, manager_id: str, role_name: str, profile_url: str,
    other_key_values: z.record(z.string(), z.string()).nullish(),
  } satisfies ShapeOf<Loosen<Contract.AmundsenUser, 'is_active' | 'other_key_values'>>)
  .loose();
export type AmundsenUser = z.infer<typeof AmundsenUserSchema>;

export const AmundsenTagSchema = z.object({
  tag_type: z.string().nullish().transform((v) => v ?? 'default'), tag_name: z.string(),
} satisfies ShapeOf<Contract.AmundsenTag>);
export const AmundsenBadgeSchema = z.object({
  badge_name: z.string(), category: z.string().nullish().transform((v) => v ?? ''),
} satisfies ShapeOf<Contract.AmundsenBadge>);

const StatSchema = z.object({
  stat_type: z.string(), stat_val: str, start_epoch: num, end_epoch: num, is_metric: z.boolean().nullish().transform((v) => v ?? null),
} satisfies ShapeOf<Contract.AmundsenStat>);

const TypeMetadataSchema: z.ZodType<Contract.AmundsenTypeMetadata, unknown> = z.lazy(() =>
  z.object({
    kind: z.string(), name: z.string(), key: z.string(), description: str, data_type: z.string(),
    sort_order: z.number(), badges: list(AmundsenBadgeSchema), children: list(TypeMetadataSchema),
  } satisfies ShapeOf<Contract.AmundsenTypeMetadata>),
);

const ColumnSchema = z.object({
  name: z.string(),
  key: str,
  description: str,
  col_type: z.string().nullish().transform((v) => v ?? ''),
  sort_order: z.number().nullish().transform((v) => v ?? 0),
  stats: list(StatSchema),
  badges: list(AmundsenBadgeSchema),
  type_metadata: TypeMetadataSchema.nullish().transform((v) => v ?? null),
} satisfies ShapeOf<Contract.AmundsenColumn>);

const ApplicationSchema = z.object({
  application_url: str, description: str, id: z.string(), name: str, kind: str,
} satisfies ShapeOf<Contract.AmundsenApplication>);

const ReaderSchema = z.object({
  user: AmundsenUserSchema, read_count: z.number().nullish().transform((v) => v ?? 0),
} satisfies ShapeOf<Retype<Contract.AmundsenReader, { user: AmundsenUser }>>);

/** The BFF shows neither common joins nor common filters, so it does not parse them. */
export const AmundsenTableSchema = z.object({
  database: z.string(),
  cluster: z.string(),
  schema: z.string(),
  schema_description: str,
  name: z.string(),
  key: str,
  description: str,
  is_view: z.boolean().nullish().transform((v) => v ?? false),
  last_updated_timestamp: num,
  tags: list(AmundsenTagSchema),
  badges: list(AmundsenBadgeSchema),
  columns: list(ColumnSchema),
  owners: list(AmundsenUserSchema),
  table_readers: list(ReaderSchema),
  watermarks: list(z.object({
    watermark_type: str, partition_key: str, partition_value: str, create_time: str,
  } satisfies ShapeOf<Contract.AmundsenWatermark>)),
  table_writer: ApplicationSchema.nullish().transform((v) => v ?? null),
  table_apps: z.array(ApplicationSchema).nullish().transform((v) => v ?? null),
  resource_reports: z.array(z.object({
    name: z.string(), url: z.string(),
  } satisfies ShapeOf<Contract.AmundsenResourceReport>)).nullish().transform((v) => v ?? null),
  source: z.object({
    source_type: z.string(), source: z.string(),
  } satisfies ShapeOf<Contract.AmundsenSource>).nullish().transform((v) => v ?? null),
  programmatic_descriptions: list(z.object({
    source: z.string(), text: z.string(),
  } satisfies ShapeOf<Contract.AmundsenProgrammaticDescription>)),
} satisfies ShapeOf<Retype<
  Omit<Contract.AmundsenTable, 'common_joins' | 'common_filters'>,
  { owners: AmundsenUser[]; table_readers: z.infer<typeof ReaderSchema>[] }
>>);
export type AmundsenTable = z.infer<typeof AmundsenTableSchema>;

export const AmundsenTableSummarySchema = z.object({
  database: z.string(), cluster: z.string(), schema: z.string(), name: z.string(), description: str,
  schema_description: str,
} satisfies ShapeOf<Contract.AmundsenTableSummary>);

/** The table summary of follow/own/read lists and a dashboard's tables (no schema description). */
export const AmundsenPopularTableSchema = z.object({
  database: z.string(), cluster: z.string(), schema: z.string(), name: z.string(), description: str,
} satisfies ShapeOf<Contract.AmundsenPopularTable>);
export type AmundsenPopularTable = z.infer<typeof AmundsenPopularTableSchema>;

/** A dashboard summary; a missing `product` is derived from the uri by the mapper, as metadata does. */
export const AmundsenDashboardSummarySchema = z.object({
  uri: z.string(),
  cluster: z.string(),
  group_name: str,
  group_url: str,
  product: str,
  name: z.string(),
  url: str,
  description: str,
  last_successful_run_timestamp: num,
  chart_names: list(z.string()),
} satisfies ShapeOf<Loosen<Contract.AmundsenDashboardSummary, 'product'>>);
export type AmundsenDashboardSummary = z.infer<typeof AmundsenDashboardSummarySchema>;

export const AmundsenDashboardDetailSchema = AmundsenDashboardSummarySchema.extend({
  created_timestamp: num,
  updated_timestamp: num,
  last_run_timestamp: num,
  last_run_state: str,
  owners: list(AmundsenUserSchema),
  frequent_users: list(AmundsenUserSchema),
  query_names: list(z.string()),
  queries: list(z.object({ name: str, url: str, query_text: str } satisfies ShapeOf<Contract.AmundsenDashboardQuery>)),
  tables: list(AmundsenPopularTableSchema),
  tags: list(AmundsenTagSchema),
  badges: list(AmundsenBadgeSchema),
  recent_view_count: z.number().nullish().transform((v) => v ?? 0),
} satisfies ShapeOf<Retype<
  Omit<Contract.AmundsenDashboardDetail, keyof Contract.AmundsenDashboardSummary>,
  { owners: AmundsenUser[]; frequent_users: AmundsenUser[] }
>>);
export type AmundsenDashboardDetail = z.infer<typeof AmundsenDashboardDetailSchema>;

export const TableDashboardsSchema = z.object({
  dashboards: list(AmundsenDashboardSummarySchema),
} satisfies ShapeOf<Retype<Contract.AmundsenTableDashboards, { dashboards: AmundsenDashboardSummary[] }>>);

// A type that was not requested comes back as {} instead of [] (API.md §9.1).
const requestedList = <T extends z.ZodTypeAny>(item: T) =>
  z.union([z.array(item), z.object({}).transform((): z.infer<T>[] => [])]).optional().transform((v) => v ?? []);

export const PopularResourcesSchema = z.object({
  Table: requestedList(AmundsenTableSummarySchema),
  Dashboard: requestedList(AmundsenDashboardSummarySchema),
} satisfies ShapeOf<Retype<
  Contract.AmundsenPopularResources,
  { Table: z.infer<typeof AmundsenTableSummarySchema>[]; Dashboard: AmundsenDashboardSummary[] }
>>);

/** GET /user/UID/follow/ and /own/: a service without dashboards may leave `dashboard` out. */
export const UserResourcesSchema = z.object({
  table: list(AmundsenPopularTableSchema),
  dashboard: list(AmundsenDashboardSummarySchema),
} satisfies ShapeOf<Retype<Contract.AmundsenUserResources, { dashboard: AmundsenDashboardSummary[] }>>);

export const UserReadsSchema = z.object({
  table: list(AmundsenPopularTableSchema),
} satisfies ShapeOf<Contract.AmundsenUserReads>);

export const TagUsagesSchema = z.object({
  tag_usages: list(z.object({ tag_name: z.string(), tag_count: z.number() } satisfies ShapeOf<Contract.AmundsenTagUsage>)),
} satisfies ShapeOf<Contract.AmundsenTagUsages>);

export const BadgesSchema = z.object({ badges: list(AmundsenBadgeSchema) } satisfies ShapeOf<Contract.AmundsenBadges>);

/** `null` is the 204 (never updated): the upstream client reads an empty body as null. */
export const LatestUpdatedSchema = z
  .object({ neo4j_latest_timestamp: num } satisfies ShapeOf<Contract.AmundsenLatestUpdated>)
  .nullable();

/** Lenient where Neo4j leaves fields out or null; `badges: null` becomes []. */
export const AmundsenLineageItemSchema = z.object({
  key: z.string(),
  level: z.number(),
  source: str,
  badges: list(AmundsenBadgeSchema),
  usage: num,
  parent: str,
  link: str,
  in_amundsen: z.boolean().nullish().transform((v) => v ?? null),
} satisfies ShapeOf<Loosen<Retype<Contract.AmundsenLineageItem, { badges: Contract.AmundsenBadge[] }>, 'source'>>);
export type AmundsenLineageItem = z.infer<typeof AmundsenLineageItemSchema>;

export const AmundsenLineageSchema = z.object({
  key: z.string(),
  direction: z.string(),
  depth: z.number(),
  upstream_entities: list(AmundsenLineageItemSchema),
  downstream_entities: list(AmundsenLineageItemSchema),
  upstream_count: num,
  downstream_count: num,
} satisfies ShapeOf<Retype<
  Contract.AmundsenLineage,
  { upstream_entities: AmundsenLineageItem[]; downstream_entities: AmundsenLineageItem[] }
>>);
export type AmundsenLineage = z.infer<typeof AmundsenLineageSchema>;

/** A description as GET …/description answers it. */
export const DescriptionSchema = z.object({ description: str });

// Our catalog's edit log (GET /edits, not in Amundsen): only the embedded catalog serves it.
export const CatalogEditSchema = z.object({
  id: z.number(),
  resource_key: z.string(),
  parent_key: str,
  resource_type: z.string(),
  action: z.string(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  user_id: z.string(),
  user_display_name: str,
  edited_at: z.string(),
  /** Our catalog's: a dashboard edit's dashboard name; absent from older catalogs. */
  parent_name: z.string().nullish(),
  /** Our catalog's: the people of an owner edit it knows; absent from older catalogs. */
  people: z.array(z.object({ user_id: z.string(), display_name: str, is_active: z.boolean().nullish() })).nullish(),
});
export type CatalogEdit = z.infer<typeof CatalogEditSchema>;
/** `total` (asked for with `with_total=true`): how many edits match, all pages together; a catalog older than it leaves it out. */
export const CatalogEditsSchema = z.object({ edits: z.array(CatalogEditSchema), total: z.number().int().nonnegative().nullish() });

/** POST/DELETE /v2/document: `msg` says what happened (Amundsen reports failures in a 200 too, API.md §9.12). */
export const UpdateDocumentResponseSchema = z.object({ msg: z.string().nullish() }).loose();

/** The BFF does not read `resource_type`; an index without scores gives a null `search_score`. */
export const SearchTableHitSchema = z.object({
  key: z.string(),
  description: str,
  badges: z.array(z.string()).nullish().transform((v) => v ?? []),
  tag: z.array(z.string()).nullish().transform((v) => v ?? []),
  schema: z.string(),
  table: z.string(),
  column: z.array(z.string()).nullish().transform((v) => v ?? []),
  database: z.string(),
  cluster: z.string(),
  search_score: num,
  highlight: z.record(z.string(), z.array(z.string())).nullish().transform((v) => v ?? {}),
  // Nansen's catalog only (decision 107); Amundsen's hits have none, so absent is null.
  last_updated_timestamp: num,
} satisfies ShapeOf<Loosen<Omit<Contract.AmundsenTableSearchHit, 'resource_type'>, 'search_score'>>);

/** Search lists hold plain strings; legacy indexes wrapped them as `{tag_name}` (API.md §5.3, §9.13). */
const nameList = z
  .array(z.union([z.string(), z.object({ tag_name: z.string() }).transform((t) => t.tag_name)]))
  .nullish()
  .transform((v): string[] => v ?? []);

/**
 * A dashboard hit: the V2_1 proxy sends key, chart and query names but no product, cluster or group
 * url; the legacy V2 proxy the other way round (API.md §5.1, §9.13). So all of those may be missing.
 */
export const SearchDashboardHitSchema = z.object({
  key: str,
  description: str,
  url: str,
  uri: z.string(),
  last_successful_run_timestamp: num,
  group_name: str,
  chart_names: nameList,
  query_names: nameList,
  name: z.string(),
  tag: nameList,
  product: str,
  cluster: str,
  group_url: str,
  badges: nameList,
  search_score: num,
  highlight: z.record(z.string(), z.array(z.string())).nullish().transform((v) => v ?? {}),
} satisfies ShapeOf<Loosen<Omit<Contract.AmundsenDashboardSearchHit, 'resource_type'>, 'key' | 'search_score'>>);
export type SearchDashboardHit = z.infer<typeof SearchDashboardHitSchema>;

/** A person hit: Amundsen's index has no `user_id` (the email is the key); ours adds it. */
export const SearchUserHitSchema = z.object({
  full_name: str,
  email: str,
  first_name: str,
  last_name: str,
  user_id: str,
  team_name: str,
  role_name: str,
  is_active: z.boolean().nullish().transform((v) => v ?? null),
  search_score: num,
  highlight: z.record(z.string(), z.array(z.string())).nullish().transform((v) => v ?? {}),
} satisfies ShapeOf<Loosen<Omit<Contract.AmundsenUserSearchHit, 'resource_type'>, 'user_id' | 'search_score'>>);
export type SearchUserHit = z.infer<typeof SearchUserHitSchema>;

const SearchGroupSchema = <T extends z.ZodTypeAny>(hit: T) =>
  z.object({ total_results: z.number(), results: z.array(hit) } satisfies ShapeOf<Contract.AmundsenSearchGroup<z.infer<T>>>);

/** Table, dashboard and people hits are read; other resource types' groups pass through unchecked. */
const SearchResultsSchema = z
  .object({
    table: SearchGroupSchema(SearchTableHitSchema).optional(),
    dashboard: SearchGroupSchema(SearchDashboardHitSchema).optional(),
    user: SearchGroupSchema(SearchUserHitSchema).optional(),
  })
  .loose();

/**
 * `msg` and the paging may be missing. `status_code` is the last resource's: Amundsen's search service
 * answers 200 with 500 there (and its error in `msg`) when Elasticsearch failed (API.md §5.1).
 */
export const SearchResponseSchema = z.object({
  msg: z.string().nullish(),
  status_code: z.number().nullish(),
  did_you_mean: z.string().optional(),
  page_index: z.number().nullish(),
  results_per_page: z.number().nullish(),
  results: SearchResultsSchema,
} satisfies ShapeOf<Retype<
  Loosen<Contract.AmundsenSearchResponse, 'msg' | 'status_code' | 'page_index' | 'results_per_page'>,
  { results: z.infer<typeof SearchResultsSchema> }
>>);
export type AmundsenSearchResponse = z.infer<typeof SearchResponseSchema>;
export type SearchTableHit = z.infer<typeof SearchTableHitSchema>;

// Whatever the contract allows must parse: a contract field widened (say to string | null) while its
// parser still demands a string fails here.
export type ParsersAcceptTheContract = [
  Accepts<typeof AmundsenUserSchema, Plain<Contract.AmundsenUser>>,
  Accepts<typeof AmundsenTableSchema, Plain<Contract.AmundsenTable>>,
  Accepts<typeof AmundsenTableSummarySchema, Plain<Contract.AmundsenTableSummary>>,
  Accepts<typeof PopularResourcesSchema, Plain<Contract.AmundsenPopularResources>>,
  Accepts<typeof AmundsenDashboardDetailSchema, Plain<Contract.AmundsenDashboardDetail>>,
  Accepts<typeof TableDashboardsSchema, Plain<Contract.AmundsenTableDashboards>>,
  Accepts<typeof UserResourcesSchema, Plain<Contract.AmundsenUserResources>>,
  Accepts<typeof UserReadsSchema, Plain<Contract.AmundsenUserReads>>,
  Accepts<typeof TagUsagesSchema, Plain<Contract.AmundsenTagUsages>>,
  Accepts<typeof BadgesSchema, Plain<Contract.AmundsenBadges>>,
  Accepts<typeof LatestUpdatedSchema, Plain<Contract.AmundsenLatestUpdated>>,
  Accepts<typeof AmundsenLineageSchema, Plain<Contract.AmundsenLineage>>,
  Accepts<typeof SearchResponseSchema, Plain<Contract.AmundsenSearchResponse>>,
];
