// Shown when a description save is refused because someone changed the text since the edit began:
// their text (with who and when, where known) beside mine, what differs word by word, and three ways
// on — keep mine (saved over theirs, knowingly), keep theirs (mine dropped), or a merge to edit,
// which starts as mine. Nothing is saved or dropped without one of these buttons (Cancel, or Escape,
// asks the caller to cancel, which asks before dropping mine). When the other save was the signed-in person's
// own (another tab or window), it says so instead of "someone else"; when the author is unknown (real
// Amundsen keeps no edit log), it blames no one.
import { Fragment, useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { CurrentDescription } from '../lib/description-conflict';
import { useFormatDate } from '../app/app-data';
import { Button } from './button';
import { isTooLong, LengthCount } from './description-editor';
import { watchScrollingBox } from './scrolling-blocks';
import { diffWords, runsIntoPrevious } from './word-diff';
import './conflict-view.css';

export const CONFLICT_TITLE = 'Someone else changed this description';
export const OWN_CONFLICT_TITLE = 'You changed this description in another tab or window';
export const UNKNOWN_CONFLICT_TITLE = 'This description changed while you were editing';

export interface ConflictViewProps {
  theirs: CurrentDescription;
  mine: string;
  merged: string;
  onMergedChange: (text: string) => void;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  onSaveMerged: () => void;
  /** Cancel or Escape: leave the conflict view (the caller asks before dropping mine). */
  onCancel: () => void;
  /** The text now stored was saved by the signed-in person themselves (in another tab or window). */
  byYou?: boolean;
  maxLength: number;
  saving: boolean;
  error?: ReactNode;
}

/**
 * A box of text that scrolls when long (max-height in conflict-view.css): a named Tab stop while it
 * scrolls, so the keyboard can scroll it (decision 038's rule, scrolling-blocks.ts), and none when it fits.
 */
function useScrollingBox<T extends HTMLElement>(name: string, content: unknown) {
  const box = useRef<T>(null);
  useLayoutEffect(() => watchScrollingBox(box.current!, `${name}, scrolls`), [name, content]);
  return box;
}

/** One version's text, in a box that scrolls when long. */
function VersionText({ name, text, testId }: { name: string; text: string; testId: string }) {
  const box = useScrollingBox<HTMLDivElement>(name, text);
  return (
    <div ref={box} className="conflict__text" data-testid={testId}>
      {text || <span className="muted">(no description)</span>}
    </div>
  );
}

function WordDiff({ before, after, other }: { before: string; after: string; other: string }) {
  const parts = diffWords(before, after);
  const box = useScrollingBox<HTMLParagraphElement>('What differs', `${before}\u0000${after}`);
  return (
    <p ref={box} className="conflict__diff" data-testid="conflict-diff">
      {parts.map((part, i) => {
        // A removal right beside an addition ("shop" then "placed") would read as one word ("shopplaced"): a space between them, seen only.
        const gap = runsIntoPrevious(parts, i) ? <span aria-hidden="true"> </span> : null;
        return part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <Fragment key={i}>
            {gap}
            <del title={`Only in ${other}`}>
              <span className="visually-hidden">[only in {other}: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          </Fragment>
        ) : (
          <Fragment key={i}>
            {gap}
            <ins title="Only in mine">
              <span className="visually-hidden">[only in mine: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          </Fragment>
        );
      })}
    </p>
  );
}

function Byline({ theirs, byYou }: { theirs: CurrentDescription; byYou: boolean }) {
  const formatDate = useFormatDate();
  const at = theirs.edited_at ? Date.parse(theirs.edited_at) : NaN;
  const when = Number.isFinite(at) ? formatDate(at / 1000, 'dateTimeShort') : null;
  if (byYou) {
    return (
      <p className="conflict__byline muted" data-testid="conflict-byline">
        Saved by you{when ? <> on {when}</> : null} in another tab or window, while you were editing here.
      </p>
    );
  }
  if (!theirs.edited_by && !when) return <p className="conflict__byline muted">Saved while you were editing, by someone else or by you in another tab or window.</p>;
  return (
    <p className="conflict__byline muted" data-testid="conflict-byline">
      Saved {theirs.edited_by ? <>by {theirs.edited_by}</> : null}
      {when ? <> on {when}</> : null} while you were editing.
    </p>
  );
}

export function ConflictView({ theirs, mine, merged, onMergedChange, onKeepMine, onKeepTheirs, onSaveMerged, onCancel, byYou = false, maxLength, saving, error }: ConflictViewProps) {
  const titleId = useId();
  const countId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const theirText = theirs.description ?? '';
  // Saved over theirs, so held to their text's length where that was already over the limit (decision 059).
  const mergeTooLong = isTooLong(merged, maxLength, theirs.description);
  const mineTooLong = isTooLong(mine, maxLength, theirs.description);
  // The other side is "theirs", or, when it was this person's own save elsewhere, "the other tab's".
  const other = byYou ? 'the other tab’s' : 'theirs';
  const Other = byYou ? 'The other tab’s' : 'Theirs';

  // Move focus to the title, so the change of view is announced and the reading starts here.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section
      className="conflict"
      role="region"
      aria-labelledby={titleId}
      data-testid="description-conflict"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={titleId} ref={heading} tabIndex={-1} className="conflict__title">
        {byYou ? OWN_CONFLICT_TITLE : theirs.edited_by ? CONFLICT_TITLE : UNKNOWN_CONFLICT_TITLE}
      </h3>
      <p className="conflict__lead">Your text {byYou ? 'in this tab ' : ''}was not saved. Compare the two, then keep one or save a merge of both.</p>
      <div className="conflict__sides">
        <section className="conflict__side" aria-label={Other}>
          <h4 className="conflict__side-title">{Other}</h4>
          <Byline theirs={theirs} byYou={byYou} />
          <VersionText name={Other} text={theirText} testId="conflict-theirs" />
        </section>
        <section className="conflict__side conflict__side--mine" aria-label="Mine">
          <h4 className="conflict__side-title">Mine</h4>
          <p className="conflict__byline muted">Your edit, not saved yet.</p>
          <VersionText name="Mine" text={mine} testId="conflict-mine" />
        </section>
      </div>
      <section className="conflict__changes" aria-label="Differences">
        <h4 className="conflict__side-title">
          What differs <span className="muted conflict__legend">(<del>only in {other}</del> · <ins>only in mine</ins>)</span>
        </h4>
        <WordDiff before={theirText} after={mine} other={other} />
      </section>
      <div className="conflict__actions">
        {/* While saving the buttons are aria-disabled, not disabled: the pressed one keeps the focus for when the save fails. */}
        <Button variant="primary" size="sm" onClick={() => !saving && onKeepMine()} disabled={mineTooLong} aria-disabled={saving || undefined}>
          Keep mine
        </Button>
        <Button size="sm" onClick={() => !saving && onKeepTheirs()} aria-disabled={saving || undefined}>
          Keep {other}
        </Button>
      </div>
      <form
        className="conflict__merge"
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving && !mergeTooLong) onSaveMerged();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !saving && !mergeTooLong) {
            event.preventDefault();
            onSaveMerged();
          }
        }}
      >
        <label className="conflict__merge-label">
          Merged description
          <textarea className="conflict__merge-text" value={merged} rows={5} aria-describedby={countId} aria-invalid={mergeTooLong || undefined} onChange={(event) => onMergedChange(event.target.value)} />
        </label>
        <div className="conflict__merge-footer">
          <LengthCount id={countId} text={merged} maxLength={maxLength} base={theirs.description} />
          <Button type="submit" size="sm" disabled={mergeTooLong} aria-disabled={saving || undefined}>
            {saving ? 'Saving…' : 'Save merged'}
          </Button>
        </div>
      </form>
      {error ? (
        <p className="conflict__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="conflict__footer">
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <p className="conflict__keys muted">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves the merge · <kbd>Esc</kbd> cancels
        </p>
      </div>
    </section>
  );
}
