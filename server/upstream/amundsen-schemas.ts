// Amundsen's metadata and search response shapes (API.md §3, §5), checked at runtime. Lenient where
// real services differ between versions (missing lists become [], missing values null).
import { z } from 'zod';

const str = z.string().nullish().transform((v) => v ?? null);
const num = z.number().nullish().transform((v) => v ?? null);
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

export const AmundsenUserSchema = z
  .object({
    user_id: str, email: str, first_name: str, last_name: str, full_name: str, display_name: str,
    is_active: z.boolean().nullish(), github_username: str, team_name: str, slack_id: str, employee_type: str,
    manager_fullname: str, manager_email: str, manager_id: str, role_name: str, profile_url: str,
    other_key_values: z.record(z.string(), z.string()).nullish(),
  })
  .loose();
export type AmundsenUser = z.infer<typeof AmundsenUserSchema>;

export const AmundsenTagSchema = z.object({ tag_type: z.string().nullish().transform((v) => v ?? 'default'), tag_name: z.string() });
export const AmundsenBadgeSchema = z.object({ badge_name: z.string(), category: z.string().nullish().transform((v) => v ?? '') });

const StatSchema = z.object({ stat_type: z.string(), stat_val: str, start_epoch: num, end_epoch: num, is_metric: z.boolean().nullish().transform((v) => v ?? null) });

type AmundsenTypeMetadata = {
  kind: string; name: string; key: string; description: string | null; data_type: string; sort_order: number;
  badges: { badge_name: string; category: string }[]; children: AmundsenTypeMetadata[];
};
const TypeMetadataSchema: z.ZodType<AmundsenTypeMetadata, unknown> = z.lazy(() =>
  z.object({
    kind: z.string(), name: z.string(), key: z.string(), description: str, data_type: z.string(),
    sort_order: z.number(), badges: list(AmundsenBadgeSchema), children: list(TypeMetadataSchema),
  }),
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
});

const ApplicationSchema = z.object({ application_url: str, description: str, id: z.string(), name: str, kind: str });

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
  table_readers: list(z.object({ user: AmundsenUserSchema, read_count: z.number().nullish().transform((v) => v ?? 0) })),
  watermarks: list(z.object({ watermark_type: str, partition_key: str, partition_value: str, create_time: str })),
  table_writer: ApplicationSchema.nullish().transform((v) => v ?? null),
  table_apps: z.array(ApplicationSchema).nullish().transform((v) => v ?? null),
  resource_reports: z.array(z.object({ name: z.string(), url: z.string() })).nullish().transform((v) => v ?? null),
  source: z.object({ source_type: z.string(), source: z.string() }).nullish().transform((v) => v ?? null),
  programmatic_descriptions: list(z.object({ source: z.string(), text: z.string() })),
});
export type AmundsenTable = z.infer<typeof AmundsenTableSchema>;

export const AmundsenTableSummarySchema = z.object({
  database: z.string(), cluster: z.string(), schema: z.string(), name: z.string(), description: str,
  schema_description: str,
});

export const PopularResourcesSchema = z.object({
  // A type that was not requested comes back as {} instead of [] (API.md §9.1).
  Table: z.union([z.array(AmundsenTableSummarySchema), z.object({}).transform(() => [])]).optional().transform((v) => v ?? []),
});

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
});

const SearchGroupSchema = <T extends z.ZodTypeAny>(hit: T) =>
  z.object({ total_results: z.number(), results: z.array(hit) });

export const SearchResponseSchema = z.object({
  msg: z.string().nullish(),
  // Nansen's catalog: the corrected term its typo fallback searched for (not in Amundsen's contract).
  did_you_mean: z.string().optional(),
  page_index: z.number().nullish(),
  results_per_page: z.number().nullish(),
  results: z.object({ table: SearchGroupSchema(SearchTableHitSchema).optional() }).loose(),
});
export type AmundsenSearchResponse = z.infer<typeof SearchResponseSchema>;

export interface AmundsenSearchRequest {
  query_term: string;
  resource_types: string[];
  page_index: number;
  results_per_page: number;
  filters: { name: string; values: string[]; operation: 'AND' | 'OR' }[];
  highlight_options: Record<string, { enable_highlight: boolean }>;
}
