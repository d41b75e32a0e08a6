// A column's description as the columns table shows it: Markdown, rendered as a table's description
// is (one sanitizer) but each line break kept (Shift+Enter makes one in the editor) and no headings of
// its own (decision 105); its "joins schema.table" hints as links to the joined table; clamped when
// long; and "No description" when there is none or only white space. Until the renderer has loaded
// (or if it does not arrive), and while its row is far from the screen (decision 110), the text shows
// as written, its hints linked already.
import { useCallback } from 'react';
import { AppLink } from '../../../components/app-link';
import { ClampedText } from '../../../components/clamped-text';
import { cx } from '../../../components/class-names';
import { Markdown, type MarkdownProps } from '../../../components/markdown';
import { NO_DESCRIPTION, shownDescription } from '../../../lib/description-text';
import { splitJoinHints } from '../join-hints';
import { joinLinkTitle, linkJoinHints, type JoinLinkFor } from '../link-join-hints';
import './column-description.css';

/**
 * A column's or nested field's description as Markdown: each line break kept, headings as bold lines
 * (no heading of the page in a table cell), blocks spaced tighter than a page's (decision 105).
 */
export function ShortMarkdown({ source, className, decorate, plain, deferred }: Pick<MarkdownProps, 'source' | 'className' | 'decorate' | 'plain' | 'deferred'>) {
  return <Markdown source={source} className={cx('short-markdown', className)} headingsAsText lineBreaks decorate={decorate} plain={plain} deferred={deferred} />;
}

/** The source as written, its hints linked: what shows before the Markdown is rendered. */
function PlainWithJoinLinks({ text, joinLinkFor }: { text: string; joinLinkFor: JoinLinkFor }) {
  return splitJoinHints(text).map((segment, i) => {
    if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
    const link = joinLinkFor(segment.hint);
    return (
      <AppLink key={i} to={link.to} className="join-link" data-testid="join-link" title={joinLinkTitle(segment.text, link.direct)}>
        {segment.text}
      </AppLink>
    );
  });
}

/** `deferred`: the text as written for now, its Markdown rendered once it is false (a row far from the screen, decision 110). */
export function ColumnDescription({ text, columnName, joinLinkFor, deferred = false }: { text: string | null; columnName: string; joinLinkFor: JoinLinkFor; deferred?: boolean }) {
  const shown = shownDescription(text);
  const hasHints = !!shown && splitJoinHints(shown).some((segment) => segment.kind === 'join');
  const decorate = useCallback((root: DocumentFragment) => linkJoinHints(root, joinLinkFor), [joinLinkFor]);
  if (!shown) return <span className="muted">{NO_DESCRIPTION}</span>;
  return (
    // Anew when the row's Markdown is rendered, so the clamp is measured on the rendered text before that
    // paint (its ResizeObserver would drop a "Show more" the text as written needed a frame later).
    <ClampedText key={deferred ? 'as-written' : 'rendered'} size="short" label={`the description of ${columnName}`}>
      <ShortMarkdown
        source={shown}
        className="column-description"
        decorate={hasHints ? decorate : undefined}
        plain={hasHints ? <PlainWithJoinLinks text={shown} joinLinkFor={joinLinkFor} /> : undefined}
        deferred={deferred}
      />
    </ClampedText>
  );
}
