// A description that people with the right may edit in place: the text with an Edit button; the
// editor; and, when someone else saved meanwhile, the conflict view. The edit remembers the text it
// began from (`base`) and sends it with every save. A failed save keeps the editor open with the text;
// leaving the editor (saved, cancelled, theirs kept) puts focus back on the Edit button.
// Cancel or Escape with changed text asks first, in a dialog whose focus starts on "Keep editing";
// unchanged text closes at once. While changed text is open here (and no save is under way: a 401
// on save must be free to send the browser to log in), leaving or reloading the page asks too.
// With a `draft` slot, the text being written is kept in the tab while typing and until it is saved
// or dropped, so a save refused because the session ended (401: off to log in) loses nothing: back on
// the page, the editor opens again with the text and says so (decision 017).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCurrentUser } from '../app/app-data';
import { describeError, isUnauthorized } from '../lib/api-error';
import { descriptionConflictOf, type CurrentDescription } from '../lib/description-conflict';
import type { DescriptionDraft, DraftSlot } from '../lib/description-drafts';
import { Button } from './button';
import { ConflictView } from './conflict-view';
import { DescriptionEditor } from './description-editor';
import { Dialog } from './dialog';
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
  /** Markdown named under the text, without a preview (DescriptionEditor's `markdownHint`). */
  markdownHint?: boolean;
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
/** "Description of sales.orders" → "description of sales.orders", to sit inside a sentence. */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** While `active`, leaving or reloading the page asks first (the browser's own prompt). */
function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a return value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}

function restorableDraft(slot: DraftSlot | undefined, value: string | null, canEdit: boolean): DescriptionDraft | null {
  const kept = canEdit ? (slot?.read() ?? null) : null;
  return kept && kept.text !== (value ?? '') ? kept : null;
}

export function EditableDescription({ value, children, canEdit, editText, editName, fieldLabel, maxLength, markdown, markdownHint, submitOnEnter, save, draft: slot, className }: EditableDescriptionProps) {
  const [restored] = useState(() => restorableDraft(slot, value, canEdit));
  const [mode, setMode] = useState<Mode>(() => (restored ? { kind: 'edit', base: restored.base } : { kind: 'view' }));
  const [draft, setDraft] = useState(restored?.text ?? '');
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [merged, setMerged] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  /** A save met an ended session: the text is kept in the slot and the browser is on its way to log in. */
  const [sentToLogIn, setSentToLogIn] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEditOnView = useRef(false);
  const me = useCurrentUser().user_id;

  /** Text typed here that is not saved: in the editor, text other than what the edit began from; in the conflict view, always. */
  const unsaved = mode.kind === 'conflict' || (mode.kind === 'edit' && draft !== (mode.base ?? ''));
  useLeaveGuard(unsaved && !saving && !sentToLogIn);

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
    setAskingToDiscard(false);
    setMode({ kind: 'view' });
  }

  /** Cancel or Escape: closes at once when nothing would be lost, else asks first. */
  function cancel() {
    if (saving) return;
    if (unsaved) setAskingToDiscard(true);
    else close();
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
        setSentToLogIn(true);
        setError('Not saved: your session has ended. Your text is kept: after you log in again it will be back here, to save again.');
      } else {
        setError(`Not saved: ${describeError(failure)} Your text is still here.`);
      }
    }
  }

  const discardDialog = (
    <Dialog
      open={askingToDiscard}
      onClose={() => setAskingToDiscard(false)}
      title="Discard your changes?"
      closeLabel="Keep editing"
      focusClose
      actions={
        <Button variant="danger" onClick={close}>
          Discard changes
        </Button>
      }
    >
      {mode.kind === 'conflict' ? (
        <p>Your text for the {inSentence(fieldLabel)}, and the merge, are not saved. If you discard them, they are gone, and the text saved meanwhile stays.</p>
      ) : (
        <p>Your changes to the {inSentence(fieldLabel)} are not saved. If you discard them, they are gone.</p>
      )}
    </Dialog>
  );

  if (mode.kind === 'edit') {
    return (
      <>
        <DescriptionEditor
          label={fieldLabel}
          text={draft}
          onTextChange={(text) => {
            setDraft(text);
            keep(text, mode.base);
          }}
          maxLength={maxLength}
          base={mode.base}
          markdown={markdown}
          markdownHint={markdownHint}
          submitOnEnter={submitOnEnter}
          saving={saving}
          error={error}
          notice={
            showRestored ? (
              <>
                <p role="status">Your unsaved text was restored. It is not saved yet.</p>
                <Button size="sm" variant="ghost" onClick={close} disabled={saving}>
                  Discard it{' '}
                  <span className="visually-hidden">({fieldLabel})</span>
                </Button>
              </>
            ) : null
          }
          onSave={() => void attempt(draft, mode.base, draft)}
          onCancel={cancel}
        />
        {discardDialog}
      </>
    );
  }

  if (mode.kind === 'conflict') {
    const theirBase = mode.theirs.description;
    return (
      <>
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
          onCancel={cancel}
          byYou={mode.theirs.edited_by_id != null && mode.theirs.edited_by_id === me}
          maxLength={maxLength}
          saving={saving}
          error={error}
        />
        {discardDialog}
      </>
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
