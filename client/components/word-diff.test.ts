import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff';

describe('diffWords', () => {
  it('marks the words only in the first text as removed and those only in the second as added', () => {
    expect(diffWords('Orders placed in the shop', 'Orders paid in the web shop')).toEqual([
      { kind: 'same', text: 'Orders ' },
      { kind: 'removed', text: 'placed ' },
      { kind: 'added', text: 'paid ' },
      { kind: 'same', text: 'in the ' },
      { kind: 'added', text: 'web ' },
      { kind: 'same', text: 'shop' },
    ]);
  });

  it('gives back both texts whole when they are equal or one is empty', () => {
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ kind: 'removed', text: 'old text' }]);
  });

  it('keeps every character of both texts: the kept and removed parts spell the first, the kept and added the second', () => {
    const before = 'One customer per row.\n\nJoins `sales.orders` on customer_id.';
    const after = 'One customer per row, deduplicated.\n\nJoins `sales.orders` on id.';
    const parts = diffWords(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('').replace(/\s+/g, ' ')).toBe(before.replace(/\s+/g, ' '));
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });
});
