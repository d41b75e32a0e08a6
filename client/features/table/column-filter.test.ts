import { describe, expect, it } from 'vitest';
import type { Column, TypeMetadata } from '../../../contract/api-table';
import { columnMatches, columnsShownInWords, nestedFieldsMatching } from './column-filter';

const node = (name: string, children: TypeMetadata[] = [], description: string | null = null): TypeMetadata => ({
  kind: children.length ? 'struct' : 'scalar', name, key: `k/${name}`, description, data_type: 'string', sort_order: 0, badges: [], children,
});
const column = (name: string, type_metadata: TypeMetadata | null): Column => ({ name, key: `k/${name}`, description: null, col_type: 'x', sort_order: 0, stats: [], badges: [], type_metadata });

describe('nestedFieldsMatching', () => {
  // map<string,struct<city:string>>: Amundsen's tree has _map_key and _map_value nodes.
  const attrs = column('attrs', node('attrs', [node('_map_key', [], 'The attribute name'), node('_map_value', [node('city')])]));

  it('finds fields by name or description in any case, by paths that leave out a map\'s value or an array\'s element', () => {
    expect(nestedFieldsMatching(attrs, 'CITY').map((f) => f.path)).toEqual(['city']);
    expect(nestedFieldsMatching(attrs, 'attribute name').map((f) => f.path)).toEqual(['_map_key']);
    const dotted = column('raw', node('raw', [node('a.b', [node('c')])]));
    expect(nestedFieldsMatching(dotted, 'c').map((f) => f.path)).toEqual(['`a.b`.c']);
  });

  it('finds a field by its description\'s words, not its Markdown', () => {
    const geo = column('geo', node('geo', [node('city', [], 'The **billing** city, see [codes](https://iso.example.org/)')]));
    expect(nestedFieldsMatching(geo, 'billing city').map((f) => f.path)).toEqual(['city']);
    expect(nestedFieldsMatching(geo, '**billing')).toEqual([]);
    expect(nestedFieldsMatching(geo, 'iso.example')).toEqual([]);
  });

  it('does not find the unnamed nodes by their names', () => {
    expect(nestedFieldsMatching(attrs, 'key')).toEqual([]);
    expect(nestedFieldsMatching(attrs, 'inner')).toEqual([]);
    expect(nestedFieldsMatching(attrs, 'value')).toEqual([]);
    expect(nestedFieldsMatching(attrs, '  ')).toEqual([]);
    expect(nestedFieldsMatching(column('id', null), 'id')).toEqual([]);
  });
});

describe('columnMatches', () => {
  const described = (description: string) => ({ ...column('amount', null), col_type: 'decimal', description });

  it('reads a Markdown description\'s words, as the page shows them, not its syntax or a link\'s address', () => {
    const amount = described('The **net** amount, _after_ [refunds](https://wiki.example.org/refunds).\nIn `EUR`.');
    for (const words of ['net amount', 'NET AMOUNT, after refunds', 'refunds. in eur', 'amount']) expect(columnMatches(amount, words), words).toBe(true);
    for (const syntax of ['**', '**net**', 'wiki.example.org', '](', '`eur`']) expect(columnMatches(amount, syntax), syntax).toBe(false);
    expect(columnMatches(described('Buyer; joins core.customers'), 'joins core.customers')).toBe(true);
    expect(columnMatches(described('Foo'), 'decimal')).toBe(true);
  });
});

describe('columnsShownInWords', () => {
  it('counts the nested fields that match, and names them in the empty state where the table has any', () => {
    expect(columnsShownInWords({ shown: 2, matching: 2, total: 24, filter: 'city', nested: 3 })).toBe('2 of 24 columns match “city”, with 3 matching nested fields.');
    expect(columnsShownInWords({ shown: 1, matching: 1, total: 24, filter: 'city', nested: 1 })).toBe('1 of 24 columns matches “city”, with 1 matching nested field.');
    expect(columnsShownInWords({ shown: 0, matching: 0, total: 24, filter: 'x', searchedNested: true })).toBe('None of the 24 columns has “x” in its name, type, description or nested fields.');
    expect(columnsShownInWords({ shown: 0, matching: 0, total: 24, filter: 'x' })).toBe('None of the 24 columns has “x” in its name, type or description.');
  });
});
