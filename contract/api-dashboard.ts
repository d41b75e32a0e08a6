// Dashboards as the BFF answers them: list items and the dashboard page.
import * as v from 'valibot';
import { BadgeSchema, nullableNumber, nullableString, TagSchema, UserSchema } from './api-common';
import { EditRightsSchema } from './edit-rights';
import { TableSummarySchema } from './table-summary';

/** A dashboard in lists (popular, bookmarks, owned, a table's dashboards); `key` is its uri. */
export const DashboardSummarySchema = v.object({
  type: v.literal('dashboard'),
  key: v.string(),
  uri: v.string(),
  cluster: v.string(),
  group_name: nullableString,
  group_url: nullableString,
  product: v.string(),
  name: v.string(),
  url: nullableString,
  description: nullableString,
  last_successful_run_timestamp: nullableNumber,
  chart_names: v.array(v.string()),
});
export type DashboardSummary = v.InferOutput<typeof DashboardSummarySchema>;

export const DashboardQuerySchema = v.object({ name: nullableString, url: nullableString, query_text: nullableString });
export type DashboardQuery = v.InferOutput<typeof DashboardQuerySchema>;

/** `dashboard` of GET /api/metadata/v0/dashboard?uri=. */
export const DashboardDetailSchema = v.object({
  ...DashboardSummarySchema.entries,
  created_timestamp: nullableNumber,
  updated_timestamp: nullableNumber,
  last_run_timestamp: nullableNumber,
  last_run_state: nullableString,
  owners: v.array(UserSchema),
  frequent_users: v.array(UserSchema),
  query_names: v.array(v.string()),
  queries: v.array(DashboardQuerySchema),
  tables: v.array(TableSummarySchema),
  tags: v.array(TagSchema),
  badges: v.array(BadgeSchema),
  recent_view_count: v.number(),
  edit_rights: EditRightsSchema,
});
export type DashboardDetail = v.InferOutput<typeof DashboardDetailSchema>;
export const DashboardResponseSchema = v.object({ msg: v.string(), dashboard: DashboardDetailSchema });
export type DashboardResponse = v.InferOutput<typeof DashboardResponseSchema>;

/** GET /api/metadata/v0/table/<key>/dashboards. */
export const TableDashboardsResponseSchema = v.object({ msg: v.string(), dashboards: v.array(DashboardSummarySchema) });
export type TableDashboardsResponse = v.InferOutput<typeof TableDashboardsResponseSchema>;
