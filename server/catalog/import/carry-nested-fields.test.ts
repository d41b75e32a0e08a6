// Which nested descriptions and badges a re-import carries into a column's nested_fields, and that
// what it adds builds the tree ingest will write (paths through maps, arrays and names with dots).
import { describe, expect, it } from 'vitest';
import { buildColumnTypeTree } from '../ingest/build-column-type-tree';
import type { TypeMetadataRecord } from '../store/catalog-records';
import type { BadgeRecord } from '../store/catalog-records';
import { badgedNestedFields, badgedNestedFieldsNow, carryNestedBadges, carryNestedDescriptions, describedNestedFields, describedNestedFieldsNow } from './carry-nested-fields';

const T = 'hive://gold.events/page_views';
const keepCatalogs = (_key: string, imported: string | null, now: string | null | undefined) => (now === undefined ? imported : now);
/** key → description of every node below the top, as ingest will store them. */
function stored(column: Parameters<typeof buildColumnTypeTree>[0]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const walk = (node: TypeMetadataRecord, key: string) => {
    for (const child of node.children ?? []) {
      out[`${key}/${child.name}`] = child.description ?? null;
      walk(child, `${key}/${child.name}`);
    }
  };
  const root = buildColumnTypeTree(column)!;
  walk(root, `${T}/${column.name}/type/${root.name}`);
  return out;
}

describe('carryNestedDescriptions', () => {
  it('puts kept texts in by full path, through a map\'s value, an array\'s element and a name with a dot', () => {
    const column = { name: 'm', col_type: 'map<string,array<struct<`a.b`:int,c:string>>>', nested_fields: [{ path: 'c', description: 'from the source' }] };
    const M = `${T}/m/type/m`;
    const current = new Map<string, string | null>([
      [`${M}/_map_value/_inner_/a.b`, 'kept'], [`${M}/_map_value/_inner_/c`, 'catalog text'], [`${M}/gone`, 'no such field'],
    ]);
    const { column: carried, fields } = carryNestedDescriptions(T, column, current, keepCatalogs);
    expect(carried.nested_fields).toEqual([
      { path: 'c', description: 'from the source' },
      { path: ['_map_value', '_inner_', 'a.b'], description: 'kept' },
      { path: ['_map_value', '_inner_', 'c'], description: 'catalog text' },
    ]);
    expect(stored(carried)).toMatchObject({ [`${M}/_map_value/_inner_/a.b`]: 'kept', [`${M}/_map_value/_inner_/c`]: 'catalog text', [`${M}/_map_key`]: null });
    expect(describedNestedFields(fields)).toEqual([[`${M}/_map_value/_inner_/a.b`, 'kept'], [`${M}/_map_value/_inner_/c`, 'catalog text']]);
    expect(describedNestedFieldsNow(current)).toHaveLength(3);
  });

  it('leaves a column alone when neither side has nested descriptions, and one whose type or paths ingest will reject', () => {
    const flat = { name: 'v', col_type: 'struct<a:int>' };
    expect(carryNestedDescriptions(T, flat, undefined, () => { throw new Error('not asked'); })).toEqual({ column: flat, fields: [], gone: [] });
    const current = new Map([[`${T}/v/type/v/a`, 'text']]);
    const malformed = { name: 'v', col_type: 'struct<a:int' };
    // Ingest rejects it: nothing of the catalog's goes.
    expect(carryNestedDescriptions(T, malformed, current, keepCatalogs)).toEqual({ column: malformed, fields: [], gone: [] });
    const badPath = { name: 'v', col_type: 'struct<a:int>', nested_fields: [{ path: 'x', description: 'no x' }] };
    expect(carryNestedDescriptions(T, badPath, current, keepCatalogs).column).toBe(badPath);
    const nowFlat = { name: 'v', col_type: 'string' };
    expect(carryNestedDescriptions(T, nowFlat, current, keepCatalogs)).toEqual({ column: nowFlat, fields: [], gone: [`${T}/v/type/v/a`] });
  });

  it('names the fields the catalog lists that the new type no longer has (a field renamed, an array\'s element now a scalar)', () => {
    const C = `${T}/crew/type/crew`;
    const current = new Map<string, string | null>([
      [`${C}/members/_inner_/role`, 'Role aboard'], [`${C}/members/_inner_/name`, 'Name'], [`${C}/members/_inner_/rank`, null], [`${C}/ship/_inner_/id`, null],
    ]);
    const renamed = { name: 'crew', col_type: 'struct<members:array<struct<name:string,rank:string>>,ship:array<int>>' };
    expect(carryNestedDescriptions(T, renamed, current, keepCatalogs).gone).toEqual([`${C}/members/_inner_/role`, `${C}/ship/_inner_/id`]);
  });

  it('asks about every field of a column it walks, with the catalog\'s text or undefined (the guard decides which matter)', () => {
    const asked: [string, string | null, string | null | undefined][] = [];
    const column = { name: 'v', col_type: 'struct<a:int,b:struct<c:int>>', nested_fields: [{ path: 'b.c', description: 'new' }] };
    carryNestedDescriptions(T, column, new Map([[`${T}/v/type/v/a`, null]]), (key, imported, now) => {
      asked.push([key, imported, now]);
      return imported;
    });
    expect(asked).toEqual([[`${T}/v/type/v/a`, null, null], [`${T}/v/type/v/b`, null, undefined], [`${T}/v/type/v/b/c`, 'new', undefined]]);
  });
});

describe('carryNestedBadges', () => {
  const pii: BadgeRecord = { badge_name: 'pii', category: 'column' };
  const gdpr: BadgeRecord = { badge_name: 'gdpr', category: 'column' };
  const keepNonEmpty = (_key: string, imported: BadgeRecord[], now: BadgeRecord[] | undefined) => now ?? imported;
  /** key → badge names of every node below the top, as ingest will store them. */
  function storedBadges(column: Parameters<typeof buildColumnTypeTree>[0]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const walk = (node: TypeMetadataRecord, key: string) => {
      for (const child of node.children ?? []) {
        out[`${key}/${child.name}`] = (child.badges ?? []).map((b) => b.badge_name);
        walk(child, `${key}/${child.name}`);
      }
    };
    const root = buildColumnTypeTree(column)!;
    walk(root, `${T}/${column.name}/type/${root.name}`);
    return out;
  }

  it('puts kept lists in by full path, an empty one clearing what the record gives, and keeps a description entry as it was', () => {
    const V = `${T}/v/type/v`;
    const column = {
      name: 'v', col_type: 'struct<a:int,b:array<struct<c:string>>>',
      nested_fields: [{ path: 'a', description: 'from the source', badges: [pii] }, { path: 'b.c', badges: [pii] }],
    };
    const current = new Map<string, BadgeRecord[]>([[`${V}/a`, []], [`${V}/b/_inner_/c`, [gdpr, pii]], [`${V}/gone`, [pii]]]);
    const { column: carried, fields } = carryNestedBadges(T, column, current, keepNonEmpty);
    expect(carried.nested_fields).toEqual([
      ...column.nested_fields,
      { path: ['a'], badges: [] },
      { path: ['b', '_inner_', 'c'], badges: [gdpr, pii] },
    ]);
    expect(storedBadges(carried)).toEqual({ [`${V}/a`]: [], [`${V}/b`]: [], [`${V}/b/_inner_`]: [], [`${V}/b/_inner_/c`]: ['gdpr', 'pii'] });
    expect(buildColumnTypeTree(carried)?.children?.[0].description).toBe('from the source');
    expect(badgedNestedFields(fields)).toEqual([[`${V}/b/_inner_/c`, [gdpr, pii]]]);
    expect(badgedNestedFieldsNow(current)).toEqual([[`${V}/b/_inner_/c`, [gdpr, pii]], [`${V}/gone`, [pii]]]);
    expect(carryNestedBadges(T, column, current, keepNonEmpty).gone).toEqual([`${V}/gone`]);
  });

  it('compares the record\'s badges in one order, so a list the catalog holds in another is not a change', () => {
    const column = { name: 'v', col_type: 'struct<a:int>', nested_fields: [{ path: 'a', badges: [pii, gdpr, pii] }] };
    const asked: unknown[] = [];
    const { column: carried } = carryNestedBadges(T, column, undefined, (_key, imported) => {
      asked.push(imported);
      return imported;
    });
    expect(asked).toEqual([[gdpr, pii]]);
    expect(carried).toBe(column);
  });

  it('leaves a column alone when neither side has nested badges, even when it has nested descriptions', () => {
    const described = { name: 'v', col_type: 'struct<a:int>', nested_fields: [{ path: 'a', description: 'text' }] };
    expect(carryNestedBadges(T, described, new Map(), () => { throw new Error('not asked'); })).toEqual({ column: described, fields: [], gone: [] });
  });
});
