import { describe, expect, it } from 'vitest';
import { allowedDescriptionLength, countCharacters } from './text-length';

describe('countCharacters', () => {
  it('counts an emoji outside the Basic Multilingual Plane as one character, not two UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(countCharacters('😀')).toBe(1);
    expect(countCharacters('😀'.repeat(400))).toBe(400);
    expect(countCharacters('Orders 📦 shipped')).toBe(16);
  });

  it('counts plain text, accents and CJK by their code points, and nothing as zero', () => {
    expect(countCharacters('')).toBe(0);
    expect(countCharacters('orders')).toBe(6);
    expect(countCharacters('Sjømannsskolen 東京')).toBe(17);
  });

  it('counts each code point of a joined emoji and of a letter with a combining mark (no grapheme clusters)', () => {
    expect(countCharacters('👨‍👩‍👧')).toBe(5); // man, joiner, woman, joiner, girl
    expect(countCharacters('e\u0301')).toBe(2);
  });

  it('counts a lone surrogate as one, whichever half it is and wherever it stands', () => {
    expect(countCharacters('\ud83d')).toBe(1);
    expect(countCharacters('\ude00a')).toBe(2);
    expect(countCharacters('a\ud83d')).toBe(2);
    expect(countCharacters('\ud83d\ud83d\ude00')).toBe(2);
  });

  it('joins exactly a high surrogate (D800–DBFF) and a low one (DC00–DFFF), at both ends of each range', () => {
    expect(countCharacters('\ud800\udc00')).toBe(1);
    expect(countCharacters('\udbff\udfff')).toBe(1);
    // Just outside the ranges, or in the wrong order: two.
    expect(countCharacters('\ud7ff\udc00')).toBe(2);
    expect(countCharacters('\ue000\udc00')).toBe(2);
    expect(countCharacters('\ud800\ud7ff')).toBe(2);
    expect(countCharacters('\ud800\ue000')).toBe(2);
    expect(countCharacters('\udc00\udc00')).toBe(2);
    expect(countCharacters('\udc00\ud800')).toBe(2);
  });
});

describe('allowedDescriptionLength', () => {
  it('is the limit for a new text or one within it, and the text\'s own length (in code points) when it was already longer', () => {
    expect(allowedDescriptionLength(750, null)).toBe(750);
    expect(allowedDescriptionLength(750, undefined)).toBe(750);
    expect(allowedDescriptionLength(750, '')).toBe(750);
    expect(allowedDescriptionLength(750, 'x'.repeat(750))).toBe(750);
    expect(allowedDescriptionLength(750, 'x'.repeat(56_000))).toBe(56_000);
    expect(allowedDescriptionLength(3, '😀😀😀😀')).toBe(4);
  });
});
