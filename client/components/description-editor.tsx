// A description being written: a text area (with a Markdown preview where descriptions are Markdown),
// a live count against the length limit (for a text already over it, against its own length), Save
// and Cancel. The text is the caller's (controlled), so a failed save never loses it. Keys: Ctrl+Enter
// (⌘+Enter) saves; Enter saves too where `submitOnEnter` (short descriptions; Shift+Enter for a new
// line); Escape cancels. Trying to save a text that is too long says so, as an alert: the field's
// invalid state and count were set while typing, and are not said again by themselves.
import { useCallback, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './button';
import { Markdown } from './markdown';
import { Tabs } from './tabs';
import './description-editor.css';
import { allowedDescriptionLength, countCharacters } from '../../contract/text-length';
import { formatWholeNumber } from '../lib/format-number';

export interface DescriptionEditorProps {
  /** The text area's name ("Description of sales.orders"). */
  label: string;
  text: string;
  onTextChange: (text: string) => void;
  maxLength: number;
  /** The text the edit began from: when it was already over `maxLength`, the text may keep its length. */
  base?: string | null;
  /** Markdown: a Write/Preview pair of tabs, and the syntax named under the text. */
  markdown?: boolean;
  /** Markdown named under the text, without the tabs: a short text in a table cell (a column's, decision 105). */
  markdownHint?: boolean;
  submitOnEnter?: boolean;
  saving: boolean;
  /** Why the last save failed; the text stays. */
  error?: ReactNode;
  /** Something to know before going on (the text was restored from a draft), above the text area and read with it. */
  notice?: ReactNode;
  onSave: () => void;
  onCancel: () => void;
  saveLabel?: string;
}

/**
 * Whether `text` is too long to save, counted as the server counts it (in code points: an emoji is
 * one): over the limit, unless the text the edit began from (`base`) was already longer, as an
 * imported text may be; then over that text's length (an edit may not make it longer: decision 059).
 */
export function isTooLong(text: string, maxLength: number, base?: string | null): boolean {
  return countCharacters(text) > allowedDescriptionLength(maxLength, base);
}

/** What a save of a too long `text` is told: how many characters too many. */
export function tooLongMessage(text: string, maxLength: number, base?: string | null): string {
  const allowed = allowedDescriptionLength(maxLength, base);
  const over = countCharacters(text) - allowed;
  return `Not saved: ${formatWholeNumber(over)} ${over === 1 ? 'character' : 'characters'} too many (at most ${formatWholeNumber(allowed)}). Shorten the text to save it.`;
}

/** The live count of `text`, and what is wrong when it is too long (`base`: the text the edit began from). */
export function LengthCount({ id, text, maxLength, base }: { id: string; text: string; maxLength: number; base?: string | null }) {
  const length = countCharacters(text);
  const allowed = allowedDescriptionLength(maxLength, base);
  const over = length - allowed;
  const wasOver = allowed > maxLength;
  return (
    <p id={id} className={over > 0 ? 'description-editor__count description-editor__count--over' : 'description-editor__count'}>
      {formatWholeNumber(length)} / {formatWholeNumber(maxLength)} characters
      {over > 0 && wasOver ? (
        <> · {formatWholeNumber(over)} more than the {formatWholeNumber(allowed)} it had: it was already over the limit, so it may not grow. Shorten it to save</>
      ) : over > 0 ? (
        <> · {formatWholeNumber(over)} too many: shorten it to save</>
      ) : wasOver ? (
        <> · already over the limit when you began: you can save it as long as it stays at most {formatWholeNumber(allowed)}</>
      ) : null}
    </p>
  );
}

export function DescriptionEditor({ label, text, onTextChange, maxLength, base, markdown = false, markdownHint = false, submitOnEnter = false, saving, error, notice, onSave, onCancel, saveLabel = 'Save' }: DescriptionEditorProps) {
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const countId = useId();
  const errorId = useId();
  const noticeId = useId();
  const tooLong = isTooLong(text, maxLength, base);
  /** Saves tried with the text too long: each a new alert, so a second try is said again. */
  const [triedTooLong, setTriedTooLong] = useState(0);

  function save() {
    if (tooLong) setTriedTooLong((tries) => tries + 1);
    else if (!saving) onSave();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing && event.target instanceof HTMLTextAreaElement && ((event.ctrlKey || event.metaKey) || (submitOnEnter && !event.shiftKey))) {
      event.preventDefault();
      save();
    }
  }

  // Focus on opening (and on coming back from the preview) with the caret after the text, where a
  // person goes on writing; `autoFocus` left it before the text. Stable, so it runs once per textarea.
  const focusAtEnd = useCallback((box: HTMLTextAreaElement | null) => {
    if (!box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, []);

  const textarea = (
    <textarea
      ref={focusAtEnd}
      className="description-editor__text"
      aria-label={label}
      aria-describedby={[notice ? noticeId : null, countId, error ? errorId : null].filter(Boolean).join(' ')}
      aria-invalid={tooLong || undefined}
      value={text}
      rows={markdown ? 8 : 3}
      onChange={(event) => onTextChange(event.target.value)}
    />
  );

  return (
    <form
      className="description-editor"
      aria-label={`Editing: ${label}`}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {notice ? (
        <div id={noticeId} className="description-editor__notice">
          {notice}
        </div>
      ) : null}
      {markdown ? (
        <Tabs
          label={`${label}: write or preview`}
          items={[
            { value: 'write', label: 'Write' },
            { value: 'preview', label: 'Preview' },
          ]}
          value={tab}
          onChange={setTab}
          className="description-editor__tabs"
        >
          {tab === 'write' ? (
            textarea
          ) : text.trim() ? (
            <Markdown source={text} className="description-editor__preview" />
          ) : (
            <p className="muted description-editor__preview">Nothing to preview yet.</p>
          )}
        </Tabs>
      ) : (
        textarea
      )}
      <div className="description-editor__footer">
        <LengthCount id={countId} text={text} maxLength={maxLength} base={base} />
        <div className="description-editor__actions">
          {/* Not `disabled` while saving: a disabled button loses the focus (to the page's start), and a
              failed save would leave the keyboard nowhere; save() does nothing while a save is on its way. */}
          <Button type="submit" variant="primary" size="sm" disabled={tooLong} aria-disabled={saving || undefined}>
            {saving ? 'Saving…' : saveLabel}
          </Button>
          <Button size="sm" variant="ghost" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </div>
      </div>
      {tooLong && triedTooLong > 0 ? (
        <p key={triedTooLong} className="visually-hidden" role="alert">
          {tooLongMessage(text, maxLength, base)}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="description-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="description-editor__keys muted">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {submitOnEnter ? <>or <kbd>Enter</kbd> </> : null}saves ·{' '}
        {submitOnEnter ? <><kbd>Shift</kbd>+<kbd>Enter</kbd> starts a new line · </> : null}<kbd>Esc</kbd> cancels
        {markdown || markdownHint ? ' · Markdown: **bold**, _italic_, `code`, [links](https://…), lists' : null}
      </p>
    </form>
  );
}
