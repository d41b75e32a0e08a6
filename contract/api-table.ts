// Tables as the BFF answers them: the detail page, list items, lineage and the dashboards using one.
import * as z from 'zod/mini';
import type { AmundsenTypeMetadata } from './amundsen-shapes';
import { BadgeSchema, nullableNumber, nullableString, TagSchema, UserSchema } from './api-common';

export const StatSchema = z.object({
  stat_type: z.string(),
  stat_val: nullableString,
  start_epoch: nullableNumber,
  end_epoch: nullableNumber,
  is_metric: z.optional(z.nullable(z.boolean())),
});
export type Stat = z.infer<typeof StatSchema>;

/** Passed on from Amundsen as is (contract/amundsen-shapes.ts). */
export type TypeMetadata = AmundsenTypeMetadata;
export const TypeMetadataSchema: z.ZodMiniType<TypeMetadata> = z.lazy(() =>
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
  type_metadata: z.nullable(TypeMetadataSchema),
});
export type Column = z.infer<typeof ColumnSchema>;

export const ReaderSchema = z.object({ user: UserSchema, read_count: z.number() });
export type Reader = z.infer<typeof ReaderSchema>;
export const WatermarkSchema = z.object({
  watermark_type: nullableString,
  partition_key: nullableString,
  partition_value: nullableString,
  create_time: nullableString,
});
export type Watermark = z.infer<typeof WatermarkSchema>;
export const ApplicationSchema = z.object({
  application_url: nullableString,
  description: nullableString,
  id: z.string(),
  name: nullableString,
  kind: nullableString,
});
export type Application = z.infer<typeof ApplicationSchema>;
export const ProgrammaticDescriptionSchema = z.object({ source: z.string(), text: z.string() });
export type ProgrammaticDescription = z.infer<typeof ProgrammaticDescriptionSchema>;
export const ResourceReportSchema = z.object({ name: z.string(), url: z.string() });

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
  last_updated_timestamp: nullableNumber,
  tags: z.array(TagSchema),
  badges: z.array(BadgeSchema),
  columns: z.array(ColumnSchema),
  owners: z.array(UserSchema),
  table_readers: z.array(ReaderSchema),
  watermarks: z.array(WatermarkSchema),
  table_writer: z.nullable(ApplicationSchema),
  table_apps: z.nullable(z.array(ApplicationSchema)),
  resource_reports: z.nullable(z.array(ResourceReportSchema)),
  source: z.nullable(z.object({ source_type: z.string(), source: z.string() })),
  programmatic_descriptions: z.array(ProgrammaticDescriptionSchema),
});
export type TableDetail = z.infer<typeof TableDetailSchema>;
export const TableDetailResponseSchema = z.object({ msg: z.string(), tableData: TableDetailSchema });
export type TableDetailResponse = z.infer<typeof TableDetailResponseSchema>;

/** A table in lists (popular, bookmarks, owned, read, a dashboard's tables). */
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

/**
 * One entity of a lineage answer, with the table coordinates the Amundsen frontend adds
 * (`marshall_lineage_table`). For column lineage `column` names the column and `key` is the column key.
 */
export const LineageItemSchema = z.object({
  key: z.string(),
  level: z.number(),
  source: nullableString,
  badges: z.array(BadgeSchema),
  usage: nullableNumber,
  parent: nullableString,
  link: nullableString,
  in_amundsen: z.nullable(z.boolean()),
  database: z.string(),
  cluster: z.string(),
  schema: z.string(),
  name: z.string(),
  column: nullableString,
});
export type LineageItem = z.infer<typeof LineageItemSchema>;

export const LINEAGE_DIRECTIONS = ['upstream', 'downstream', 'both'] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];

/** GET /api/metadata/v0/get_table_lineage and get_column_lineage. */
export const LineageResponseSchema = z.object({
  msg: z.string(),
  key: z.string(),
  direction: z.enum(LINEAGE_DIRECTIONS),
  depth: z.number(),
  upstream_entities: z.array(LineageItemSchema),
  downstream_entities: z.array(LineageItemSchema),
  upstream_count: nullableNumber,
  downstream_count: nullableNumber,
});
export type LineageResponse = z.infer<typeof LineageResponseSchema>;

/** The deepest lineage the BFF asks for (the UI config's defaultLineageDepth stays within it). */
export const MAX_LINEAGE_DEPTH = 10;
