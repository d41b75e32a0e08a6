import { describe, expect, it } from 'vitest';
import { formatEpochSeconds, splitParagraphs } from './format';

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(splitParagraphs('One\nline two\n\n\nTwo\r\n\r\nThree  ')).toEqual(['One\nline two', 'Two', 'Three']);
  });

  it('returns nothing for blank text', () => {
    expect(splitParagraphs('  \n\n ')).toEqual([]);
  });
});

describe('formatEpochSeconds', () => {
  it('formats seconds, not milliseconds', () => {
    expect(formatEpochSeconds(1_700_000_000)).toMatch(/2023/);
  });

  it('gives null for a missing or zero timestamp', () => {
    expect(formatEpochSeconds(null)).toBeNull();
    expect(formatEpochSeconds(0)).toBeNull();
  });
});
