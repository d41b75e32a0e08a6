import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DashboardSearchResultSchema, TableSearchResultSchema, UserSearchResultSchema } from '../../contract/bff-api';
import { SearchDashboardHitSchema, SearchTableHitSchema, SearchUserHitSchema } from '../upstream/amundsen-schemas';
import { toDashboardSearchResult, toTableSearchResult, toUserSearchResult } from './map-search-hits';

describe('search hit mappers', () => {
  it('maps a V2_1 dashboard hit, deriving the product from the uri and passing highlights through untouched', () => {
    const hit = SearchDashboardHitSchema.parse({
      key: 'mode_dashboard://gold.test_group_id_1/test_dashboard_id_1',
      description: 'test dashboard description',
      resource_type: 'dashboard',
      url: 'http://mode.test_group_id_1.com/test_dashboard_id_1',
      uri: 'mode_dashboard://gold.test_group_id_1/test_dashboard_id_1',
      last_successful_run_timestamp: 1592351193,
      group_name: 'test group1',
      chart_names: ['chart 1'],
      query_names: ['first query'],
      name: 'test dashboard',
      tag: ['finance'],
      search_score: 3.5,
      highlight: { name: ['<em>test</em> &amp; dashboard'] },
    });
    const result = toDashboardSearchResult(hit);
    expect(v.parse(DashboardSearchResultSchema, result)).toEqual({
      type: 'dashboard',
      key: 'mode_dashboard://gold.test_group_id_1/test_dashboard_id_1',
      uri: 'mode_dashboard://gold.test_group_id_1/test_dashboard_id_1',
      name: 'test dashboard',
      cluster: null,
      group_name: 'test group1',
      product: 'mode',
      url: 'http://mode.test_group_id_1.com/test_dashboard_id_1',
      description: 'test dashboard description',
      last_successful_run_timestamp: 1592351193,
      chart_names: ['chart 1'],
      query_names: ['first query'],
      tags: ['finance'],
      badges: [],
      search_score: 3.5,
      highlight: { name: ['<em>test</em> &amp; dashboard'] },
    });
  });

  it('maps a legacy V2 dashboard hit: no key (the uri is), product and cluster given, tags as objects', () => {
    const hit = SearchDashboardHitSchema.parse({
      group_name: 'Growth', group_url: 'https://looker/spaces/growth', url: 'https://looker/d/1',
      uri: 'looker_dashboard://prod.growth/churn', name: 'Churn', product: 'looker', cluster: 'prod',
      tag: [{ tag_name: 'kpi' }], description: null, last_successful_run_timestamp: null, resource_type: null,
    });
    expect(toDashboardSearchResult(hit)).toMatchObject({
      key: 'looker_dashboard://prod.growth/churn', product: 'looker', cluster: 'prod', chart_names: [], query_names: [],
      tags: ['kpi'], search_score: null, highlight: {},
    });
  });

  it('maps a people hit: user_id falls back to the email, the display name to the full name, else the email', () => {
    const amundsenHit = SearchUserHitSchema.parse({
      full_name: 'Liv Arnesen', email: 'liv.arnesen@example.org', first_name: 'Liv', last_name: 'Arnesen', resource_type: 'user',
      team_name: 'Polar', role_name: 'Skier', is_active: false, search_score: 2, highlight: { full_name: ['<em>Liv</em> Arnesen'] },
    });
    expect(v.parse(UserSearchResultSchema, toUserSearchResult(amundsenHit))).toEqual({
      type: 'user', user_id: 'liv.arnesen@example.org', email: 'liv.arnesen@example.org', display_name: 'Liv Arnesen',
      full_name: 'Liv Arnesen', first_name: 'Liv', last_name: 'Arnesen', team_name: 'Polar', role_name: 'Skier', is_active: false, search_score: 2, highlight: { full_name: ['<em>Liv</em> Arnesen'] },
    });
    const bare = SearchUserHitSchema.parse({ email: 'borge@example.org', resource_type: 'user' });
    // An older search service that sends no team, role or activity: none, and active (as Amundsen's load_user assumes).
    expect(toUserSearchResult(bare)).toMatchObject({ user_id: 'borge@example.org', display_name: 'borge@example.org', full_name: null, team_name: null, role_name: null, is_active: true });
    const firstLast = SearchUserHitSchema.parse({ user_id: 'u1', email: null, first_name: 'Roald', last_name: 'Amundsen' });
    expect(toUserSearchResult(firstLast)).toMatchObject({ user_id: 'u1', display_name: 'Roald Amundsen' });
  });

  it('leaves out a people hit with neither id nor email', () => {
    expect(toUserSearchResult(SearchUserHitSchema.parse({ full_name: 'Nobody' }))).toBeNull();
  });

  it('maps a table hit as a table, and the badges of table and dashboard hits as objects', () => {
    const table = SearchTableHitSchema.parse({ key: 'hive://gold.sales/orders', table: 'orders', schema: 'sales', database: 'hive', cluster: 'gold', description: null, badges: ['gold'] });
    expect(toTableSearchResult(table)).toMatchObject({ type: 'table', key: 'hive://gold.sales/orders', name: 'orders', badges: [{ tag_name: 'gold' }] });
    const dashboard = SearchDashboardHitSchema.parse({ uri: 'mode_dashboard://gold.sales/revenue', name: 'Revenue', badges: ['certified'] });
    expect(toDashboardSearchResult(dashboard).badges).toEqual([{ tag_name: 'certified' }]);
  });

  it('passes on when the embedded catalog says a table was last updated; an Amundsen hit (none) gives null (decision 107)', () => {
    const base = { key: 'hive://gold.sales/orders', table: 'orders', schema: 'sales', database: 'hive', cluster: 'gold', description: null };
    const embedded = toTableSearchResult(SearchTableHitSchema.parse({ ...base, last_updated_timestamp: 1_750_000_000 }));
    expect(v.parse(TableSearchResultSchema, embedded).last_updated_timestamp).toBe(1_750_000_000);
    const amundsen = toTableSearchResult(SearchTableHitSchema.parse(base));
    expect(v.parse(TableSearchResultSchema, amundsen).last_updated_timestamp).toBeNull();
  });
});
