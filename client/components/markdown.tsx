// Markdown (table descriptions, programmatic descriptions) and operator HTML (announcements, notices),
// rendered with marked and sanitized with DOMPurify. Both load with the first page that needs them, not
// with the app: until then the text shows as plain text, so nothing jumps. If that code does not arrive
// (the server restarting, a newer version deployed since the page was opened), the text stays plain and
// the next render asks for the code again (lazy-part.tsx); the page around it stays.
import { Suspense } from 'react';
import { cx } from './class-names';
import { lazyPart } from './lazy-part';
import type MarkdownRendererType from './markdown-renderer';
import { watchScrollingBlocks } from './scrolling-blocks';
import './markdown.css';

type RendererProps = Parameters<typeof MarkdownRendererType>[0];

/** The text without the renderer: Markdown's source as written; HTML's words, its tags taken out (never run). */
function PlainText({ kind, source, className }: RendererProps) {
  const text = kind === 'markdown' ? source : new DOMParser().parseFromString(source, 'text/html').body.textContent;
  return <div className={cx(className, 'markdown--plain')}>{text}</div>;
}

const MarkdownRenderer = lazyPart(() => import('./markdown-renderer'), PlainText);

/** `headingsFrom`: the level of the text's highest heading, one below the heading it sits under (h3 under an h2). */
export function Markdown({ source, className, headingsFrom }: { source: string; className?: string; headingsFrom?: number }) {
  return (
    <Suspense fallback={<div className={cx('markdown', 'markdown--plain', className)}>{source}</div>}>
      <MarkdownRenderer kind="markdown" source={source} className={cx('markdown', className)} headingsFrom={headingsFrom} watchBlocks={watchScrollingBlocks} />
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
