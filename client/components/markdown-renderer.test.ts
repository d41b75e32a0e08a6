// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeHtml } from './markdown-renderer';

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

  it('makes code blocks and tables focusable, so the keyboard can scroll them when they are wider than their box', () => {
    const html = renderMarkdown('```\nSELECT 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toMatch(/<pre tabindex="0"><code>SELECT 1;/);
    expect(html).toContain('<table tabindex="0">');
    expect(sanitizeHtml('<pre>x</pre>')).toBe('<pre tabindex="0">x</pre>');
  });

  it('moves headings below the page\'s own', () => {
    expect(renderMarkdown('# Title\n\n## Sub')).toMatch(/<h3>Title<\/h3>\s*<h4>Sub<\/h4>/);
  });
});

describe('sanitizeHtml', () => {
  it('keeps formatting and removes scripts, event handlers and styles', () => {
    const html = sanitizeHtml('<p onclick="x()" style="color:red">Hi <b>there</b></p><script>alert(1)</script><iframe src="//x"></iframe>');
    expect(html).toBe('<p>Hi <b>there</b></p>');
  });
});
