import { describe, expect, it } from 'vitest';
import { splitHighlight } from './highlight';

describe('splitHighlight', () => {
  it('returns plain text as one segment', () => {
    expect(splitHighlight('all customers')).toEqual([{ text: 'all customers', highlighted: false }]);
  });

  it('marks the text between em tags', () => {
    expect(splitHighlight('all <em>customers</em> by <em>region</em>')).toEqual([
      { text: 'all ', highlighted: false },
      { text: 'customers', highlighted: true },
      { text: ' by ', highlighted: false },
      { text: 'region', highlighted: true },
    ]);
  });

  it('keeps any other markup as literal text', () => {
    expect(splitHighlight('<img src=x onerror=alert(1)> <em>x</em>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', highlighted: false },
      { text: 'x', highlighted: true },
    ]);
  });

  it('tolerates an unclosed tag, a stray close tag, adjacent tags and upper case', () => {
    expect(splitHighlight('a <EM>b')).toEqual([
      { text: 'a ', highlighted: false },
      { text: 'b', highlighted: true },
    ]);
    expect(splitHighlight('a</em> b')).toEqual([{ text: 'a b', highlighted: false }]);
    expect(splitHighlight('<em>a</em><em>b</em>')).toEqual([{ text: 'ab', highlighted: true }]);
  });

  it('returns nothing for an empty string', () => {
    expect(splitHighlight('')).toEqual([]);
  });
});
