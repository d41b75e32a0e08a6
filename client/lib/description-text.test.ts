import { describe, expect, it } from 'vitest';
import { shownDescription } from './description-text';

describe('shownDescription', () => {
  it('is no description for none, an empty text and one of only spaces, tabs or blank lines', () => {
    for (const blank of [null, undefined, '', ' ', '   \t', '\n\n', ' \u00a0 ']) expect(shownDescription(blank)).toBeNull();
  });

  it('keeps a real text as it is, its spaces and new lines too', () => {
    expect(shownDescription('Orders')).toBe('Orders');
    expect(shownDescription('  Orders\nplaced  ')).toBe('  Orders\nplaced  ');
  });
});
