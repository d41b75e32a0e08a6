import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import {
  parseColumnName, parseDashboardUri, parseLineageDepth, parseLineageDirection, parseOptionalUserId, parsePopularTypes,
  parseTableKeyPath, parseTableKeyQuery, parseUserId,
} from './parse-read-query';

const req = (query: Record<string, string | string[]>) => ({ query }) as unknown as Request;

describe('read route query parsers', () => {
  it('takes a table key and refuses anything else, naming the parameter', () => {
    expect(parseTableKeyQuery(req({ key: 'hive://gold.core/customers' }))).toBe('hive://gold.core/customers');
    expect(() => parseTableKeyQuery(req({}))).toThrow('The query parameter "key" is required.');
    expect(() => parseTableKeyQuery(req({ key: 'customers' }))).toThrow(/"key": "customers" is not a table key/);
  });

  it('joins the wildcard segments of a path key, so raw and encoded keys are the same key', () => {
    expect(parseTableKeyPath(['hive:', '', 'gold.core', 'customers'])).toBe('hive://gold.core/customers');
    expect(parseTableKeyPath(['hive://gold.core/customers'])).toBe('hive://gold.core/customers');
    expect(() => parseTableKeyPath(['customers'])).toThrow(/table key "customers" is not a table key/);
    expect(() => parseTableKeyPath(undefined)).toThrow(/is not a table key/);
  });

  it('takes a dashboard uri with a scheme', () => {
    expect(parseDashboardUri(req({ uri: 'mode_dashboard://prod.growth/churn' }))).toBe('mode_dashboard://prod.growth/churn');
    expect(() => parseDashboardUri(req({ uri: 'churn' }))).toThrow(/"uri": "churn" is not a dashboard uri/);
    expect(() => parseDashboardUri(req({}))).toThrow('The query parameter "uri" is required.');
  });

  it('refuses a column name with a slash: it is one path segment at the metadata service', () => {
    expect(parseColumnName(req({ column_name: 'order_id' }))).toBe('order_id');
    expect(() => parseColumnName(req({ column_name: 'a/b' }))).toThrow('The query parameter "column_name" may not contain "/"; got "a/b".');
  });

  it('takes a lineage depth from 1 to the maximum, defaulting when absent', () => {
    expect(parseLineageDepth(req({}), 5)).toBe(5);
    expect(parseLineageDepth(req({ depth: '' }), 5)).toBe(5);
    expect(parseLineageDepth(req({ depth: '1' }), 5)).toBe(1);
    expect(parseLineageDepth(req({ depth: '10' }), 5)).toBe(10);
    for (const depth of ['0', '11', '-1', '2.5', 'two', '1e1', '0x2']) {
      expect(() => parseLineageDepth(req({ depth }), 5)).toThrow(`The query parameter "depth" must be a whole number from 1 to 10; got "${depth}".`);
    }
    expect(() => parseLineageDepth(req({ depth: ['1', '2'] }), 5)).toThrow('The query parameter "depth" must be given once.');
  });

  it('takes a lineage direction of upstream, downstream or both (the default)', () => {
    expect(parseLineageDirection(req({}))).toBe('both');
    expect(parseLineageDirection(req({ direction: 'upstream' }))).toBe('upstream');
    expect(parseLineageDirection(req({ direction: 'downstream' }))).toBe('downstream');
    expect(() => parseLineageDirection(req({ direction: 'sideways' }))).toThrow('The query parameter "direction" must be one of upstream, downstream, both; got "sideways".');
  });

  it('takes popular resource types as a comma list of table and dashboard, table when absent', () => {
    expect(parsePopularTypes(req({}))).toEqual(['table']);
    expect(parsePopularTypes(req({ types: 'table,dashboard' }))).toEqual(['table', 'dashboard']);
    expect(parsePopularTypes(req({ types: ' dashboard , dashboard,' }))).toEqual(['dashboard']);
    expect(() => parsePopularTypes(req({ types: 'table,user' }))).toThrow('The query parameter "types" lists "user"; use table and/or dashboard, comma-separated.');
    expect(() => parsePopularTypes(req({ types: ' , ' }))).toThrow(/lists no type/);
  });

  it('takes a user id, required or optional', () => {
    // An id is exact: spaces and case are part of it (a padded or upper-cased id is nobody).
    expect(parseUserId(req({ user_id: ' liv.arnesen@example.org ' }))).toBe(' liv.arnesen@example.org ');
    expect(parseUserId(req({ user_id: 'LIV.ARNESEN@example.org' }))).toBe('LIV.ARNESEN@example.org');
    expect(() => parseUserId(req({}))).toThrow('The query parameter "user_id" is required.');
    expect(parseOptionalUserId(req({}))).toBeUndefined();
    expect(parseOptionalUserId(req({ user_id: 'a@example.org' }))).toBe('a@example.org');
    expect(() => parseOptionalUserId(req({ user_id: 'x'.repeat(321) }))).toThrow(/longer than 320 characters/);
  });

  it('refuse with invalid_parameter or invalid_key, which the page branches on', () => {
    const codeOf = (parse: () => unknown) => {
      try {
        parse();
      } catch (err) {
        return (err as { code: string }).code;
      }
      return 'accepted';
    };
    expect(codeOf(() => parseLineageDepth(req({ depth: ['1', '2'] }), 5))).toBe('invalid_parameter');
    expect(codeOf(() => parseOptionalUserId(req({ user_id: 'x'.repeat(321) })))).toBe('invalid_parameter');
    expect(codeOf(() => parseDashboardUri(req({ uri: 'churn' })))).toBe('invalid_key');
    expect(codeOf(() => parseColumnName(req({ column_name: 'a/b' })))).toBe('invalid_parameter');
    expect(codeOf(() => parseLineageDepth(req({ depth: '0' }), 5))).toBe('invalid_parameter');
    expect(codeOf(() => parseLineageDirection(req({ direction: 'sideways' })))).toBe('invalid_parameter');
    expect(codeOf(() => parsePopularTypes(req({ types: 'user' })))).toBe('invalid_parameter');
    expect(codeOf(() => parsePopularTypes(req({ types: ',' })))).toBe('invalid_parameter');
    expect(codeOf(() => parseTableKeyPath([`hive://gold.s/${'t'.repeat(2048)}`]))).toBe('invalid_key');
  });

  it('take values up to their limit, exactly as given, and a blank optional value as absent', () => {
    expect(parseOptionalUserId(req({ user_id: 'x'.repeat(320) }))).toHaveLength(320);
    expect(parseOptionalUserId(req({ user_id: '  a@example.org ' }))).toBe('  a@example.org ');
    expect(parseOptionalUserId(req({ user_id: '   ' }))).toBeUndefined();
    expect(parseLineageDepth(req({ depth: ' 2 ' }), 5)).toBe(2);
    expect(parseLineageDirection(req({ direction: ' upstream ' }))).toBe('upstream');
    expect(() => parseOptionalUserId(req({ user_id: ['a', 'b'] }))).toThrow('The query parameter "user_id" must be given once.');
  });

  it('take a path key of exactly 2048 characters, refuse a longer one and an absent one by what they are', () => {
    const key = `hive://gold.s/${'t'.repeat(2048 - 'hive://gold.s/'.length)}`;
    expect(parseTableKeyPath([key])).toHaveLength(2048);
    expect(() => parseTableKeyPath([`${key}t`])).toThrow('The table key in the path is longer than 2048 characters.');
    expect(() => parseTableKeyPath(undefined)).toThrow('The path\'s table key "" is not a table key; expected database://cluster.schema/table');
  });

  it('refuse a dashboard uri whose product holds a space, a slash or a colon', () => {
    for (const uri of ['my dash://gold.sales/revenue', 'a/b://gold.sales/revenue', 'a:b://gold.sales/revenue']) {
      expect(() => parseDashboardUri(req({ uri })), uri).toThrow(/is not a dashboard uri/);
    }
  });
});
