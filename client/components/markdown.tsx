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

/** The text without the renderer: Markdown's source as written (or `plain`); HTML's words, its tags taken out (never run). */
function PlainText({ kind, source, className, plain }: RendererProps) {
  const text = kind === 'markdown' ? (plain ?? source) : new DOMParser().parseFromString(source, 'text/html').body.textContent;
  return <div className={cx(className, 'markdown--plain')}>{text}</div>;
}

const MarkdownRenderer = lazyPart(() => import('./markdown-renderer'), PlainText);

/**
 * `headingsFrom`, `headingsAsText` (a table cell's text, decision 105), `lineBreaks`, `decorate`: as the
 * renderer takes them (markdown-renderer.tsx). `plain`: what shows while the renderer loads, or if it
 * does not arrive; by default the source as written. `deferred`: that plain form for now, rendered once
 * it is false (a columns table's rows far from the screen, decision 110).
 */
export type MarkdownProps = { source: string; className?: string; deferred?: boolean } &
  Pick<RendererProps, 'headingsFrom' | 'headingsAsText' | 'lineBreaks' | 'decorate' | 'plain'>;

export function Markdown({ source, className, plain, deferred = false, ...options }: MarkdownProps) {
  const plainForm = <div className={cx('markdown', 'markdown--plain', className)}>{plain ?? source}</div>;
  if (deferred) return plainForm;
  return (
    <Suspense fallback={plainForm}>
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
