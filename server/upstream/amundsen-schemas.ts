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

export const PopularResourcesSchema = z.object({
  // A type that was not requested comes back as {} instead of [] (API.md §9.1).
  Table: z.union([z.array(AmundsenTableSummarySchema), z.object({}).transform(() => [])]).optional().transform((v) => v ?? []),
});

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
} satisfies ShapeOf<Loosen<Omit<Contract.AmundsenTableSearchHit, 'resource_type'>, 'search_score'>>);

const SearchGroupSchema = <T extends z.ZodTypeAny>(hit: T) =>
  z.object({ total_results: z.number(), results: z.array(hit) } satisfies ShapeOf<Contract.AmundsenSearchGroup<z.infer<T>>>);

/** Only table hits are read; the other resource types' groups pass through unchecked. */
const SearchResultsSchema = z.object({ table: SearchGroupSchema(SearchTableHitSchema).optional() }).loose();

/** `status_code` is not read; `msg` and the paging may be missing. */
export const SearchResponseSchema = z.object({
  msg: z.string().nullish(),
  did_you_mean: z.string().optional(),
  page_index: z.number().nullish(),
  results_per_page: z.number().nullish(),
  results: SearchResultsSchema,
} satisfies ShapeOf<Retype<
  Loosen<Omit<Contract.AmundsenSearchResponse, 'status_code'>, 'msg' | 'page_index' | 'results_per_page'>,
  { results: z.infer<typeof SearchResultsSchema> }
>>);
export type AmundsenSearchResponse = z.infer<typeof SearchResponseSchema>;

// Whatever the contract allows must parse: a contract field widened (say to string | null) while its
// parser still demands a string fails here.
type ParsersAcceptTheContract = [
  Accepts<typeof AmundsenUserSchema, Plain<Contract.AmundsenUser>>,
  Accepts<typeof AmundsenTableSchema, Plain<Contract.AmundsenTable>>,
  Accepts<typeof AmundsenTableSummarySchema, Plain<Contract.AmundsenTableSummary>>,
  Accepts<typeof SearchResponseSchema, Plain<Contract.AmundsenSearchResponse>>,
];
