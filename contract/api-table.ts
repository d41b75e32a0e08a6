// Tables as the BFF answers them: the detail page, list items, lineage and the dashboards using one.
import * as v from 'valibot';
import { EditRightsSchema } from './edit-rights';
import type { AmundsenTypeMetadata } from './amundsen-shapes';
import { BadgeSchema, nullableNumber, nullableString, TagSchema, UserSchema } from './api-common';

export const StatSchema = v.object({
  stat_type: v.string(),
  stat_val: nullableString,
  start_epoch: nullableNumber,
  end_epoch: nullableNumber,
  is_metric: v.optional(v.nullable(v.boolean())),
});
export type Stat = v.InferOutput<typeof StatSchema>;

/** Passed on from Amundsen as is (contract/amundsen-shapes.ts). */
export type TypeMetadata = AmundsenTypeMetadata;
export const TypeMetadataSchema: v.GenericSchema<TypeMetadata> = v.lazy(() =>
  v.object({
    kind: v.string(),
    name: v.string(),
    key: v.string(),
    description: nullableString,
    data_type: v.string(),
    sort_order: v.number(),
    badges: v.array(BadgeSchema),
    children: v.array(TypeMetadataSchema),
  }),
);

export const ColumnSchema = v.object({
  name: v.string(),
  key: v.string(),
  description: nullableString,
  col_type: v.string(),
  sort_order: v.number(),
  stats: v.array(StatSchema),
  badges: v.array(BadgeSchema),
  type_metadata: v.nullable(TypeMetadataSchema),
});
export type Column = v.InferOutput<typeof ColumnSchema>;

export const ReaderSchema = v.object({ user: UserSchema, read_count: v.number() });
export type Reader = v.InferOutput<typeof ReaderSchema>;
export const WatermarkSchema = v.object({
  watermark_type: nullableString,
  partition_key: nullableString,
  partition_value: nullableString,
  create_time: nullableString,
});
export type Watermark = v.InferOutput<typeof WatermarkSchema>;
export const ApplicationSchema = v.object({
  application_url: nullableString,
  description: nullableString,
  id: v.string(),
  name: nullableString,
  kind: nullableString,
});
export type Application = v.InferOutput<typeof ApplicationSchema>;
export const ProgrammaticDescriptionSchema = v.object({ source: v.string(), text: v.string() });
export type ProgrammaticDescription = v.InferOutput<typeof ProgrammaticDescriptionSchema>;
export const ResourceReportSchema = v.object({ name: v.string(), url: v.string() });

/** `tableData` of GET /api/metadata/v0/table: the metadata Table plus the keys the frontend computes. */
export const TableDetailSchema = v.object({
  key: v.string(),
  cluster: v.string(),
  database: v.string(),
  schema: v.string(),
  /** The schema's description where the catalog gives it (the embedded one does; Amundsen's does not). */
  schema_description: v.optional(nullableString, null),
  name: v.string(),
  description: nullableString,
  is_view: v.boolean(),
  /** Amundsen's flag: whether the descriptions may be edited (the same as edit_rights.descriptions). */
  is_editable: v.boolean(),
  edit_rights: EditRightsSchema,
  last_updated_timestamp: nullableNumber,
  tags: v.array(TagSchema),
  badges: v.array(BadgeSchema),
  columns: v.array(ColumnSchema),
  owners: v.array(UserSchema),
  table_readers: v.array(ReaderSchema),
  watermarks: v.array(WatermarkSchema),
  table_writer: v.nullable(ApplicationSchema),
  table_apps: v.nullable(v.array(ApplicationSchema)),
  resource_reports: v.nullable(v.array(ResourceReportSchema)),
  source: v.nullable(v.object({ source_type: v.string(), source: v.string() })),
  programmatic_descriptions: v.array(ProgrammaticDescriptionSchema),
});
export type TableDetail = v.InferOutput<typeof TableDetailSchema>;
export const TableDetailResponseSchema = v.object({ msg: v.string(), tableData: TableDetailSchema });
export type TableDetailResponse = v.InferOutput<typeof TableDetailResponseSchema>;

export { TableSummarySchema, type TableSummary } from './table-summary';

/**
 * One entity of a lineage answer, with the table coordinates the Amundsen frontend adds
 * (`marshall_lineage_table`). For column lineage `column` names the column and `key` is the column key.
 */
export const LineageItemSchema = v.object({
  key: v.string(),
  level: v.number(),
  source: nullableString,
  badges: v.array(BadgeSchema),
  usage: nullableNumber,
  parent: nullableString,
  link: nullableString,
  in_amundsen: v.nullable(v.boolean()),
  database: v.string(),
  cluster: v.string(),
  schema: v.string(),
  name: v.string(),
  column: nullableString,
});
export type LineageItem = v.InferOutput<typeof LineageItemSchema>;

export const LINEAGE_DIRECTIONS = ['upstream', 'downstream', 'both'] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];

/** GET /api/metadata/v0/get_table_lineage and get_column_lineage. */
export const LineageResponseSchema = v.object({
  msg: v.string(),
  key: v.string(),
  direction: v.picklist(LINEAGE_DIRECTIONS),
  depth: v.number(),
  upstream_entities: v.array(LineageItemSchema),
  downstream_entities: v.array(LineageItemSchema),
  upstream_count: nullableNumber,
  downstream_count: nullableNumber,
});
export type LineageResponse = v.InferOutput<typeof LineageResponseSchema>;

/** The deepest lineage the BFF asks for (the UI config's defaultLineageDepth stays within it). */
export const MAX_LINEAGE_DEPTH = 10;
