// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { linkJoinHints } from './link-join-hints';

const fragmentOf = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template;
};
const joinLinkFor = ({ schema, table }: { schema: string; table: string }) => ({ to: `/table_detail/gold/hive/${schema}/${table}`, direct: schema === 'core' });

describe('linkJoinHints', () => {
  it('makes each hint\'s schema.table an app link where joinLinkFor says, in bold text too, the words around it kept', () => {
    const template = fragmentOf('<p>Buyer; joins core.customers and <strong>joins sales.orders</strong>.</p>');
    linkJoinHints(template.content, joinLinkFor);
    const links = [...template.content.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.title, a.className, a.hasAttribute('data-app-link')])).toEqual([
      ['core.customers', '/table_detail/gold/hive/core/customers', 'Open the table core.customers', 'join-link', true],
      ['sales.orders', '/table_detail/gold/hive/sales/orders', 'Search for the table sales.orders', 'join-link', true],
    ]);
    expect(template.content.textContent).toBe('Buyer; joins core.customers and joins sales.orders.');
  });

  it('leaves hints in code and in links the text made alone', () => {
    const html = '<p><code>joins core.customers</code> <a href="https://x.example/">joins core.customers</a></p><pre><code>joins a.b</code></pre>';
    const template = fragmentOf(html);
    linkJoinHints(template.content, joinLinkFor);
    expect(template.innerHTML).toBe(html);
  });
});
