import { describe, expect, it } from 'vitest';
import { diffWords, MAX_CELLS, sideOf, tokenize } from './word-diff';

/** A diff written compactly: [-removed-] {+added+}, kept text as is. */
const show = (before: string | null, after: string | null) =>
  diffWords(before, after)
    .map((p) => (p.kind === 'removed' ? `[-${p.text}-]` : p.kind === 'added' ? `{+${p.text}+}` : p.text))
    .join('');

describe('tokenize', () => {
  it('splits a text into words and the white space between them, losing nothing', () => {
    expect(tokenize('Orders,  one row\neach.')).toEqual(['Orders,', '  ', 'one', ' ', 'row', '\n', 'each.']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('diffWords', () => {
  it('marks the words only in the first text as removed and those only in the second as added', () => {
    expect(diffWords('Orders placed in the shop', 'Orders paid in the web shop')).toEqual([
      { kind: 'same', text: 'Orders ' },
      { kind: 'removed', text: 'placed' },
      { kind: 'added', text: 'paid' },
      { kind: 'same', text: ' in the' },
      { kind: 'added', text: ' web' },
      { kind: 'same', text: ' shop' },
    ]);
  });

  it('marks a changed word and keeps the words around it', () => {
    expect(show('One row per order', 'One row per payment')).toBe('One row per [-order-]{+payment+}');
  });

  it('marks words added in the middle and removed at the start', () => {
    expect(show('Every order placed online', 'Every order ever placed online')).toBe('Every order {+ever +}placed online');
    expect(show('Raw: every order', 'every order')).toBe('[-Raw: -]every order');
  });

  it('reads neighbouring changed words as one change rather than two split by a shared space', () => {
    expect(show('the quick brown fox', 'a slow brown fox')).toBe('[-the quick-]{+a slow+} brown fox');
  });

  it('treats a missing text as empty: a first description is all added, a cleared one all removed', () => {
    expect(diffWords(null, 'Orders.')).toEqual([{ kind: 'added', text: 'Orders.' }]);
    expect(diffWords('Orders.', null)).toEqual([{ kind: 'removed', text: 'Orders.' }]);
    expect(diffWords(null, null)).toEqual([]);
  });

  it('shows an unchanged text as one kept part', () => {
    expect(diffWords('Same text', 'Same text')).toEqual([{ kind: 'same', text: 'Same text' }]);
  });

  it('keeps line breaks and Markdown as written', () => {
    expect(show('# Orders\n\n- one\n- two', '# Orders\n\n- one\n- three')).toBe('# Orders\n\n- one\n- [-two-]{+three+}');
  });

  it('gives back both texts whole when they are equal or one is empty', () => {
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ kind: 'removed', text: 'old text' }]);
  });

  it('gives back both texts exactly from its parts', () => {
    const before = 'Orders  placed\n\nby customers, one row each (see **payments**).';
    const after = 'Orders placed by  customers and partners, one row each.\n';
    const parts = diffWords(before, after);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });

  it('shows a text too long to compare word by word as replaced whole, still giving back both texts', () => {
    const words = Math.ceil(Math.sqrt(MAX_CELLS)) + 2;
    const before = `start ${Array.from({ length: words }, (_, i) => `a${i}`).join(' ')} end`;
    const after = `start ${Array.from({ length: words }, (_, i) => `b${i}`).join(' ')} end`;
    const parts = diffWords(before, after);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });
});
