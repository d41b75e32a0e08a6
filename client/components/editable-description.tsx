// A description that people with the right may edit in place: the text with an Edit button; the
// editor; and, when someone else saved meanwhile, the conflict view. The edit remembers the text it
// began from (`base`) and sends it with every save. A failed save keeps the editor open with the text;
// leaving the editor (saved, cancelled, theirs kept) puts focus back on the Edit button.
// With a `draft` slot, the text being written is kept in the tab while typing and until it is saved
// or dropped, so a save refused because the session ended (401: off to log in) loses nothing: back on
// the page, the editor opens again with the text and says so (decision 017).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError, isUnauthorized } from '../lib/api-error';
import { descriptionConflictOf, type CurrentDescription } from '../lib/description-conflict';
import type { DescriptionDraft, DraftSlot } from '../lib/description-drafts';
import { Button } from './button';
import { ConflictView } from './conflict-view';
import { DescriptionEditor } from './description-editor';
import './editable-description.css';

export interface EditableDescriptionProps {
  value: string | null;
  /** The text shown when not editing. */
  children: ReactNode;
  canEdit: boolean;
  /** The Edit button's visible text ("Edit description", or "Edit" beside a column). */
  editText: string;
  /** The button's full name where the visible text is short ("Edit description of customer_id"); it starts with the visible text. */
  editName?: string;
  /** The text area's name ("Description of sales.orders"). */
  fieldLabel: string;
  maxLength: number;
  markdown?: boolean;
  submitOnEnter?: boolean;
  /** Saves `text` as an edit of `base`; rejects with the server's error (a 409 opens the conflict view). */
  save: (text: string, base: string | null) => Promise<unknown>;
  /** Where this field's unsaved text is kept (see lib/description-drafts.ts); none: nothing is kept. */
  draft?: DraftSlot;
  className?: string;
}

type Mode =
  | { kind: 'view' }
  | { kind: 'edit'; base: string | null }
  | { kind: 'conflict'; theirs: CurrentDescription; mine: string };

/** A kept draft worth showing: one that differs from what is saved now (else it was saved after all). */
function restorableDraft(slot: DraftSlot | undefined, value: string | null, canEdit: boolean): DescriptionDraft | null {
  const kept = canEdit ? (slot?.read() ?? null) : null;
  return kept && kept.text !== (value ?? '') ? kept : null;
}

export function EditableDescription({ value, children, canEdit, editText, editName, fieldLabel, maxLength, markdown, submitOnEnter, save, draft: slot, className }: EditableDescriptionProps) {
  const [restored] = useState(() => restorableDraft(slot, value, canEdit));
  const [mode, setMode] = useState<Mode>(() => (restored ? { kind: 'edit', base: restored.base } : { kind: 'view' }));
  const [draft, setDraft] = useState(restored?.text ?? '');
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [merged, setMerged] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEditOnView = useRef(false);

  // A kept draft that matches the saved text (or that this person may no longer save) is done with.
  useEffect(() => {
    if (!restored) slot?.discard();
    // Only when the field first shows: later, a draft is the one being written here.
  }, []);

  useEffect(() => {
    if (mode.kind === 'view' && focusEditOnView.current) {
      focusEditOnView.current = false;
      editButton.current?.focus();
    }
  }, [mode.kind]);

  /** Leaves the editor, the text saved or dropped: its draft goes too. */
  function close() {
    slot?.discard();
    setShowRestored(false);
    focusEditOnView.current = true;
    setError(null);
    setMode({ kind: 'view' });
  }

  function startEditing() {
    setDraft(value ?? '');
    setError(null);
    setMode({ kind: 'edit', base: value });
  }

  /** Keeps what is typed; text equal to what the edit began from needs no keeping. */
  function keep(text: string, base: string | null) {
    if (text === (base ?? '')) slot?.discard();
    else slot?.write({ text, base });
  }

  /** Saves; on a conflict shows both texts, on another failure keeps everything as it is with the reason. */
  async function attempt(text: string, base: string | null, mine: string) {
    setSaving(true);
    setError(null);
    // Kept before asking: a 401 sends the browser to log in while this call is still unwinding.
    slot?.write({ text, base });
    try {
      await save(text, base);
      setSaving(false);
      close();
    } catch (failure) {
      setSaving(false);
      const theirs = descriptionConflictOf(failure);
      if (theirs) {
        setMerged((current) => (mode.kind === 'conflict' ? current : mine));
        setMode({ kind: 'conflict', theirs, mine });
      } else if (isUnauthorized(failure) && slot) {
        setError('Not saved: your session has ended. Your text is kept: after you log in again it will be back here, to save again.');
      } else {
        setError(`Not saved: ${describeError(failure)} Your text is still here.`);
      }
    }
  }

  if (mode.kind === 'edit') {
    return (
      <DescriptionEditor
        label={fieldLabel}
        text={draft}
        onTextChange={(text) => {
          setDraft(text);
          keep(text, mode.base);
        }}
        maxLength={maxLength}
        markdown={markdown}
        submitOnEnter={submitOnEnter}
        saving={saving}
        error={error}
        notice={
          showRestored ? (
            <>
              <p role="status">Your unsaved text was restored — save it again.</p>
              <Button size="sm" variant="ghost" onClick={close} disabled={saving}>
                Discard it{' '}
                <span className="visually-hidden">({fieldLabel})</span>
              </Button>
            </>
          ) : null
        }
        onSave={() => void attempt(draft, mode.base, draft)}
        onCancel={close}
      />
    );
  }

  if (mode.kind === 'conflict') {
    const theirBase = mode.theirs.description;
    return (
      <ConflictView
        theirs={mode.theirs}
        mine={mode.mine}
        merged={merged}
        onMergedChange={(text) => {
          setMerged(text);
          keep(text, theirBase);
        }}
        onKeepMine={() => void attempt(mode.mine, theirBase, mode.mine)}
        onKeepTheirs={close}
        onSaveMerged={() => void attempt(merged, theirBase, mode.mine)}
        maxLength={maxLength}
        saving={saving}
        error={error}
      />
    );
  }

  return (
    <div className={className}>
      <div className="editable-description__text">{children}</div>
      {canEdit ? (
        <Button ref={editButton} size="sm" variant="ghost" className="edit-button" aria-label={editName} onClick={startEditing}>
          {editText}
        </Button>
      ) : null}
    </div>
  );
}
