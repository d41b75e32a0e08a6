import { describe, expect, it } from 'vitest';
import type { TypeMetadataRecord } from '../store/catalog-records';
import { LEFT_OUT_OF_PATHS } from '../../../contract/nested-field-path';
import { ARRAY_INNER, COLUMN_TYPE_LIMITS, ColumnTypeError, isComplexType, MAP_VALUE, parseColumnType } from './parse-column-type';

/** The tree as `name:kind(data_type)[children]`, compact enough to compare whole. */
function shape(node: TypeMetadataRecord): string {
  const children = node.children ?? [];
  return `${node.name}:${node.kind}(${node.data_type})${children.length ? `[${children.map(shape).join(' ')}]` : ''}`;
}
const parsed = (type: string) => {
  const tree = parseColumnType(type, 'c');
  if (!tree) throw new Error(`no tree for ${type}`);
  return shape(tree);
};
function errorOf(type: string): ColumnTypeError {
  try {
    parseColumnType(type, 'c');
  } catch (err) {
    if (err instanceof ColumnTypeError) return err;
    throw err;
  }
  throw new Error(`no error for ${type}`);
}

describe('parseColumnType', () => {
  it('gives no tree for types that are not a struct, array or map', () => {
    for (const type of ['int', 'string', 'decimal(10,2)', 'timestamp with time zone', 'ARRAY', 'integer[]', 'structure', 'rows(x)', 'row', 'mapping<x>']) {
      expect(parseColumnType(type, 'c'), type).toBeNull();
      expect(isComplexType(type), type).toBe(false);
    }
  });

  it("reads Trino's row(…), array(…) and map(…): a row is a struct, its type kept as written", () => {
    expect(parsed('row(a bigint, b varchar)')).toBe('c:struct(row(a bigint, b varchar))[a:scalar(bigint) b:scalar(varchar)]');
    expect(parsed('array(varchar)')).toBe('c:array(array(varchar))');
    expect(parsed('array(row(sku varchar, qty integer))')).toBe(
      'c:array(array(row(sku varchar, qty integer)))[_inner_:struct(row(sku varchar, qty integer))[sku:scalar(varchar) qty:scalar(integer)]]',
    );
    expect(parsed('map(varchar, row(x double))')).toBe(
      'c:map(map(varchar, row(x double)))[_map_key:scalar(varchar) _map_value:struct(row(x double))[x:scalar(double)]]',
    );
    expect(parsed('ROW(geo ROW(city VARCHAR(64), at TIMESTAMP(3) WITH TIME ZONE), price DECIMAL(10,2))')).toBe(
      'c:struct(ROW(geo ROW(city VARCHAR(64), at TIMESTAMP(3) WITH TIME ZONE), price DECIMAL(10,2)))[' +
        'geo:struct(ROW(city VARCHAR(64), at TIMESTAMP(3) WITH TIME ZONE))[city:scalar(VARCHAR(64)) at:scalar(TIMESTAMP(3) WITH TIME ZONE)] ' +
        'price:scalar(DECIMAL(10,2))]',
    );
  });

  it('names the fields of a Trino row without names by their position, and reads quoted names', () => {
    expect(parsed('row(bigint, varchar(10), row(double))')).toBe(
      'c:struct(row(bigint, varchar(10), row(double)))[_1:scalar(bigint) _2:scalar(varchar(10)) _3:struct(row(double))[_1:scalar(double)]]',
    );
    expect(parsed('row("odd name" integer, "q ""x""" varchar)')).toBe(
      'c:struct(row("odd name" integer, "q ""x""" varchar))[odd name:scalar(integer) q "x":scalar(varchar)]',
    );
  });

  it('refuses a malformed Trino type, saying where', () => {
    expect(errorOf('row(a bigint').message).toMatch(/^expected "," or "\)" after field "a", found the end of the type/);
    expect(errorOf('row(a bigint, a varchar)').message).toMatch(/^duplicate field "a" in the row/);
    expect(errorOf('array(varchar>').message).toMatch(/^unexpected ">" at character 14/);
    expect(errorOf('array<varchar)').message).toMatch(/^unexpected "\)" at character 14/);
    expect(errorOf('map(varchar)').message).toMatch(/^expected "," between the key and value types of the map/);
  });

  it('reads a Hive struct with its fields in order', () => {
    expect(parsed('struct<a:int,b:string>')).toBe('c:struct(struct<a:int,b:string>)[a:scalar(int) b:scalar(string)]');
  });

  it('reads arrays: a scalar element has no child, a complex one is _inner_', () => {
    expect(parsed('array<string>')).toBe('c:array(array<string>)');
    expect(parsed('array<struct<x:int>>')).toBe('c:array(array<struct<x:int>>)[_inner_:struct(struct<x:int>)[x:scalar(int)]]');
    expect(parsed('array<array<int>>')).toBe('c:array(array<array<int>>)[_inner_:array(array<int>)]');
  });

  it('reads maps as _map_key and _map_value', () => {
    expect(parsed('map<string,bigint>')).toBe('c:map(map<string,bigint>)[_map_key:scalar(string) _map_value:scalar(bigint)]');
    expect(parsed('map<string,struct<x:double>>')).toBe(
      'c:map(map<string,struct<x:double>>)[_map_key:scalar(string) _map_value:struct(struct<x:double>)[x:scalar(double)]]',
    );
  });

  it('nests arbitrarily', () => {
    expect(parsed('struct<a:int,b:array<struct<c:map<string,array<int>>,d:struct<e:boolean>>>>')).toBe(
      'c:struct(struct<a:int,b:array<struct<c:map<string,array<int>>,d:struct<e:boolean>>>>)[' +
        'a:scalar(int) b:array(array<struct<c:map<string,array<int>>,d:struct<e:boolean>>>)[' +
        '_inner_:struct(struct<c:map<string,array<int>>,d:struct<e:boolean>>)[' +
        'c:map(map<string,array<int>>)[_map_key:scalar(string) _map_value:array(array<int>)] ' +
        'd:struct(struct<e:boolean>)[e:scalar(boolean)]]]]',
    );
  });

  it('reads BigQuery spelling: upper case, "name TYPE", spaces, NOT NULL', () => {
    expect(parsed('STRUCT<id INT64 NOT NULL, tags ARRAY<STRING>, geo STRUCT<lat FLOAT64, lon FLOAT64>>')).toBe(
      'c:struct(STRUCT<id INT64 NOT NULL, tags ARRAY<STRING>, geo STRUCT<lat FLOAT64, lon FLOAT64>>)[' +
        'id:scalar(INT64 NOT NULL) tags:array(ARRAY<STRING>) geo:struct(STRUCT<lat FLOAT64, lon FLOAT64>)[lat:scalar(FLOAT64) lon:scalar(FLOAT64)]]',
    );
  });

  it('keeps scalars with brackets and commas whole', () => {
    expect(parsed('struct<price:decimal(10,2),u:uniontype<int,string>,n:varchar(20)>')).toBe(
      'c:struct(struct<price:decimal(10,2),u:uniontype<int,string>,n:varchar(20)>)[price:scalar(decimal(10,2)) u:scalar(uniontype<int,string>) n:scalar(varchar(20))]',
    );
  });

  it('allows spaces and new lines around every part', () => {
    expect(parsed('  struct <\n  a : int ,\n  b : map < string , int >\n>  ')).toBe(
      'c:struct(struct <\n  a : int ,\n  b : map < string , int >\n>)[a:scalar(int) b:map(map < string , int >)[_map_key:scalar(string) _map_value:scalar(int)]]',
    );
  });

  it('reads quoted and odd field names', () => {
    const tree = parseColumnType('struct<`odd name`:int,`a``b`:int,"q ""x""":int,`a.b/c`:int,_x1:int,$weird-name:int,ünïcode:int>', 'c')!;
    expect(tree.children!.map((c) => c.name)).toEqual(['odd name', 'a`b', 'q "x"', 'a.b/c', '_x1', '$weird-name', 'ünïcode']);
    expect(parsed('STRUCT<`my field` STRING>')).toBe('c:struct(STRUCT<`my field` STRING>)[my field:scalar(STRING)]');
  });

  it('treats keywords as names where a name belongs', () => {
    expect(parsed('struct<struct:int,map:array<int>,array:string>')).toBe(
      'c:struct(struct<struct:int,map:array<int>,array:string>)[struct:scalar(int) map:array(array<int>) array:scalar(string)]',
    );
  });

  it('reads an empty struct', () => {
    expect(parsed('struct<>')).toBe('c:struct(struct<>)');
  });

  it.each([
    ['struct<a:int', 'expected "," or ">" after field "a", found the end of the type at character 13'],
    ['struct<a:int,,b:int>', 'expected a field name, found "," at character 14'],
    ['struct<a:int,>', 'expected a field name, found ">" at character 14'],
    ['struct<a>', 'expected ":" and a type after field "a", found ">" at character 9'],
    ['struct<a:>', 'expected a type, found ">" at character 10'],
    ['struct<a:int b:int>', null], // BigQuery-style scalar text: "int b:int" is taken as the scalar
    ['struct<a:int,a:string>', 'duplicate field "a" in the struct at character 14'],
    ['array<>', 'expected a type, found ">" at character 7'],
    ['array<int', 'expected ">" to close the array opened at character 6, found the end of the type at character 10'],
    ['map<string>', 'expected "," between the key and value types of the map, found ">" at character 11'],
    ['map<string,int,int>', 'expected ">" to close the map opened at character 4, found "," at character 15'],
    ['struct<a:int>>', 'unexpected ">" after the end of the type at character 14'],
    ['struct<a:int> extra', 'unexpected "e" after the end of the type at character 15'],
    ['struct<a:decimal(10,2>', '">" does not match the "(" before it at character 22'],
    ['struct<a:decimal(10,2>>', '">" does not match the "(" before it'],
    ['struct<a:int)>', 'unexpected ")" at character 13'],
    ['struct<`a:int>', 'the field name quoted at character 8 is never closed at character 8'],
    ['struct<``:int>', 'empty field name at character 8'],
  ])('refuses %s, saying where', (type, message) => {
    if (message === null) {
      expect(() => parseColumnType(type, 'c')).not.toThrow();
      return;
    }
    const err = errorOf(type);
    expect(err.message).toContain(message);
    expect(err.position).toBeGreaterThan(0);
    expect(err.position).toBeLessThanOrEqual(type.length + 1);
  });

  it('shows the text around the error', () => {
    expect(errorOf('struct<a:int,,b:int>').message).toBe(
      'expected a field name, found "," at character 14 of the type: "struct<a:int," ⟶ ",b:int>"',
    );
    expect(errorOf('struct<a:int').message).toContain('(after "struct<a:int")');
  });

  it('bounds the depth', () => {
    const deep = (n: number) => 'array<'.repeat(n) + 'int' + '>'.repeat(n);
    expect(() => parseColumnType(deep(COLUMN_TYPE_LIMITS.maxDepth), 'c')).not.toThrow();
    expect(errorOf(deep(COLUMN_TYPE_LIMITS.maxDepth + 1)).message).toContain(`nested deeper than ${COLUMN_TYPE_LIMITS.maxDepth} levels`);
    // Far past the bound: refused without running out of stack.
    expect(errorOf(deep(50_000).slice(0, COLUMN_TYPE_LIMITS.maxLength)).reason).toContain('nested deeper');
  });

  it('bounds the length and the number of fields', () => {
    const long = `struct<a:${'x'.repeat(COLUMN_TYPE_LIMITS.maxLength)}>`;
    expect(errorOf(long).message).toContain(`longer than ${COLUMN_TYPE_LIMITS.maxLength} characters`);
    const wide = (n: number) => `struct<${Array.from({ length: n }, (_, i) => `f${i}:int`).join(',')}>`;
    expect(parseColumnType(wide(COLUMN_TYPE_LIMITS.maxFields), 'c')!.children).toHaveLength(COLUMN_TYPE_LIMITS.maxFields);
    expect(errorOf(wide(COLUMN_TYPE_LIMITS.maxFields + 1)).message).toContain(`more than ${COLUMN_TYPE_LIMITS.maxFields} nested fields`);
  });

  it('never throws anything but ColumnTypeError on mangled input', () => {
    const base = 'struct<a:int,b:array<struct<`c d`:map<string,decimal(1,2)>>>,"e":STRING NOT NULL>';
    for (let cut = 0; cut <= base.length; cut++) {
      for (const variant of [base.slice(0, cut), base.slice(cut), base.slice(0, cut) + base.slice(cut + 1), base.slice(0, cut) + '<' + base.slice(cut)]) {
        try {
          parseColumnType(variant, 'c');
        } catch (err) {
          expect(err, variant).toBeInstanceOf(ColumnTypeError);
        }
      }
    }
  });
});

describe('the nodes left out of nested-field paths (contract/nested-field-path.ts)', () => {
  it('are the ones this parser names for an array element and a map value', () => {
    expect([...LEFT_OUT_OF_PATHS].sort()).toEqual([ARRAY_INNER, MAP_VALUE].sort());
  });
});
