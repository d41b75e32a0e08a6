// Amundsen's metadata and search JSON, the one description of it (API.md §3, §5): every field
// present, null where unknown, exactly as the services serialise their models. The embedded catalog
// (server/catalog/store) emits these types; the BFF's parsers (server/upstream/amundsen-schemas.ts)
// are checked against them at compile time, so a field added, removed or retyped here breaks the
// build wherever either side disagrees. Types only: nothing here runs.
import type { TableSearchSort } from './search-sort';

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
/** A column's complex type (struct, array, map), nested; the frontend API passes it on as is. */
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
export interface AmundsenResourceReport { name: string; url: string }
export interface AmundsenSource { source_type: string; source: string }
export interface AmundsenProgrammaticDescription { source: string; text: string }
export interface AmundsenSqlWhere { where_clause: string }

export interface AmundsenTable {
  database: string;
  cluster: string;
  schema: string;
  /** Not in Amundsen's table answer: the embedded catalog adds its schema's description; absent from Amundsen. */
  schema_description?: string | null;
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
  resource_reports: AmundsenResourceReport[] | null;
  last_updated_timestamp: number | null;
  source: AmundsenSource | null;
  is_view: boolean;
  programmatic_descriptions: AmundsenProgrammaticDescription[];
  common_joins: unknown[] | null;
  common_filters: AmundsenSqlWhere[] | null;
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

/** POST /v2/search body (§5.1). */
export interface AmundsenSearchRequest {
  query_term: string;
  resource_types: string[];
  page_index: number;
  results_per_page: number;
  filters: { name: string; values: string[]; operation: 'AND' | 'OR' }[];
  highlight_options: Record<string, { enable_highlight: boolean }>;
  /**
   * Nansen's catalog only (decision 107): the order of table hits. Absent = relevance. Amundsen's
   * SearchRequest rejects unknown fields (API.md §5.1), so the BFF sends it only to the embedded catalog.
   */
  sort?: TableSearchSort;
}

/** A table hit of POST /v2/search (§5.1): `table` is the name, `column` the column names. */
export interface AmundsenTableSearchHit {
  key: string;
  description: string | null;
  badges: string[];
  tag: string[];
  schema: string;
  table: string;
  column: string[];
  database: string;
  cluster: string;
  resource_type: string | null;
  search_score: number;
  highlight: Record<string, string[]>;
  /** Nansen's catalog only (decision 107): when the table was last updated, epoch seconds; null when unknown. Absent from Amundsen. */
  last_updated_timestamp?: number | null;
}

/** A dashboard hit of POST /v2/search (§5.1), with the legacy fields the stock frontend also reads. */
export interface AmundsenDashboardSearchHit {
  key: string;
  description: string | null;
  resource_type: string;
  url: string | null;
  uri: string;
  last_successful_run_timestamp: number | null;
  group_name: string | null;
  chart_names: string[];
  query_names: string[];
  name: string;
  tag: string[];
  product: string | null;
  cluster: string | null;
  group_url: string | null;
  badges: string[];
  search_score: number;
  highlight: Record<string, string[]>;
}

/** A user hit of POST /v2/search (§5.1). */
export interface AmundsenUserSearchHit {
  full_name: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  resource_type: string;
  user_id: string;
  /** Sent by Amundsen's search service with each person (its User document); optional for older ones. */
  team_name?: string | null;
  role_name?: string | null;
  is_active?: boolean | null;
  search_score: number;
  highlight: Record<string, string[]>;
}

export interface AmundsenSearchGroup<Hit> { total_results: number; results: Hit[] }

/** POST /v2/search answer (§5.1): one group per searched resource type, keyed lower-case. */
export interface AmundsenSearchResponse {
  msg: string;
  page_index: number;
  results_per_page: number;
  status_code: number;
  results: {
    table?: AmundsenSearchGroup<AmundsenTableSearchHit>;
    dashboard?: AmundsenSearchGroup<AmundsenDashboardSearchHit>;
    user?: AmundsenSearchGroup<AmundsenUserSearchHit>;
    [resourceType: string]: AmundsenSearchGroup<unknown> | undefined;
  };
  /** Nansen's catalog only, when its typo fallback answered: the corrected term it searched for. */
  did_you_mean?: string;
}

/** GET /tags/ item (§3 TagUsage): a tag in use and how many resources carry it. */
export interface AmundsenTagUsage { tag_name: string; tag_count: number }
/** GET /tags/ answer. */
export interface AmundsenTagUsages { tag_usages: AmundsenTagUsage[] }
/** GET /badges/ answer: every badge node. */
export interface AmundsenBadges { badges: AmundsenBadge[] }
/** GET /latest_updated_ts answer (epoch seconds); 204 with no body when the catalog was never updated. */
export interface AmundsenLatestUpdated { neo4j_latest_timestamp: number | null }

/** A dashboard in lists (§3 DashboardSummary): popular, follow/own, a table's dashboards. */
export interface AmundsenDashboardSummary {
  uri: string;
  cluster: string;
  group_name: string | null;
  group_url: string | null;
  /** Derived from the key prefix: `mode_dashboard://…` → `mode` (§1). */
  product: string;
  name: string;
  url: string | null;
  description: string | null;
  last_successful_run_timestamp: number | null;
  chart_names: string[];
}

export interface AmundsenDashboardQuery { name: string | null; url: string | null; query_text: string | null }

/** GET /dashboard/KEY (§3 DashboardDetail). */
export interface AmundsenDashboardDetail extends AmundsenDashboardSummary {
  created_timestamp: number | null;
  updated_timestamp: number | null;
  last_run_timestamp: number | null;
  last_run_state: string | null;
  owners: AmundsenUser[];
  /** Always [] from Neo4j. */
  frequent_users: AmundsenUser[];
  query_names: string[];
  queries: AmundsenDashboardQuery[];
  tables: AmundsenPopularTable[];
  tags: AmundsenTag[];
  badges: AmundsenBadge[];
  recent_view_count: number;
}

/** GET /table/KEY/dashboard/ answer. */
export interface AmundsenTableDashboards { dashboards: AmundsenDashboardSummary[] }

/** GET /popular_resources/ answer: capitalised keys; a type not asked for is `{}`, not `[]` (§9.1). */
export interface AmundsenPopularResources {
  Table: AmundsenTableSummary[] | Record<string, never>;
  Dashboard: AmundsenDashboardSummary[] | Record<string, never>;
}

/** GET /user/UID/follow/ and /user/UID/own/ answers. */
export interface AmundsenUserResources { table: AmundsenPopularTable[]; dashboard: AmundsenDashboardSummary[] }
/** GET /user/UID/read/ answer: tables only. */
export interface AmundsenUserReads { table: AmundsenPopularTable[] }

/**
 * One entity of a lineage answer (§3 LineageItem): `source` is the key's prefix before `://`, `usage`
 * the summed read count, `parent` the key one hop closer. Column lineage lists column keys.
 */
export interface AmundsenLineageItem {
  key: string;
  level: number;
  source: string;
  badges: AmundsenBadge[] | null;
  usage: number | null;
  parent: string | null;
  link: string | null;
  in_amundsen: boolean | null;
}

/** GET /table/KEY/lineage and /table/KEY/column/COL/lineage (§3 Lineage); Neo4j leaves the counts null. */
export interface AmundsenLineage {
  key: string;
  direction: string;
  depth: number;
  upstream_entities: AmundsenLineageItem[];
  downstream_entities: AmundsenLineageItem[];
  upstream_count: number | null;
  downstream_count: number | null;
}
