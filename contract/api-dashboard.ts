// Dashboards as the BFF answers them: list items and the dashboard page.
import * as z from 'zod/mini';
import { BadgeSchema, nullableNumber, nullableString, TagSchema, UserSchema } from './api-common';
import { TableSummarySchema } from './api-table';

/** A dashboard in lists (popular, bookmarks, owned, a table's dashboards); `key` is its uri. */
export const DashboardSummarySchema = z.object({
  type: z.literal('dashboard'),
  key: z.string(),
  uri: z.string(),
  cluster: z.string(),
  group_name: nullableString,
  group_url: nullableString,
  product: z.string(),
  name: z.string(),
  url: nullableString,
  description: nullableString,
  last_successful_run_timestamp: nullableNumber,
  chart_names: z.array(z.string()),
});
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;

export const DashboardQuerySchema = z.object({ name: nullableString, url: nullableString, query_text: nullableString });
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** `dashboard` of GET /api/metadata/v0/dashboard?uri=. */
export const DashboardDetailSchema = z.object({
  type: z.literal('dashboard'),
  key: z.string(),
  uri: z.string(),
  cluster: z.string(),
  group_name: nullableString,
  group_url: nullableString,
  product: z.string(),
  name: z.string(),
  url: nullableString,
  description: nullableString,
  created_timestamp: nullableNumber,
  updated_timestamp: nullableNumber,
  last_successful_run_timestamp: nullableNumber,
  last_run_timestamp: nullableNumber,
  last_run_state: nullableString,
  owners: z.array(UserSchema),
  frequent_users: z.array(UserSchema),
  chart_names: z.array(z.string()),
  query_names: z.array(z.string()),
  queries: z.array(DashboardQuerySchema),
  tables: z.array(TableSummarySchema),
  tags: z.array(TagSchema),
  badges: z.array(BadgeSchema),
  recent_view_count: z.number(),
});
export type DashboardDetail = z.infer<typeof DashboardDetailSchema>;
export const DashboardResponseSchema = z.object({ msg: z.string(), dashboard: DashboardDetailSchema });
export type DashboardResponse = z.infer<typeof DashboardResponseSchema>;

/** GET /api/metadata/v0/table/<key>/dashboards. */
export const TableDashboardsResponseSchema = z.object({ msg: z.string(), dashboards: z.array(DashboardSummarySchema) });
export type TableDashboardsResponse = z.infer<typeof TableDashboardsResponseSchema>;
