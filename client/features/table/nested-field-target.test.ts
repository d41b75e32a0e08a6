import { describe, expect, it } from 'vitest';
import type { Column, TypeMetadata } from '../../../contract/api-table';
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
