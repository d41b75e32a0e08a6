import { describe, expect, it } from 'vitest';
import { keepRowsInPlace, type KeptRow } from './rows-kept-in-place';

const keyOf = (item: { key: string }) => item.key;
const items = (...keys: string[]) => keys.map((key) => ({ key }));
const shown = (rows: KeptRow<{ key: string }>[]) => rows.map((row) => (row.removed ? `(${row.item.key})` : row.item.key));

describe('keepRowsInPlace', () => {
  it('shows a list as it is the first time', () => {
    expect(shown(keepRowsInPlace([], items('a', 'b', 'c'), keyOf))).toEqual(['a', 'b', 'c']);
  });

  it('keeps a row that left the list in its place, marked removed, and its data as it was', () => {
    const first = keepRowsInPlace([], [{ key: 'a' }, { key: 'b', name: 'Bee' }, { key: 'c' }], keyOf);
    const next = keepRowsInPlace(first, items('a', 'c'), keyOf);
    expect(shown(next)).toEqual(['a', '(b)', 'c']);
    expect(next[1]!.item).toEqual({ key: 'b', name: 'Bee' });
    expect(shown(keepRowsInPlace(next, items('c'), keyOf))).toEqual(['(a)', '(b)', 'c']);
    expect(shown(keepRowsInPlace(next, [], keyOf))).toEqual(['(a)', '(b)', '(c)']);
  });

  it('puts a row that comes back where it was, whatever its place in the list now', () => {
    const removed = keepRowsInPlace(keepRowsInPlace([], items('a', 'b', 'c'), keyOf), items('a', 'c'), keyOf);
    expect(shown(keepRowsInPlace(removed, items('b', 'a', 'c'), keyOf))).toEqual(['a', 'b', 'c']);
  });

  it('shows a row new to the list first, as the newest, and takes the newest data of the others', () => {
    const first = keepRowsInPlace([], items('a', 'b'), keyOf);
    const next = keepRowsInPlace(first, [{ key: 'n' }, { key: 'a', name: 'A2' }, { key: 'b' }], keyOf);
    expect(shown(next)).toEqual(['n', 'a', 'b']);
    expect(next[1]!.item).toEqual({ key: 'a', name: 'A2' });
  });

  it('lets a row go that came and went while a change was on its way (a bookmark added, then refused)', () => {
    const first = keepRowsInPlace([], items('a'), keyOf);
    const adding = keepRowsInPlace(first, items('n', 'a'), keyOf, false);
    expect(shown(adding)).toEqual(['n', 'a']);
    expect(shown(keepRowsInPlace(adding, items('a'), keyOf, false))).toEqual(['a']);
    // Once the list settles with it, it is the list's: removed later, it stays.
    const settled = keepRowsInPlace(adding, items('n', 'a'), keyOf, true);
    expect(shown(keepRowsInPlace(settled, items('a'), keyOf, false))).toEqual(['(n)', 'a']);
    // A row the list had is kept however it leaves.
    expect(shown(keepRowsInPlace(first, [], keyOf, false))).toEqual(['(a)']);
  });
});
