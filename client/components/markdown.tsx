// Markdown (table descriptions, programmatic descriptions) and operator HTML (announcements, notices),
// rendered with marked and sanitized with DOMPurify. Both load with the first page that needs them, not
// with the app: until then the text shows as plain text, so nothing jumps.
import { lazy, Suspense } from 'react';
import { cx } from './class-names';
import { watchScrollingBlocks } from './scrolling-blocks';
import './markdown.css';

const MarkdownRenderer = lazy(() => import('./markdown-renderer'));

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
