import { describe, expect, it } from 'vitest';
import { parseColumnType } from '../../ingest/parse-column-type';
import { columnFromSchemaField } from './nested-schema-fields';

describe('columnFromSchemaField', () => {
  it('keeps a field without nested fields as it is', () => {
    expect(columnFromSchemaField({ name: 'id', type: ' bigint ' })).toEqual({ type: 'bigint', nested: [] });
    expect(columnFromSchemaField({ name: 'id', fields: [] })).toEqual({ type: null, nested: [] });
  });

  it('writes nested struct fields as a struct type, their descriptions by path', () => {
    const column = columnFromSchemaField({
      name: 'visitor', type: 'struct', description: 'Who looked',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'geo', type: 'struct', description: 'Where from', fields: [{ name: 'city', type: 'string', description: 'City from the IP address' }, { name: 'odd `name`' }] },
      ],
    });
    expect(column.type).toBe('struct<`id`:string,`geo`:struct<`city`:string,`odd ``name```:unknown>>');
    expect(column.nested).toEqual([
      { path: ['geo'], description: 'Where from' },
      { path: ['geo', 'city'], description: 'City from the IP address' },
    ]);
    expect(parseColumnType(column.type!, 'visitor')?.children?.map((c) => c.name)).toEqual(['id', 'geo']);
  });

  it('reads an array with one nested field as its element, a map with two as key and value', () => {
    expect(columnFromSchemaField({
      name: 'items', type: 'array',
      fields: [{ name: '_element', type: 'struct', description: 'One item', fields: [{ name: 'sku', type: 'string', description: 'Stock keeping unit' }] }],
    })).toEqual({
      type: 'array<struct<`sku`:string>>',
      nested: [{ path: ['_inner_'], description: 'One item' }, { path: ['_inner_', 'sku'], description: 'Stock keeping unit' }],
    });
    expect(columnFromSchemaField({ name: 'tags', type: 'array', fields: [{ name: '_element', type: 'string', description: 'a tag' }] }))
      .toEqual({ type: 'array<string>', nested: [] });
    expect(columnFromSchemaField({
      name: 'props', type: 'map',
      fields: [{ name: 'key', type: 'string', description: 'Name' }, { name: 'value', type: 'struct', fields: [{ name: 'x', type: 'double' }] }],
    })).toEqual({ type: 'map<string,struct<`x`:double>>', nested: [{ path: ['_map_key'], description: 'Name' }] });
  });

  it('leaves a tree the catalog cannot read flat, with the type the event gave', () => {
    expect(columnFromSchemaField({ name: 'v', type: 'struct', fields: [{ name: 'a', type: 'int' }, { name: 'a', type: 'string' }] }))
      .toEqual({ type: 'struct', nested: [] });
    expect(columnFromSchemaField({ name: 'v', type: 'STRUCT', fields: [{ name: 'a', type: 'decimal(10,2' }] }))
      .toEqual({ type: 'STRUCT', nested: [] });
  });
});
