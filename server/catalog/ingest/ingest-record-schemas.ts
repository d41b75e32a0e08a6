// The NDJSON ingest format: one JSON object per line, discriminated by `type`. One zod schema per
// record type; docs/ingest.md documents the same format with examples. Unknown fields are dropped
// (as Amundsen does on load); missing required fields and wrong types reject the record.
import { z } from 'zod';
import { parseTableKey } from '../../../contract/table-key';

const text = z.string().min(1, 'must not be empty');
const optionalText = z.string().nullish();
/** 3000-01-01T00:00:00Z in epoch seconds: a time past it (or as far before 1970) is another unit. */
export const MAX_EPOCH_SECONDS = 32_503_680_000;
const SECONDS_PER_YEAR = 31_556_952; // the Gregorian year's mean

/**
 * Why a whole number is no plausible time in epoch seconds, or undefined when it is one. Milliseconds
 * (what JavaScript's Date.now() and Java's currentTimeMillis() give) are the usual mistake: they
 * would be read as a date 50 000 years away ("Dec 07, 57868").
 */
export function describeImplausibleEpochSeconds(n: number): string | undefined {
  if (Math.abs(n) <= MAX_EPOCH_SECONDS) return undefined;
  const year = Math.floor(1970 + n / SECONDS_PER_YEAR);
  const unit = [['milliseconds', 1e3, '1000'], ['microseconds', 1e6, '1 000 000'], ['nanoseconds', 1e9, '1 000 000 000']] as const;
  const guess = unit.find(([, per]) => Math.abs(n / per) <= MAX_EPOCH_SECONDS);
  const read = `${n} is not a time in epoch seconds (it would be the year ${year})`;
  if (!guess) return `${read}: give seconds since 1970-01-01 UTC`;
  const [name, per, written] = guess;
  const seconds = Math.trunc(n / per);
  return `${read}: looks like ${name}: divide by ${written} (${seconds} is ${new Date(seconds * 1000).toISOString().slice(0, 10)})`;
}

const epochSeconds = z
  .number()
  .int('must be a whole number of epoch seconds')
  .superRefine((n, ctx) => {
    const problem = describeImplausibleEpochSeconds(n);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullish();
const count = z.number().int('must be a whole number').min(0, 'must be ≥ 0');

/** A table key: `{database}://{cluster}.{schema}/{name}` (API.md §1), by the one grammar in contract/table-key.ts. */
const tableKey = text.refine((key) => parseTableKey(key) !== null, 'must be a table key like "hive://gold.schema/table"');
/** Lineage ends may be outside the catalog; they only need to look like `something://…`. */
const lineageKey = text.regex(/^[^/]+:\/\/.+/, 'must be a key like "hive://gold.schema/table"');

/** A badge as `{badge_name, category}` or as a bare name (category defaults per place). */
const badgeWithDefault = (category: string) =>
  z.union([
    text.transform((badge_name) => ({ badge_name, category })),
    z.object({ badge_name: text, category: text.default(category) }),
  ]);

/**
 * Descriptions and badges of a column's nested fields (the tree comes from `col_type`): `path`
 * names the field from the top, as a list of names or as one string split at dots.
 */
export const NestedFieldSchema = z.object({
  path: z.union([text, z.array(text).min(1, 'must name at least one field')]),
  description: optionalText,
  badges: z.array(badgeWithDefault('column')).optional(),
});

export const ColumnSchema = z.object({
  name: text,
  col_type: text,
  nested_fields: z.array(NestedFieldSchema).optional(),
  description: optionalText,
  sort_order: z.number().int().min(0).optional(),
  badges: z.array(badgeWithDefault('column')).optional(),
  stats: z
    .array(
      z.object({
        stat_type: text,
        stat_val: z.string().nullable(),
        start_epoch: epochSeconds,
        end_epoch: epochSeconds,
        is_metric: z.boolean().nullish(),
      }),
    )
    .optional(),
});

export const WatermarkSchema = z.object({
  watermark_type: z.enum(['high_watermark', 'low_watermark']),
  partition_key: z.string().nullable().default(null),
  partition_value: z.string().nullable().default(null),
  create_time: z.string().nullable().default(null),
});

export const TableIngestSchema = z.object({
  type: z.literal('table'),
  database: text,
  cluster: text,
  schema: text,
  name: text,
  description: optionalText,
  description_source: optionalText,
  schema_description: optionalText,
  is_view: z.boolean().optional(),
  last_updated_timestamp: epochSeconds,
  source: z.object({ source_type: text, source: text }).nullish(),
  /** Always replaces the table's columns (absent = no columns). */
  columns: z
    .array(ColumnSchema)
    .default([])
    .superRefine((columns, ctx) => {
      const seen = new Set<string>();
      columns.forEach((c, i) => {
        if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate column "${c.name}"` });
        seen.add(c.name);
      });
    }),
  // The lists below replace what the table has when present and keep it when absent.
  tags: z.array(text).optional(),
  badges: z.array(badgeWithDefault('table_status')).optional(),
  owners: z.array(text).optional(),
  watermarks: z.array(WatermarkSchema).optional(),
  programmatic_descriptions: z.array(z.object({ source: text, text: z.string() })).optional(),
  applications: z
    .array(
      z.object({
        id: text,
        name: optionalText.default(null),
        description: optionalText.default(null),
        application_url: optionalText.default(null),
        kind: z.enum(['Producing', 'Consuming']).default('Producing'),
      }),
    )
    .optional(),
  resource_reports: z.array(z.object({ name: text, url: text })).optional(),
});

export const UserIngestSchema = z
  .object({
    type: z.literal('user'),
    user_id: text.optional(),
    email: text.optional(),
    first_name: optionalText,
    last_name: optionalText,
    full_name: optionalText,
    display_name: optionalText,
    is_active: z.boolean().optional(),
    github_username: optionalText,
    team_name: optionalText,
    slack_id: optionalText,
    employee_type: optionalText,
    /** The manager's user id (email); `manager_email` stands in for it when absent (databuilder's name). */
    manager_user_id: optionalText,
    /** Kept as given too: a manager the catalog does not know still shows a name and email. */
    manager_email: optionalText,
    manager_fullname: optionalText,
    role_name: optionalText,
    profile_url: optionalText,
    other_key_values: z.record(z.string(), z.string()).optional(),
  })
  .refine((u) => u.email !== undefined || u.user_id !== undefined, {
    message: 'missing field "email" (or "user_id")',
    path: ['email'],
  });

export const DashboardIngestSchema = z.object({
  type: z.literal('dashboard'),
  product: text,
  cluster: text,
  group_id: text,
  group_name: optionalText,
  group_url: optionalText,
  group_description: optionalText,
  id: text,
  name: text,
  url: optionalText,
  description: optionalText,
  created_timestamp: epochSeconds,
  updated_timestamp: epochSeconds,
  last_successful_run_timestamp: epochSeconds,
  last_run_timestamp: epochSeconds,
  last_run_state: optionalText,
  // Replace when present, keep when absent (like a table's lists).
  owners: z.array(text).optional(),
  tags: z.array(text).optional(),
  badges: z.array(badgeWithDefault('dashboard')).optional(),
  /** Table keys; every table must already be in the catalog. */
  tables: z.array(tableKey).optional(),
  queries: z.array(z.object({ name: optionalText, url: optionalText, query_text: optionalText })).optional(),
  /** Chart names. */
  charts: z.array(text).optional(),
});

export const LineageIngestSchema = z.object({
  type: z.literal('lineage'),
  upstream: lineageKey,
  downstream: lineageKey,
  /** `column` for column keys (`{table key}/{column}`); default `table`. */
  level: z.enum(['table', 'column']).default('table'),
});

export const UsageIngestSchema = z
  .object({
    type: z.literal('usage'),
    table_key: tableKey.optional(),
    /** Dashboard views instead of table reads: give `dashboard_key` instead of `table_key`. */
    dashboard_key: text.optional(),
    user_email: text,
    /** Sets (does not add to) the count for this (resource, user); 0 removes the reader. */
    read_count: count,
  })
  .refine((u) => (u.table_key === undefined) !== (u.dashboard_key === undefined), {
    message: 'missing field "table_key" (give exactly one of table_key or dashboard_key)',
    path: ['table_key'],
  });

const resourceType = z.enum(['table', 'dashboard']).default('table');

export const OwnerIngestSchema = z.object({
  type: z.literal('owner'),
  resource_key: text,
  resource_type: resourceType,
  user_email: text,
});

export const TagIngestSchema = z.object({
  type: z.literal('tag'),
  resource_key: text,
  resource_type: resourceType,
  tag: text,
});

export const INGEST_RECORD_SCHEMAS = {
  table: TableIngestSchema,
  user: UserIngestSchema,
  dashboard: DashboardIngestSchema,
  lineage: LineageIngestSchema,
  usage: UsageIngestSchema,
  owner: OwnerIngestSchema,
  tag: TagIngestSchema,
} as const;

export type IngestRecordType = keyof typeof INGEST_RECORD_SCHEMAS;
export const INGEST_RECORD_TYPES = Object.keys(INGEST_RECORD_SCHEMAS) as IngestRecordType[];

export type TableIngestRecord = z.infer<typeof TableIngestSchema>;
export type UserIngestRecord = z.infer<typeof UserIngestSchema>;
export type DashboardIngestRecord = z.infer<typeof DashboardIngestSchema>;
export type LineageIngestRecord = z.infer<typeof LineageIngestSchema>;
export type UsageIngestRecord = z.infer<typeof UsageIngestSchema>;
export type OwnerIngestRecord = z.infer<typeof OwnerIngestSchema>;
export type TagIngestRecord = z.infer<typeof TagIngestSchema>;
export type IngestRecord =
  | TableIngestRecord
  | UserIngestRecord
  | DashboardIngestRecord
  | LineageIngestRecord
  | UsageIngestRecord
  | OwnerIngestRecord
  | TagIngestRecord;
