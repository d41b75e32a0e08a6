import { describe, expect, it } from 'vitest';
import { markdownHighlightToSegments } from './markdown-highlight';

describe('markdownHighlightToSegments', () => {
  it('takes the Markdown out of a search highlight and keeps its matches marked', () => {
    expect(markdownHighlightToSegments('## <em>Orders</em>\n\nEvery **<em>order</em> placed** [in the <em>shop</em>](https://example.org/<em>orders</em>) &amp; more')).toEqual([
      { text: 'Orders', highlighted: true },
      { text: ' Every ', highlighted: false },
      { text: 'order', highlighted: true },
      { text: ' placed in the ', highlighted: false },
      { text: 'shop', highlighted: true },
      { text: ' & more', highlighted: false },
    ]);
  });

  it('keeps a link\'s text where a fragment starts or ends inside the link', () => {
    expect(markdownHighlightToSegments('docs](https://example.org/docs) for <em>orders</em>')).toEqual([{ text: 'docs for ', highlighted: false }, { text: 'orders', highlighted: true }]);
    expect(markdownHighlightToSegments('<em>orders</em>, see [the docs](https://exa')).toEqual([{ text: 'orders', highlighted: true }, { text: ', see the docs', highlighted: false }]);
  });
  it('keeps the text of a link cut at the fragment\'s start whose address holds parentheses', () => {
    expect(markdownHighlightToSegments('Oslo](https://en.wikipedia.org/wiki/Oslo_(city)) is the <em>capital</em>')).toEqual([
      { text: 'Oslo is the ', highlighted: false },
      { text: 'capital', highlighted: true },
    ]);
  });

  it('joins matches that the Markdown taken out between them leaves side by side into one', () => {
    expect(markdownHighlightToSegments('<em>big</em>**<em>data</em>** and <em>small</em>')).toEqual([
      { text: 'bigdata', highlighted: true },
      { text: ' and ', highlighted: false },
      { text: 'small', highlighted: true },
    ]);
  });
});
