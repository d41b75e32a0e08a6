import { describe, expect, it } from 'vitest';
import { compileTableFilters, convertWildcardToGlob } from './compile-table-filters';
import { buildFtsQueries } from './build-fts-query';

describe('compileTableFilters', () => {
  it('maps ES wildcards to GLOB, lower-cased, escaping [', () => {
    expect(convertWildcardToGlob('Gold*')).toBe('gold*');
    expect(convertWildcardToGlob('a?[b]')).toBe('a?[[]b]');
  });

  it('returns "1" for no usable filters and ignores unknown names and empty values', () => {
    expect(compileTableFilters([])).toEqual({ sql: '1', params: [] });
    expect(compileTableFilters([
      { name: 'url', values: ['x'], operation: 'OR' },
      { name: 'schema', values: [], operation: 'OR' },
    ])).toEqual({ sql: '1', params: [] });
  });

  it('excludes everything when resource_type does not match table', () => {
    expect(compileTableFilters([{ name: 'resource_type', values: ['dashboard'], operation: 'OR' }]).sql).toBe('0');
    expect(compileTableFilters([{ name: 'resource_type', values: ['tab*'], operation: 'OR' }]).sql).toBe('1');
  });

  it('binds values as parameters, never as SQL text', () => {
    const { sql, params } = compileTableFilters([{ name: 'schema', values: ["x' OR 1=1 --"], operation: 'OR' }]);
    expect(sql).not.toContain('OR 1=1');
    expect(params).toEqual(["x' or 1=1 --"]);
  });
});

describe('buildFtsQueries', () => {
  it('quotes each token and prefix-matches it, so FTS syntax cannot be injected', () => {
    expect(buildFtsQueries('Customer daily')).toEqual({
      exactName: 'customer daily',
      namePrefix: 'name : ^ "customer daily" *',
      nameTokens: 'name : ("customer"* AND "daily"*)',
      anywhere: '"customer"* AND "daily"*',
    });
    expect(buildFtsQueries('"NEAR(a b)"')?.anywhere).toBe('"near"* AND "a"* AND "b"*');
  });

  it('returns undefined when the term has no letters or digits (browse)', () => {
    expect(buildFtsQueries('  *** ')).toBeUndefined();
  });
});
