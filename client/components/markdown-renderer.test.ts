// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import MarkdownRenderer, { plainTextHtml, renderMarkdown, sanitizeHtml } from './markdown-renderer';
import { watchScrollingBlocks } from './scrolling-blocks';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    const html = renderMarkdown('**Size**: 50T\n\n- one\n- two\n\n`code`');
    expect(html).toContain('<strong>Size</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>code</code>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = renderMarkdown('Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img');
  });

  it('drops script links and opens the others in a new tab without access to the page', () => {
    const html = renderMarkdown('[bad](javascript:alert(1)) [good](https://example.org/x)');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org/x"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('leaves whether code blocks and tables are Tab stops to the layout: the source\'s own tabindex, role and name are dropped', () => {
    const html = renderMarkdown('```\nSELECT 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toMatch(/<pre><code>SELECT 1;/);
    expect(html).toContain('<table>');
    expect(sanitizeHtml('<pre tabindex="0" role="button" aria-label="Run">x</pre><table tabindex="0"><tbody><tr><td>1</td></tr></tbody></table>')).toBe('<pre>x</pre><table><tbody><tr><td>1</td></tr></tbody></table>');
    expect(sanitizeHtml('<p aria-label="Note">x</p>')).toBe('<p aria-label="Note">x</p>');
  });

  it('moves headings below the page\'s own', () => {
    expect(renderMarkdown('# Title\n\n## Sub')).toMatch(/<h3>Title<\/h3>\s*<h4>Sub<\/h4>/);
  });

  it('starts from the text\'s highest heading, so no level is skipped after the heading it sits under', () => {
    expect(renderMarkdown('## Sizes\n\n### Daily')).toMatch(/<h3>Sizes<\/h3>\s*<h4>Daily<\/h4>/);
    // Under an h3 (a programmatic description's source), from h4; never past h6.
    expect(renderMarkdown('# A\n\n## B\n\n#### C', 4)).toMatch(/<h4>A<\/h4>\s*<h5>B<\/h5>\s*<h6>C<\/h6>/);
  });
});

describe('renderMarkdown for a column\'s description (headings as text, line breaks kept)', () => {
  const short = { headings: 'text', lineBreaks: true } as const;

  it('makes headings paragraphs of bold text, so a table cell has no heading of the page', () => {
    const html = renderMarkdown('# Keys\n\nThe **order**\'s id\n\n### More', undefined, short);
    expect(html).not.toMatch(/<h\d/);
    expect(html).toMatch(/<p><strong>Keys<\/strong><\/p>\s*<p>The <strong>order<\/strong>'s id<\/p>\s*<p><strong>More<\/strong><\/p>/);
  });

  it('keeps each line break typed, where a page\'s description joins the lines', () => {
    expect(renderMarkdown('one\ntwo', undefined, short)).toMatch(/<p>one<br>\s*two<\/p>/);
    expect(renderMarkdown('one\ntwo')).not.toContain('<br>');
  });

  it('sanitizes as a page\'s description: raw HTML as text, script links dropped, links in a new tab', () => {
    const html = renderMarkdown('Id <img src=x onerror="window.__xss=1"> [x](javascript:alert(1)) [wiki](https://wiki.example.org/)', undefined, short);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror="window.__xss=1"&gt;');
    expect(html).toContain('<a href="https://wiki.example.org/" target="_blank" rel="noopener noreferrer">wiki</a>');
  });

  it('hands the sanitized text to `decorate` before it is shown', () => {
    const html = renderMarkdown('a <b>x</b> **b**', undefined, { ...short, decorate: (root) => root.querySelector('strong')!.setAttribute('data-seen', '') });
    expect(html.trim()).toBe('<p>a &lt;b&gt;x&lt;/b&gt; <strong data-seen="">b</strong></p>');
  });
});

describe('plainTextHtml (words without Markdown, made without marked)', () => {
  const viaMarked = (source: string, breaks: boolean) => DOMPurify.sanitize(new Marked({ gfm: true }).parse(source, { async: false, breaks }));
  /** The DOM a browser makes of `html`, as text with its elements: what the reader gets. */
  const dom = (html: string) => {
    const box = document.createElement('div');
    box.innerHTML = html;
    return box.innerHTML.replace(/\n(?=<|$)|(?<=>)\n/g, '');
  };

  it('makes what marked makes of words, paragraphs and line breaks', () => {
    const texts = [
      'Customer who placed the order; joins core.customers',
      'Sum of amount_usd in the period (net, after refunds): 95% of "it\'s" rows.',
      'First line  \nsecond line\n\n\nA paragraph of its own.\r\nAnd its line.',
      'ISO 4217 currency code #42 of the amounts, 2024 figures.\n',
    ];
    for (const text of texts) for (const breaks of [true, false]) {
      const plain = plainTextHtml(text.replace(/\r\n?/g, '\n'), breaks);
      expect(plain, text).not.toBeNull();
      expect(dom(plain!), text).toBe(dom(viaMarked(text, breaks)));
      expect(dom(renderMarkdown(text, undefined, { lineBreaks: breaks })), text).toBe(dom(viaMarked(text, breaks)));
    }
  });

  it('leaves to marked any text that may hold Markdown, HTML or an address it links', () => {
    const texts = ['**bold**', 'a *b*', '_x_', 'x_', '`c`', '[a](b)', '<b>', 'a & b', 'a | b', '~~s~~', '# H', 'Title\n===', '- item', '+ item', '1. one', '2) two', '> quote', '    code', '\tcode', 'see https://x.example', 'www.example.org', 'ops@example.org', 'a\\b'];
    for (const text of texts) expect(plainTextHtml(text, true), text).toBeNull();
  });
});

describe('sanitizeHtml', () => {
  it('keeps formatting and removes scripts, event handlers and styles', () => {
    const html = sanitizeHtml('<p onclick="x()" style="color:red">Hi <b>there</b></p><script>alert(1)</script><iframe src="//x"></iframe>');
    expect(html).toBe('<p>Hi <b>there</b></p>');
  });

  it('moves an announcement\'s headings below its post title (h2): its "Details" h2 becomes an h3, keeping attributes and content', () => {
    expect(sanitizeHtml('<p>Moved.</p><h2 id="details">Details <em>now</em></h2><p>x</p><h3>More</h3><h1>Top</h1>')).toBe(
      '<p>Moved.</p><h4 id="details">Details <em>now</em></h4><p>x</p><h5>More</h5><h3>Top</h3>',
    );
    expect(sanitizeHtml('<h2>Details</h2><h3>More</h3>')).toBe('<h3>Details</h3><h4>More</h4>');
    expect(sanitizeHtml('<p>No headings</p>')).toBe('<p>No headings</p>');
  });
});

describe('MarkdownRenderer', () => {
  it('makes only the code block that is wider than its box a Tab stop, for each new text', () => {
    // jsdom has no layout: a block is as wide as its text at 10 px a character, in a 300 px box.
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) { return (this.textContent ?? '').length * 10; });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    const long = `SELECT ${'column, '.repeat(10)}x;`;
    const { container, rerender } = render(createElement(MarkdownRenderer, { watchBlocks: watchScrollingBlocks, kind: 'markdown', source: `\`\`\`\n${long}\n\`\`\`\n\n\`\`\`\nSELECT 1;\n\`\`\`` }));
    const [wide, short] = container.querySelectorAll('pre');
    expect(wide!.getAttribute('tabindex')).toBe('0');
    expect(wide!.getAttribute('aria-label')).toBe('Code, scrolls sideways');
    expect(short!.hasAttribute('tabindex')).toBe(false);
    rerender(createElement(MarkdownRenderer, { watchBlocks: watchScrollingBlocks, kind: 'html', source: `<table><tbody><tr><td>${long}</td></tr></tbody></table>` }));
    expect(container.querySelector('table')!.getAttribute('aria-label')).toBe('Table, scrolls sideways');
  });

  it('watches a text for blocks that scroll only when it has a code block or table', () => {
    const watchBlocks = vi.fn(() => () => {});
    render(createElement(MarkdownRenderer, { watchBlocks, kind: 'markdown', source: 'No `block` here, only <pre> as text' }));
    expect(watchBlocks).not.toHaveBeenCalled();
    render(createElement(MarkdownRenderer, { watchBlocks, kind: 'markdown', source: '```\nSELECT 1;\n```' }));
    expect(watchBlocks).toHaveBeenCalledTimes(1);
  });

  it('renders a text again only when it or its options change, not at each render', () => {
    const parse = vi.spyOn(DOMPurify, 'sanitize');
    const props = { watchBlocks: () => () => {}, kind: 'markdown' as const, source: 'Once **only** (a text no other test renders)', headingsAsText: true, lineBreaks: true };
    const { container, rerender } = render(createElement(MarkdownRenderer, props));
    rerender(createElement(MarkdownRenderer, { ...props }));
    cleanup();
    // Shown again (a row a filter brings back): the text it made is kept.
    render(createElement(MarkdownRenderer, { ...props }));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(container.innerHTML).toBe('');
    expect(document.querySelector('strong')?.textContent).toBe('only');
  });
});
