// What goes INTO the store: ingest-shaped records (one table with everything attached). The demo
// generator produces them now; the ingest CLI/endpoint will produce them later.

export interface UserRecord {
  user_id: string; // the email, Amundsen's user key
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  full_name?: string | null;
  display_name?: string | null;
  is_active?: boolean;
  github_username?: string | null;
  team_name?: string | null;
  slack_id?: string | null;
  employee_type?: string | null;
  manager_user_id?: string | null;
  /** The manager's name and email as given (a known manager's own row wins when read back). */
  manager_fullname?: string | null;
  manager_email?: string | null;
  role_name?: string | null;
  profile_url?: string | null;
  other_key_values?: Record<string, string>;
}

export interface BadgeRecord {
  badge_name: string;
  category: string;
}

export interface ColumnStatRecord {
  stat_type: string;
  stat_val: string | null;
  start_epoch?: number | null;
  end_epoch?: number | null;
  is_metric?: boolean | null;
}

export interface ColumnRecord {
  name: string;
  col_type: string;
  description?: string | null;
  /** Defaults to the position in the list (0-based), as databuilder does. */
  sort_order?: number;
  badges?: BadgeRecord[];
  stats?: ColumnStatRecord[];
  /** The nested fields of a struct, array or map type (ingest parses them from `col_type`). */
  type_metadata?: TypeMetadataRecord | null;
}

export interface WatermarkRecord {
  watermark_type: 'high_watermark' | 'low_watermark';
  partition_key: string | null;
  partition_value: string | null;
  create_time: string | null;
}

export interface ApplicationRecord {
  id: string;
  name: string | null;
  description: string | null;
  application_url: string | null;
  kind: 'Producing' | 'Consuming';
}

export interface TableRecord {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  description?: string | null;
  description_source?: string | null;
  schema_description?: string | null;
  is_view?: boolean;
  last_updated_timestamp?: number | null;
  source?: { source_type: string; source: string } | null;
  columns: ColumnRecord[];
  tags?: string[];
  badges?: BadgeRecord[];
  /** user_ids (emails); unknown users are created with just their email. */
  owners?: string[];
  readers?: { user_id: string; read_count: number }[];
  watermarks?: WatermarkRecord[];
  programmatic_descriptions?: { source: string; text: string }[];
  applications?: ApplicationRecord[];
  resource_reports?: { name: string; url: string }[];
}

/** Table keys have one grammar, in contract/table-key.ts; re-exported for the store's callers. */
export { buildTableKey } from '../../../contract/table-key';

export function buildSchemaKey(t: { database: string; cluster: string; schema: string }): string {
  return `${t.database}://${t.cluster}.${t.schema}`;
}

export interface DashboardRecord {
  product: string; // e.g. mode → keys `mode_dashboard://…`
  cluster: string;
  group_id: string;
  group_name?: string | null;
  group_url?: string | null;
  dashboard_id: string;
  name: string;
  url?: string | null;
  description?: string | null;
  created_timestamp?: number | null;
  updated_timestamp?: number | null;
  last_successful_run_timestamp?: number | null;
  last_run_timestamp?: number | null;
  last_run_state?: string | null;
  /** Used when no viewers are listed. */
  total_views?: number;
  owners?: string[];
  tags?: string[];
  badges?: BadgeRecord[];
  queries?: { name: string | null; url: string | null; query_text: string | null }[];
  charts?: string[];
  /** Keys of tables the dashboard uses (unknown keys are skipped). */
  tables?: string[];
  viewers?: { user_id: string; view_count: number }[];
}

/** A complex column type; keys are derived (`{column_key}/type/{name}`, then `{parent_key}/{name}`). */
export interface TypeMetadataRecord {
  kind: string; // struct | array | map | scalar
  name: string;
  data_type: string;
  description?: string | null;
  badges?: BadgeRecord[];
  children?: TypeMetadataRecord[];
}

export function buildDashboardGroupKey(d: { product: string; cluster: string; group_id: string }): string {
  return `${d.product}_dashboard://${d.cluster}.${d.group_id}`;
}

export function buildDashboardKey(d: { product: string; cluster: string; group_id: string; dashboard_id: string }): string {
  return `${buildDashboardGroupKey(d)}/${d.dashboard_id}`;
}
