import { describe, expect, it } from 'vitest';
import { buildTableKey, buildTablePagePath, parseTableKey } from './table-key';

describe('table keys', () => {
  it('parses a key into its coordinates, taking the last dot before the slash as the cluster end', () => {
    expect(parseTableKey('hive://gold.test_schema/test_table1')).toEqual({
      database: 'hive', cluster: 'gold', schema: 'test_schema', name: 'test_table1',
    });
    expect(parseTableKey('hive://eu.gold.sales/orders')).toEqual({
      database: 'hive', cluster: 'eu.gold', schema: 'sales', name: 'orders',
    });
  });

  it('rejects strings that are not table keys', () => {
    expect(parseTableKey('not a key')).toBeNull();
    expect(parseTableKey('hive://gold/test')).toBeNull();
  });

  it('rejects near-misses: a missing "://", an empty part, a missing slash or dot, a line break', () => {
    for (const key of [
      'hive:gold.s/t',
      'hive:/gold.s/t',
      'hive//gold.s/t',
      '://gold.s/t',
      'hive://.s/t',
      'hive://gold./t',
      'hive://gold.s/',
      'hive://gold.s',
      'hive://gold/s.t',
      'hive://gold.s/t\n',
      '\nhive://gold.s/t',
      '',
    ]) {
      expect(parseTableKey(key), JSON.stringify(key)).toBeNull();
    }
  });

  it('round-trips coordinates through a key', () => {
    const coords = { database: 'dynamo', cluster: 'gold', schema: 's', name: "test's_table4" };
    expect(parseTableKey(buildTableKey(coords))).toEqual(coords);
  });

  it('builds the Amundsen table page path with each segment encoded', () => {
    expect(buildTablePagePath({ database: 'hive', cluster: 'gold', schema: 'a b', name: 't/1' })).toBe(
      '/table_detail/gold/hive/a%20b/t%2F1',
    );
  });
});
