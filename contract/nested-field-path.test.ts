import { describe, expect, it } from 'vitest';
import { formatFieldPath, nestedFieldLinkOptions, nestedFieldOfPath, nestedFieldOfTypeKey, parseFieldPath } from './nested-field-path';

describe('nested field paths (decision 067)', () => {
  it('quotes only the names that hold a dot or a backquote, and reads back every name', () => {
    const cases: [string[], string][] = [
      [['payload', 'address', 'city'], 'payload.address.city'],
      [['a.b', 'c'], '`a.b`.c'],
      [['a', 'b.c'], 'a.`b.c`'],
      [['it`s', 'x'], '`it``s`.x'],
      [['', 'x'], '``.x'],
      [['`'], '````'],
    ];
    for (const [names, text] of cases) {
      expect(formatFieldPath(names)).toBe(text);
      expect(parseFieldPath(text)).toEqual(names);
    }
  });

  it('reads a path nobody quoted as it always did, split at every dot', () => {
    expect(parseFieldPath('payload.lines.sku')).toEqual(['payload', 'lines', 'sku']);
    expect(parseFieldPath('payload')).toEqual(['payload']);
    expect(parseFieldPath('`a.b')).toEqual(['a.b']); // an unclosed quote runs to the end
  });

  it('tells a column whose name holds a dot from a field of the column before the dot', () => {
    expect(nestedFieldOfPath('`a.b`.c')).toEqual({ column: 'a.b', field: ['c'] });
    expect(nestedFieldOfPath('a.b.c')).toEqual({ column: 'a', field: ['b', 'c'] });
    expect(nestedFieldLinkOptions(nestedFieldOfPath('`a.b`.c.`d.e`'))).toEqual({ column: 'a.b', field: 'c.`d.e`' });
    expect(nestedFieldLinkOptions(nestedFieldOfPath('payload'))).toEqual({ column: 'payload' });
  });

  it('reads the column and field of a nested type key, whatever the column name holds', () => {
    const table = 'hive://gold.shop/events';
    expect(nestedFieldOfTypeKey(table, `${table}/payload/type/payload/address/city`)).toEqual({ column: 'payload', field: ['address', 'city'] });
    expect(nestedFieldOfTypeKey(table, `${table}/a.b/type/a.b/c`)).toEqual({ column: 'a.b', field: ['c'] });
    expect(nestedFieldOfTypeKey(table, `${table}/x/type/y/type/x/type/y/f`)).toEqual({ column: 'x/type/y', field: ['f'] });
    expect(nestedFieldOfTypeKey(table, `${table}/items/type/items/_inner_/sku`)).toEqual({ column: 'items', field: ['sku'] });
    expect(nestedFieldOfTypeKey(table, `${table}/payload/type/payload`)).toEqual({ column: 'payload', field: [] });
    expect(nestedFieldOfTypeKey('hive://gold.shop/other', `${table}/payload/type/payload/a`)).toBeNull();
  });
});
