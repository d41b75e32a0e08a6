import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('# New\n\nThe **orders** tables moved; see [the guide](https://wiki.example.com/orders).')).toBe(
      '<h1>New</h1>\n<p>The <strong>orders</strong> tables moved; see <a href="https://wiki.example.com/orders">the guide</a>.</p>\n',
    );
  });

  it('escapes raw HTML, as a block and inline', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> and <a href="https://x.example">x</a>');
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Hello &lt;img src=x onerror=alert(1)&gt; and &lt;a href=&quot;https://x.example&quot;&gt;x&lt;/a&gt;</p>\n',
    );
  });

  it.each([
    ['[a](javascript:alert(1))', 'a'],
    ['[a](JaVaScRiPt:alert(1))', 'a'],
    ['[a](<javascript:alert(1)>)', 'a'],
    ['[a](vbscript:msgbox)', 'a'],
    ['[a](data:text/html,<script>alert(1)</script>)', 'a'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[a][ref]\n\n[ref]: javascript:alert(1)', 'a'],
    ['![a picture](javascript:alert(1))', 'a picture'],
  ])('keeps only the text of an unsafe link or image: %s', (markdown, text) => {
    expect(renderMarkdown(markdown)).toBe(`<p>${text}</p>\n`);
  });

  it('writes an href exactly as checked, so an entity cannot become a javascript: scheme', () => {
    expect(renderMarkdown('[a](&#106;avascript:alert(1))')).toBe('<p><a href="&amp;#106;avascript:alert(1)">a</a></p>\n');
  });

  it('keeps http(s), mailto and relative links and images', () => {
    expect(renderMarkdown('[w](https://example.com "the \\"site\\"") [m](mailto:data@example.com) [b](/browse) [h](#top) [q](?a=1&b=2) ![logo](/logo.png)')).toBe(
      '<p><a href="https://example.com" title="the &quot;site&quot;">w</a> <a href="mailto:data@example.com">m</a> <a href="/browse">b</a> <a href="#top">h</a> <a href="?a=1&amp;b=2">q</a> <img src="/logo.png" alt="logo"></p>\n',
    );
  });
});

describe('renderMarkdown, as GitHub writes it', () => {
  it('renders GitHub Markdown (strikethrough, tables) and keeps single line breaks inside a paragraph', () => {
    expect(renderMarkdown('~~old~~ new')).toBe('<p><del>old</del> new</p>\n');
    expect(renderMarkdown('one\ntwo')).toBe('<p>one\ntwo</p>\n');
    expect(renderMarkdown('| a |\n| - |\n| 1 |')).toContain('<table>');
  });

  it('escapes the quotes of raw HTML, and writes a raw HTML block as one paragraph', () => {
    expect(renderMarkdown("  <div title='x'>\n</div>\n\nafter")).toBe('<p>&lt;div title=&#39;x&#39;&gt;\n&lt;/div&gt;</p>\n<p>after</p>\n');
  });
});

describe('isSafeUrl', () => {
  it.each(['https://a.example/x', 'HTTP://a.example', 'mailto:x@example.com', '/x', 'x/y:z', '#a', '?q=a:b', '//cdn.example/x'])('accepts %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });
  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x'])(
    'refuses %j',
    (url) => {
      expect(isSafeUrl(url)).toBe(false);
    },
  );
});
