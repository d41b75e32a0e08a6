// Loaded on demand by markdown.tsx: Markdown → HTML (marked) → sanitized HTML (DOMPurify). Raw HTML in
// Markdown is kept as text; links open in a new tab without access to this page; headings are moved
// down below the page's own (a description's "# Title" becomes an h3); code blocks and tables that are
// wider than their box can be scrolled with the keyboard (scrolling-blocks.ts).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useLayoutEffect, useRef } from 'react';
import { escapeHtml } from '../../contract/escape-html';
import { watchScrollingBlocks } from './scrolling-blocks';

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

// Whether a code block or table is a Tab stop, and its name then, depends on the layout (whether it
// scrolls sideways): the renderer decides that, not the source, so the source's own are dropped.
const SCROLLING_BLOCKS = new Set(['PRE', 'TABLE']);
const LAYOUT_ATTRIBUTES = ['tabindex', 'role', 'aria-label'];

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (SCROLLING_BLOCKS.has(node.tagName)) for (const name of LAYOUT_ATTRIBUTES) node.removeAttribute(name);
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
  const container = useRef<HTMLDivElement>(null);
  // Before paint, so a block that scrolls is never shown without its name; again for each new HTML.
  useLayoutEffect(() => (container.current ? watchScrollingBlocks(container.current) : undefined), [html]);
  return <div ref={container} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
