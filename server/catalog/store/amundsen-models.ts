// The JSON shapes the catalog emits, exactly as Amundsen's metadata service serialises its models:
// every field present, null where unknown (API.md §3).

export interface AmundsenUser {
  user_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  display_name: string | null;
  is_active: boolean;
  github_username: string | null;
  team_name: string | null;
  slack_id: string | null;
  employee_type: string | null;
  manager_fullname: string | null;
  manager_email: string | null;
  manager_id: string | null;
  role_name: string | null;
  profile_url: string | null;
  other_key_values: Record<string, string>;
}

export interface AmundsenTag { tag_type: string; tag_name: string }
export interface AmundsenBadge { badge_name: string; category: string }
export interface AmundsenStat {
  stat_type: string;
  stat_val: string | null;
  start_epoch: number | null;
  end_epoch: number | null;
  is_metric: boolean | null;
}
export interface AmundsenTypeMetadata {
  kind: string;
  name: string;
  key: string;
  description: string | null;
  data_type: string;
  sort_order: number;
  badges: AmundsenBadge[];
  children: AmundsenTypeMetadata[];
}
export interface AmundsenColumn {
  name: string;
  key: string | null;
  description: string | null;
  col_type: string;
  sort_order: number;
  stats: AmundsenStat[];
  badges: AmundsenBadge[];
  type_metadata: AmundsenTypeMetadata | null;
}
export interface AmundsenReader { user: AmundsenUser; read_count: number }
export interface AmundsenWatermark {
  watermark_type: string | null;
  partition_key: string | null;
  partition_value: string | null;
  create_time: string | null;
}
export interface AmundsenApplication {
  application_url: string | null;
  description: string | null;
  id: string;
  name: string | null;
  kind: string | null;
}

export interface AmundsenTable {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  key: string | null;
  tags: AmundsenTag[];
  badges: AmundsenBadge[];
  table_readers: AmundsenReader[];
  description: string | null;
  columns: AmundsenColumn[];
  owners: AmundsenUser[];
  watermarks: AmundsenWatermark[];
  table_writer: AmundsenApplication | null;
  table_apps: AmundsenApplication[] | null;
  resource_reports: { name: string; url: string }[] | null;
  last_updated_timestamp: number | null;
  source: { source_type: string; source: string } | null;
  is_view: boolean;
  programmatic_descriptions: { source: string; text: string }[];
  common_joins: unknown[] | null;
  common_filters: { where_clause: string }[] | null;
}

export interface AmundsenPopularTable {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  description: string | null;
}

export interface AmundsenTableSummary extends AmundsenPopularTable {
  schema_description: string | null;
}
