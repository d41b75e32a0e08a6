// Loaded on demand by markdown.tsx: Markdown → HTML (marked) → sanitized HTML (DOMPurify). Raw HTML in
// Markdown is kept as text; links open in a new tab without access to this page; headings are moved
// below the heading the text sits under (shiftHeadings: the text's highest heading becomes `headingsFrom`,
// h3 by default, the others keep their distance to it); code blocks and tables that are wider than their
// box can be scrolled with the keyboard (scrolling-blocks.ts).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useLayoutEffect, useRef } from 'react';
import { escapeHtml } from '../../contract/escape-html';

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
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

/** The level of a text's highest heading unless its place says otherwise: below a page's or a card's h2. */
export const HEADINGS_FROM = 3;
const HEADING_TAGS = 'h1, h2, h3, h4, h5, h6';

/**
 * Moves the headings in `root` so the highest of them is an h`from` and the others keep their distance
 * to it, at most h6: under a post's h2 title, its "<h2>Details</h2><h3>…" becomes h3 and h4, and a
 * description of "## Sizes" alone an h3, never a level skipped after the heading it sits under.
 */
export function shiftHeadings(root: ParentNode, from: number): void {
  const headings = [...root.querySelectorAll<HTMLElement>(HEADING_TAGS)];
  const levelOf = (heading: Element) => Number(heading.tagName.slice(1));
  const highest = Math.min(...headings.map(levelOf));
  for (const heading of headings) {
    const level = Math.min(6, from + levelOf(heading) - highest);
    if (level === levelOf(heading)) continue;
    const moved = heading.ownerDocument.createElement(`h${level}`);
    for (const { name, value } of [...heading.attributes]) moved.setAttribute(name, value);
    moved.append(...heading.childNodes);
    heading.replaceWith(moved);
  }
}

function sanitize(html: string, headingsFrom: number): string {
  const fragment = DOMPurify.sanitize(html, { ...SANITIZE, RETURN_DOM_FRAGMENT: true });
  shiftHeadings(fragment, headingsFrom);
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

export function renderMarkdown(source: string, headingsFrom = HEADINGS_FROM): string {
  return sanitize(marked.parse(source, { async: false }), headingsFrom);
}

export function sanitizeHtml(html: string, headingsFrom = HEADINGS_FROM): string {
  return sanitize(html, headingsFrom);
}

export interface MarkdownRendererProps {
  kind: 'markdown' | 'html';
  source: string;
  className?: string;
  headingsFrom?: number;
  /**
   * watchScrollingBlocks, handed over by markdown.tsx: imported there, it lives in the chunk the pages
   * load anyway, which code-block.tsx shares, instead of a chunk of its own that the app's entry would
   * have to name (the first page's budget).
   */
  watchBlocks: (container: HTMLElement) => () => void;
}

export default function MarkdownRenderer({ kind, source, className, headingsFrom = HEADINGS_FROM, watchBlocks }: MarkdownRendererProps) {
  const html = kind === 'markdown' ? renderMarkdown(source, headingsFrom) : sanitizeHtml(source, headingsFrom);
  const container = useRef<HTMLDivElement>(null);
  // Before paint, so a block that scrolls is never shown without its name; again for each new HTML.
  useLayoutEffect(() => (container.current ? watchBlocks(container.current) : undefined), [html, watchBlocks]);
  return <div ref={container} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
