import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './markdown-plain-text';

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
});
