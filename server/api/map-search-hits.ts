// Search service hits → contract/api-search.ts results, like the Amundsen frontend's
// `map_table_result`, `map_dashboard_result` and `map_user_result`. Highlights pass through untouched:
// the service already writes the one format of contract/search-highlight.ts.
import type { DashboardSearchResult, TableSearchResult, UserSearchResult } from '../../contract/bff-api';
import { normalizeUser } from '../../contract/user';
import type { SearchDashboardHit, SearchTableHit, SearchUserHit } from '../upstream/amundsen-schemas';
import { deriveDashboardProduct } from './map-dashboard';

export function toTableSearchResult(hit: SearchTableHit): TableSearchResult {
  return {
    type: 'table',
    key: hit.key,
    name: hit.table,
    cluster: hit.cluster,
    database: hit.database,
    schema: hit.schema,
    description: hit.description,
    badges: hit.badges.map((tag_name) => ({ tag_name })),
    tags: hit.tag,
    search_score: hit.search_score,
    highlight: hit.highlight,
    last_updated_timestamp: hit.last_updated_timestamp,
  };
}

/** V2_1 hits lack product, cluster and group url; legacy V2 hits lack the key and chart/query names. */
export function toDashboardSearchResult(hit: SearchDashboardHit): DashboardSearchResult {
  return {
    type: 'dashboard',
    key: hit.key ?? hit.uri,
    uri: hit.uri,
    name: hit.name,
    cluster: hit.cluster,
    group_name: hit.group_name,
    product: hit.product ?? deriveDashboardProduct(hit.uri),
    url: hit.url,
    description: hit.description,
    last_successful_run_timestamp: hit.last_successful_run_timestamp,
    chart_names: hit.chart_names,
    query_names: hit.query_names,
    tags: hit.tag,
    badges: hit.badges.map((tag_name) => ({ tag_name })),
    search_score: hit.search_score,
    highlight: hit.highlight,
  };
}

/**
 * Amundsen's user load rules (contract/user.ts): `user_id` falls back to the email, the display name
 * to the full name (or first + last), else the email. A hit with neither id nor email is left out.
 */
export function toUserSearchResult(hit: SearchUserHit): UserSearchResult | null {
  const user = normalizeUser({
    user_id: hit.user_id, email: hit.email, first_name: hit.first_name, last_name: hit.last_name, full_name: hit.full_name,
  });
  if (!user) return null;
  return {
    type: 'user',
    user_id: user.user_id,
    email: user.email,
    display_name: user.display_name,
    full_name: user.full_name,
    first_name: user.first_name,
    last_name: user.last_name,
    team_name: hit.team_name,
    role_name: hit.role_name,
    // An older search service that does not say: active, as Amundsen's load_user assumes.
    is_active: hit.is_active ?? true,
    search_score: hit.search_score,
    highlight: hit.highlight,
  };
}
