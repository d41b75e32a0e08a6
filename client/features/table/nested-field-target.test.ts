import { describe, expect, it } from 'vitest';
import type { Column, TypeMetadata } from '../../../contract/api-table';
import { nestedFieldLinkOptions, nestedFieldOfTypeKey } from '../../../contract/nested-field-path';
import { tablePath } from '../../../contract/page-paths';
import { findNestedField, resolveLinkTarget } from './nested-field-target';

const node = (name: string, children: TypeMetadata[] = []): TypeMetadata => ({
  kind: children.length ? 'struct' : 'scalar', name, key: `k/${name}`, description: null, data_type: 't', sort_order: 0, badges: [], children,
});
const column = (name: string, type_metadata: TypeMetadata | null): Column => ({
  name, key: `t/${name}`, description: null, col_type: 't', sort_order: 0, stats: [], badges: [], type_metadata,
});

// items array<struct<sku, `a.b`>>, attrs map<string, struct<x>>
const items = node('items', [node('_inner_', [node('sku'), node('a.b')])]);
const attrs = node('attrs', [node('_map_key'), node('_map_value', [node('x')])]);

describe('findNestedField', () => {
  it('passes through an array element and a map value, which paths leave out, or takes them named', () => {
    expect(findNestedField(items, ['sku'])?.map((n) => n.name)).toEqual(['_inner_', 'sku']);
    expect(findNestedField(items, ['_inner_', 'sku'])?.map((n) => n.name)).toEqual(['_inner_', 'sku']);
    expect(findNestedField(items, ['a.b'])?.map((n) => n.name)).toEqual(['_inner_', 'a.b']);
    expect(findNestedField(attrs, ['x'])?.map((n) => n.name)).toEqual(['_map_value', 'x']);
    expect(findNestedField(items, ['nope'])).toBeNull();
  });
});

describe('resolveLinkTarget', () => {
  const columns = [column('items', items), column('items.sku', null)];
  it('opens the column by its exact name, and the field by its quoted path', () => {
    expect(resolveLinkTarget(columns, 'items', '`a.b`')).toMatchObject({ column: 'items', missing: null });
    expect(resolveLinkTarget(columns, 'items', '`a.b`').fieldChain?.at(-1)?.name).toBe('a.b');
    expect(resolveLinkTarget(columns, 'items.sku', null)).toEqual({ column: 'items.sku', fieldChain: null, missing: null });
  });
  it('names what is missing', () => {
    expect(resolveLinkTarget(columns, 'nope', null).missing).toEqual({ kind: 'column', column: 'nope' });
    expect(resolveLinkTarget(columns, 'nope', 'x').missing).toEqual({ kind: 'column', column: 'nope' });
    expect(resolveLinkTarget(columns, 'items.sku', 'x').missing).toEqual({ kind: 'field', column: 'items.sku', field: 'x' });
    expect(resolveLinkTarget(columns, null, 'x')).toEqual({ column: null, fieldChain: null, missing: null });
  });
  it('reads an old link with the whole path in `column`', () => {
    expect(resolveLinkTarget(columns, 'items.`a.b`', null)).toMatchObject({ column: 'items', missing: null });
    expect(resolveLinkTarget(columns, 'items.nope', null).missing).toEqual({ kind: 'column', column: 'items.nope' });
  });
});

describe('a nested field whose name holds "/" (its key splits it)', () => {
  const table = 'hive://gold.sales/orders';
  // payload struct<`a/b`: struct<c>, a: struct<x>, `/lead`: string>, items array<struct<`p/q`>>
  const keyed = (key: string, name: string, children: TypeMetadata[] = []): TypeMetadata => ({ ...node(name, children), key });
  const top = `${table}/payload/type/payload`;
  const payload = keyed(top, 'payload', [
    keyed(`${top}/a/b`, 'a/b', [keyed(`${top}/a/b/c`, 'c')]),
    keyed(`${top}/a`, 'a', [keyed(`${top}/a/x`, 'x')]),
    keyed(`${top}//lead`, '/lead'),
  ]);
  const itemsTop = `${table}/items/type/items`;
  const slashItems = keyed(itemsTop, 'items', [keyed(`${itemsTop}/_inner_`, '_inner_', [keyed(`${itemsTop}/_inner_/p/q`, 'p/q')])]);
  const columns = [column('payload', payload), column('items', slashItems)];

  /** What the History links to for an edit of the nested type `key` (edit-history's resourceOf), opened on the table page. */
  const openFromHistory = (key: string) => {
    const url = new URL(tablePath(table, nestedFieldLinkOptions(nestedFieldOfTypeKey(table, key)!)), 'http://nansen.test');
    return resolveLinkTarget(columns, url.searchParams.get('column'), url.searchParams.get('field'));
  };

  it('opens the field itself from its History link, not the column with a note', () => {
    for (const field of [`${top}/a/b/c`, `${top}/a/b`, `${top}//lead`, `${itemsTop}/_inner_/p/q`]) {
      const target = openFromHistory(field);
      expect(target.missing, field).toBeNull();
      expect(target.fieldChain?.at(-1)?.key, field).toBe(field);
    }
    // A field named without "/" is found as before.
    expect(openFromHistory(`${top}/a/x`).fieldChain?.at(-1)?.key).toBe(`${top}/a/x`);
  });

  it('opens it from a search hit\'s path, which names it whole ("a/b" needs no quotes)', () => {
    expect(resolveLinkTarget(columns, 'payload', 'a/b.c').fieldChain?.map((n) => n.name)).toEqual(['a/b', 'c']);
    expect(findNestedField(payload, ['a', 'b', 'nope'])).toBeNull();
  });
});
