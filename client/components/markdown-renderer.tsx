// Loaded on demand by markdown.tsx: Markdown → HTML (marked) → sanitized HTML (DOMPurify). Raw HTML in
// Markdown is kept as text; links open in a new tab without access to this page; headings are moved
// down below the page's own (a description's "# Title" becomes an h3); code blocks and tables can be
// scrolled with the keyboard.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { escapeHtml } from '../../contract/escape-html';

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

// Code blocks and tables scroll sideways inside their box when too wide (markdown.css): focusable, so
// the keyboard can scroll them too.
const SCROLLING_BLOCKS = new Set(['PRE', 'TABLE']);

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (SCROLLING_BLOCKS.has(node.tagName)) node.setAttribute('tabindex', '0');
});

const SANITIZE = { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'] };

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(marked.parse(source, { async: false }), SANITIZE);
}

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, SANITIZE);
}

export default function MarkdownRenderer({ kind, source, className }: { kind: 'markdown' | 'html'; source: string; className?: string }) {
  const html = kind === 'markdown' ? renderMarkdown(source) : sanitizeHtml(source);
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
