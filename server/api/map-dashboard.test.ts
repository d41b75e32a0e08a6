import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DashboardDetailSchema, DashboardSummarySchema } from '../../contract/bff-api';
import { AmundsenDashboardDetailSchema, AmundsenDashboardSummarySchema } from '../upstream/amundsen-schemas';
import { DASHBOARD_RIGHTS_WITHOUT_RULES } from './edit-rights';
import { toDashboardDetail, toDashboardSummary } from './map-dashboard';

// GET /dashboard/KEY of Amundsen's sample data (API.md §4.6), owners as Neo4j sends them.
const DETAIL = {
  uri: 'mode_dashboard://gold.test_group_id_1/test_dashboard_id_1', cluster: 'gold', group_name: 'test group1',
  group_url: 'http://mode.test_group_id_1.com', product: 'mode', name: 'test dashboard',
  url: 'http://mode.test_group_id_1.com/test_dashboard_id_1', description: 'test dashboard description',
  created_timestamp: 1592333799, updated_timestamp: 1592351454, last_successful_run_timestamp: 1592351193,
  last_run_timestamp: 1593351193, last_run_state: 'failed',
  owners: [{ email: 'roald.amundsen@example.org', user_id: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen' }],
  frequent_users: [], chart_names: [], query_names: ['first query'],
  queries: [{ name: 'first query', url: 'http://mode.test_group_id_1.com/test_dashboard_id_1/query/query_1', query_text: 'SELECT * FROM foo.bar' }],
  tables: [{ database: 'hive', cluster: 'gold', schema: 'test_schema', name: 'test_table1', description: '1st test table' }],
  tags: [], badges: [], recent_view_count: 100,
};

describe('dashboard mappers', () => {
  it('adds type and key (the uri), normalises owners and turns the tables into summaries', () => {
    const detail = v.parse(DashboardDetailSchema, toDashboardDetail(AmundsenDashboardDetailSchema.parse(DETAIL), DASHBOARD_RIGHTS_WITHOUT_RULES));
    expect(detail).toMatchObject({ type: 'dashboard', key: DETAIL.uri, uri: DETAIL.uri, product: 'mode', recent_view_count: 100, queries: DETAIL.queries });
    expect(detail.owners).toEqual([expect.objectContaining({ user_id: 'roald.amundsen@example.org', full_name: 'Roald Amundsen', display_name: 'Roald Amundsen', is_active: true })]);
    expect(detail.tables).toEqual([{
      type: 'table', key: 'hive://gold.test_schema/test_table1', cluster: 'gold', database: 'hive', schema: 'test_schema',
      name: 'test_table1', description: '1st test table', schema_description: null,
    }]);
  });

  it('derives a missing product from the uri the way the metadata service does', () => {
    const { product: _product, ...withoutProduct } = DETAIL;
    const summary = v.parse(DashboardSummarySchema, toDashboardSummary(AmundsenDashboardSummarySchema.parse(withoutProduct)));
    expect(summary).toMatchObject({ type: 'dashboard', key: DETAIL.uri, product: 'mode', chart_names: [] });
  });
});
