// Markdown (table descriptions, programmatic descriptions) and operator HTML (announcements, notices),
// rendered with marked and sanitized with DOMPurify. Both load with the first page that needs them, not
// with the app: until then the text shows as plain text, so nothing jumps. If that code does not arrive
// (the server restarting, a newer version deployed since the page was opened), the text stays plain and
// the next render asks for the code again (lazy-part.tsx); the page around it stays.
import { Suspense, type ReactNode } from 'react';
import { cx } from './class-names';
import { lazyPart } from './lazy-part';
import type MarkdownRendererType from './markdown-renderer';
import type { Decorate } from './markdown-renderer';
import { watchScrollingBlocks } from './scrolling-blocks';
import './markdown.css';

type RendererProps = Parameters<typeof MarkdownRendererType>[0];

/** The text without the renderer: Markdown's source as written (or `plain`); HTML's words, its tags taken out (never run). */
function PlainText({ kind, source, className, plain }: RendererProps) {
  const text = kind === 'markdown' ? (plain ?? source) : new DOMParser().parseFromString(source, 'text/html').body.textContent;
  return <div className={cx(className, 'markdown--plain')}>{text}</div>;
}

const MarkdownRenderer = lazyPart(() => import('./markdown-renderer'), PlainText);

export interface MarkdownProps {
  source: string;
  className?: string;
  /** The level of the text's highest heading, one below the heading it sits under (h3 under an h2). */
  headingsFrom?: number;
  /** No headings: each a paragraph of bold text, for text in a table cell (a column's description, decision 105). */
  headingsAsText?: boolean;
  /** Each line break typed a line break shown (short descriptions, written with Shift+Enter). */
  lineBreaks?: boolean;
  /** Changes to the sanitized text before it shows (stable: a new function renders again). */
  decorate?: Decorate;
  /** What shows while the renderer loads, or if it does not arrive: by default the source as written. */
  plain?: ReactNode;
}

export function Markdown({ source, className, plain, ...options }: MarkdownProps) {
  return (
    <Suspense fallback={<div className={cx('markdown', 'markdown--plain', className)}>{plain ?? source}</div>}>
      <MarkdownRenderer {...options} kind="markdown" source={source} className={cx('markdown', className)} plain={plain} watchBlocks={watchScrollingBlocks} />
    </Suspense>
  );
}

/** HTML from the server (announcements, notices from the UI config), sanitized before it is shown. */
export function SanitizedHtml({ html, className, headingsFrom }: { html: string; className?: string; headingsFrom?: number }) {
  return (
    <Suspense fallback={<div className={cx('markdown', className)} aria-busy="true" />}>
      <MarkdownRenderer kind="html" source={html} className={cx('markdown', className)} headingsFrom={headingsFrom} watchBlocks={watchScrollingBlocks} />
    </Suspense>
  );
}
