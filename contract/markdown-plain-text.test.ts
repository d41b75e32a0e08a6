import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, markdownToPlainText } from './markdown-plain-text';

describe('markdownToPlainText', () => {
  // Finding 7 of the curate pass: lists showed "# Heading Some **bold** … | a | b |".
  it('takes out headings, emphasis, tables and link addresses, keeping the text a reader sees', () => {
    const source = '# Heading\n\nSome **bold** and _italic_ text, see [the docs](https://example.org/docs "Docs").\n\n| a | b |\n|---|:-:|\n| 1 | 2 |';
    expect(markdownToPlainText(source)).toBe('Heading Some bold and italic text, see the docs. a · b 1 · 2');
  });

  it('takes out list markers, quotes, code and rules, and keeps snake_case names and escaped characters whole', () => {
    const source = '> Quoted\n\n- one\n* two\n1. `customer_id` and order_id\n- [x] done\n\n---\n\n```sql\nselect 1\n```\n\n~~old~~ \\*not emphasis\\* ![chart](https://x/y.png) <https://example.org>';
    expect(markdownToPlainText(source)).toBe('Quoted one two customer_id and order_id done select 1 old *not emphasis* chart https://example.org');
  });

  it('leaves text without Markdown as it is, raw HTML shown as text as the page shows it', () => {
    expect(markdownToPlainText('Orders placed in the shop; 2 * 3 = 6 <b>')).toBe('Orders placed in the shop; 2 * 3 = 6 <b>');
    expect(markdownToPlainText('---\n\n#')).toBe('');
  });
  it('takes out rules and setext underlines of -, *, _ and =, with or without spaces, and only whole lines of them', () => {
    expect(markdownToPlainText('Title\n=====\nSub\n-\n***\n * * * \n___  \n- - -\nEnd')).toBe('Title Sub End');
    // A line ending in those characters is text.
    expect(markdownToPlainText('Only **bold**\nx = y =')).toBe('Only bold x = y =');
  });

  it('takes out a table\'s delimiter row written with spaces, and keeps a cell holding a dash', () => {
    expect(markdownToPlainText('| a | b |\n| --- | :-: |\n| 1 | - |')).toBe('a · b 1 · -');
  });

  it('leaves out empty and blank table cells', () => {
    expect(markdownToPlainText('| a || b |\n| c |   | d |')).toBe('a · b c · d');
  });

  it('takes out link definitions, whatever the label and the space after the colon, and keeps a reference link\'s text', () => {
    expect(markdownToPlainText('See [the docs][docs] and [Oslo][].\n\n[docs]: https://example.org/docs\n[Oslo]:https://example.org/oslo\n[w]:   https://example.org/w "W"')).toBe('See the docs and Oslo.');
    // Not a definition: nothing after the colon.
    expect(markdownToPlainText('[note]:')).toBe('[note]:');
  });

  it('takes out code fences indented by up to three spaces; ``` within a line is code, not a fence', () => {
    expect(markdownToPlainText('Run:\n\n   ```sh\n   npm test\n   ```')).toBe('Run: npm test');
    expect(markdownToPlainText('Run ```npm test``` first, or ``echo `date` ``')).toBe('Run npm test first, or echo `date`');
  });

  it('takes out quote marks with or without a space, nested or indented', () => {
    expect(markdownToPlainText('>Quoted\n> > Nested\n  > Indented')).toBe('Quoted Nested Indented');
  });

  it('takes out list markers of numbered items past 9, with a ) or a wide space, and task boxes after a wide space', () => {
    expect(markdownToPlainText('10. tenth\n3) third\n-   [ ] open\n*  [X] closed')).toBe('tenth third open closed');
  });

  it('keeps a link\'s text when its address holds parentheses or its title follows several spaces', () => {
    expect(markdownToPlainText('[Oslo](https://en.wikipedia.org/wiki/Oslo_(city)) and [docs](https://example.org  "Docs")')).toBe('Oslo and docs');
  });

  it('shows an autolink\'s address, http as well as https, and single-star emphasis as its text', () => {
    expect(markdownToPlainText('<http://example.org> and <mailto:a@example.org> in *italic*')).toBe('http://example.org and mailto:a@example.org in italic');
  });

  it('breaks lines at \\r\\n and a lone \\r as well as \\n', () => {
    expect(markdownToPlainText('Text\r---\r# Heading\r\n---\r\nMore')).toBe('Text Heading More');
  });

  it('reads a line as a rule or fence without a highlight\'s marks in it', () => {
    expect(markdownToPlainText(`${MARK_START}***${MARK_END}\nText`)).toBe('Text');
  });
});
