import { describe, expect, it } from 'vitest';
import { escapeHighlightText, highlightToPlainText, parseHighlight } from './search-highlight';

describe('parseHighlight', () => {
  it('returns plain text as one segment', () => {
    expect(parseHighlight('all customers')).toEqual([{ text: 'all customers', highlighted: false }]);
  });

  it('marks the text between em tags', () => {
    expect(parseHighlight('all <em>customers</em> by <em>region</em>')).toEqual([
      { text: 'all ', highlighted: false },
      { text: 'customers', highlighted: true },
      { text: ' by ', highlighted: false },
      { text: 'region', highlighted: true },
    ]);
  });

  it('keeps any other markup as literal text', () => {
    expect(parseHighlight('<img src=x onerror=alert(1)> <em>x</em>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', highlighted: false },
      { text: 'x', highlighted: true },
    ]);
  });

  it('unescapes the HTML entities of the format, so "&" shows as "&" and not "&amp;"', () => {
    expect(parseHighlight('Sales &amp; <em>orders</em> &lt;b&gt; &quot;x&quot; &#39;y&#39;')).toEqual([
      { text: 'Sales & ', highlighted: false },
      { text: 'orders', highlighted: true },
      { text: ' <b> "x" \'y\'', highlighted: false },
    ]);
  });

  it('round-trips text escaped by the catalog, whatever it contains', () => {
    const text = `a & b < c > d "e" 'f' &amp; <em>`;
    expect(highlightToPlainText(`<em>${escapeHighlightText(text)}</em>`)).toBe(text);
  });

  it('tolerates an unclosed tag, a stray close tag, adjacent tags and upper case', () => {
    expect(parseHighlight('a <EM>b')).toEqual([
      { text: 'a ', highlighted: false },
      { text: 'b', highlighted: true },
    ]);
    expect(parseHighlight('a</em> b')).toEqual([{ text: 'a b', highlighted: false }]);
    expect(parseHighlight('<em>a</em><em>b</em>')).toEqual([{ text: 'ab', highlighted: true }]);
  });

  it('returns nothing for an empty string', () => {
    expect(parseHighlight('')).toEqual([]);
  });

  it('reads the other spellings of quotes and slashes a highlighter may write', () => {
    expect(highlightToPlainText('it&apos;s &#x27;a&#X27; &#x2F;b&#x2f; &#47;c &AMP; &Quot;')).toBe(`it's 'a' /b/ /c & "`);
    expect(highlightToPlainText('&nbsp; &#60; stay')).toBe('&nbsp; &#60; stay');
  });
});

describe('highlightToPlainText', () => {
  it('joins the segments back into the text the highlight marks', () => {
    expect(highlightToPlainText('all <em>customers</em> by <em>region</em>')).toBe('all customers by region');
  });
});
