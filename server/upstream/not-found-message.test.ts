import { describe, expect, it } from 'vitest';
import { wordNotFound } from './not-found-message';

describe('wordNotFound', () => {
  it("says Amundsen's missing table, column, dashboard and person in words", () => {
    expect(wordNotFound('table_uri hive://gold.sales/nope does not exist')).toBe('There is no table hive://gold.sales/nope in the catalog.');
    expect(wordNotFound('table_uri hive://gold.sales/orders with column nope does not exist')).toBe('There is no column nope in the table hive://gold.sales/orders.');
    expect(wordNotFound('dashboard_id mode_dashboard://gold.ops/d1 does not exist')).toBe('There is no dashboard mode_dashboard://gold.ops/d1 in the catalog.');
    expect(wordNotFound('dashboard_uri mode_dashboard://gold.ops/d1 does not exist')).toBe('There is no dashboard mode_dashboard://gold.ops/d1 in the catalog.');
    expect(wordNotFound('user_id liv@example.org does not exist')).toBe('There is no person liv@example.org in the catalog.');
  });

  it('passes any other message through as it is, including ones that only look alike', () => {
    for (const message of ['Not found in the metadata service', 'the table_uri x does not exist', 'table_uri x does not exist.', 'table_uri  does not exist', 'type_metadata_key x does not exist',
      'the dashboard_id d1 does not exist', 'dashboard_uri d1 does not exist (yet)', 'the user_id liv does not exist', 'user_id liv does not exist here']) {
      expect(wordNotFound(message)).toBe(message);
    }
  });
});
