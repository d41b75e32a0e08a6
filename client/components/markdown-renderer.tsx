// Loaded on demand by markdown.tsx: Markdown → HTML (marked) → sanitized HTML (DOMPurify). Raw HTML in
// Markdown is kept as text; links open in a new tab without access to this page; headings are moved
// below the heading the text sits under (shiftHeadings: the text's highest heading becomes `headingsFrom`,
// h3 by default, the others keep their distance to it); code blocks and tables that are wider than their
// box can be scrolled with the keyboard (scrolling-blocks.ts). A column's or nested field's description
// (decision 105) keeps each line break typed (`lineBreaks`) and has no headings: a heading there is a
// line of bold text (`headingsAsText`), not a heading of the page.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
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
/** Whether sanitized HTML has a code block or table (a `<` of the text is `&lt;` there). */
const HAS_BLOCKS = /<(?:pre|table)\b/;
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

/**
 * Makes each heading in `root` a paragraph of bold text: a column's "# Keys" in a table cell is a line of
 * the cell, not a heading of the page (one per column would flood a screen reader's list of headings).
 */
export function headingsToText(root: ParentNode): void {
  for (const heading of [...root.querySelectorAll<HTMLElement>(HEADING_TAGS)]) {
    const paragraph = heading.ownerDocument.createElement('p');
    const strong = heading.ownerDocument.createElement('strong');
    strong.append(...heading.childNodes);
    paragraph.append(strong);
    heading.replaceWith(paragraph);
  }
}

/** `headingsFrom`: the level of the highest heading, or `text`: no headings, each a paragraph of bold text. */
export type Headings = number | 'text';

/** Later changes to the DOM the sanitizer made (a column's "joins schema.table" as links): never given the source's markup unsanitized. */
export type Decorate = (root: DocumentFragment) => void;

function sanitize(html: string, headings: Headings, decorate?: Decorate): string {
  const fragment = DOMPurify.sanitize(html, { ...SANITIZE, RETURN_DOM_FRAGMENT: true });
  if (headings === 'text') headingsToText(fragment);
  else shiftHeadings(fragment, headings);
  decorate?.(fragment);
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

export interface MarkdownOptions {
  headings?: Headings;
  /** Each line break in the source a line break in the text (GitHub's comments), not a space. */
  lineBreaks?: boolean;
  decorate?: Decorate;
}

/**
 * Anything that may make Markdown or HTML of a text: a Markdown character, an underscore at a word's
 * edge (`snake_case` is no emphasis), a line that starts with a space, a block's marker or a list's
 * number, an address GFM would link. A text with none is words in paragraphs.
 */
const MAY_BE_MARKUP = /[\\`*[\]<>&|~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|^[ \t]|^(?:[#=+-]|\d+[.)])|:\/\/|www\.|@/mu;

/**
 * The HTML marked makes of a text that has no Markdown in it (MAY_BE_MARKUP), made without marked and
 * the sanitizer: paragraphs at blank lines, each line break a <br> (`lineBreaks`) or kept; null for any
 * other text. Most column descriptions are such words, and a columns table has hundreds of them.
 */
export function plainTextHtml(source: string, lineBreaks: boolean): string | null {
  if (MAY_BE_MARKUP.test(source)) return null;
  return source
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => {
      const lines = escapeHtml(paragraph).split('\n');
      // Without `lineBreaks`, only two spaces at a line's end make a break (Markdown's hard break).
      return `<p>${lines.map((line, i) => line.trimEnd() + (i === lines.length - 1 ? '' : lineBreaks || / {2}$/.test(line) ? '<br>' : '\n')).join('')}</p>`;
    })
    .join('');
}

export function renderMarkdown(source: string, headingsFrom: number = HEADINGS_FROM, options: MarkdownOptions = {}): string {
  const lineBreaks = options.lineBreaks ?? false;
  const plain = source.trim() ? plainTextHtml(source.replace(/\r\n?/g, '\n'), lineBreaks) : null;
  if (plain !== null && !options.decorate) return plain;
  return sanitize(plain ?? marked.parse(source, { async: false, breaks: lineBreaks }), options.headings ?? headingsFrom, options.decorate);
}

export function sanitizeHtml(html: string, headingsFrom = HEADINGS_FROM): string {
  return sanitize(html, headingsFrom);
}

// The HTML of the texts rendered last, by their source and options: a columns table re-renders its rows
// as a filter is typed, and a row the filter brings back would otherwise parse its text again.
const RENDERED_KEPT = 1000;
const rendered = new Map<string, string>();

function renderKept(kind: MarkdownRendererProps['kind'], source: string, headings: Headings, lineBreaks: boolean): string {
  const key = `${kind}\u0000${headings}\u0000${lineBreaks}\u0000${source}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = kind === 'markdown' ? renderMarkdown(source, HEADINGS_FROM, { headings, lineBreaks }) : sanitizeHtml(source, typeof headings === 'number' ? headings : HEADINGS_FROM);
    if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  } else rendered.delete(key);
  rendered.set(key, html);
  return html;
}

/** Applies `decorate` to HTML this module made (sanitized already): parsed in a template, which loads and runs nothing. */
function decorated(html: string, decorate: Decorate): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  decorate(template.content);
  return template.innerHTML;
}

export interface MarkdownRendererProps {
  kind: 'markdown' | 'html';
  source: string;
  className?: string;
  headingsFrom?: number;
  /** No headings: each is a paragraph of bold text (a column's description). Overrides `headingsFrom`. */
  headingsAsText?: boolean;
  /** Each line break in the source a line break in the text. */
  lineBreaks?: boolean;
  /** Changes made to the sanitized text before it is shown; keep it stable (a new function renders again). */
  decorate?: Decorate;
  /** What shows instead while this code loads, or if it does not arrive (markdown.tsx); not used here. */
  plain?: ReactNode;
  /**
   * watchScrollingBlocks, handed over by markdown.tsx: imported there, it lives in the chunk the pages
   * load anyway, which code-block.tsx shares, instead of a chunk of its own that the app's entry would
   * have to name (the first page's budget).
   */
  watchBlocks: (container: HTMLElement) => () => void;
}

export default function MarkdownRenderer({ kind, source, className, headingsFrom = HEADINGS_FROM, headingsAsText = false, lineBreaks = false, decorate, watchBlocks }: MarkdownRendererProps) {
  const headings: Headings = headingsAsText ? 'text' : headingsFrom;
  const html = useMemo(() => {
    const made = renderKept(kind, source, headings, lineBreaks);
    return decorate ? decorated(made, decorate) : made;
  }, [kind, source, headings, lineBreaks, decorate]);
  const container = useRef<HTMLDivElement>(null);
  // Before paint, so a block that scrolls is never shown without its name; again for each new HTML. Only
  // where there is a block to watch: a columns table has hundreds of texts, nearly all without one.
  useLayoutEffect(() => (container.current && HAS_BLOCKS.test(html) ? watchBlocks(container.current) : undefined), [html, watchBlocks]);
  return <div ref={container} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
