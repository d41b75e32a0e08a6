import { describe, expect, it } from 'vitest';
import { formatWholeNumber } from './format-number';

describe('formatWholeNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [10_000, '10,000'],
    [123_456, '123,456'],
    [1_234_567, '1,234,567'],
    [-1234, '-1,234'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
  ])('writes %d as %s', (n, text) => {
    expect(formatWholeNumber(n)).toBe(text);
  });

  it('agrees with toLocaleString("en-US") on whole numbers of every length', () => {
    for (let digits = 1; digits <= 16; digits += 1) {
      for (const lead of [1, 4, 9]) {
        const n = Number(`${lead}${'7'.repeat(digits - 1)}`);
        if (!Number.isSafeInteger(n)) continue;
        expect(formatWholeNumber(n)).toBe(n.toLocaleString('en-US'));
        expect(formatWholeNumber(-n)).toBe((-n).toLocaleString('en-US'));
      }
    }
  });

  it('leaves fractions and non-numbers to toLocaleString', () => {
    expect(formatWholeNumber(1234.5678)).toBe('1,234.568');
    expect(formatWholeNumber(Number.NaN)).toBe('NaN');
    expect(formatWholeNumber(1e21)).toBe((1e21).toLocaleString('en-US'));
  });

  it('writes negative zero as 0, where toLocaleString writes "-0"', () => {
    expect(formatWholeNumber(-0)).toBe('0');
    expect(formatWholeNumber(Math.round(-0.2))).toBe('0');
  });
});
