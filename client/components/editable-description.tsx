// A description that people with the right may edit in place: the text with an Edit button; the
// editor; and, when someone else saved meanwhile, the conflict view. The edit remembers the text it
// began from (`base`) and sends it with every save. A failed save keeps the editor open with the text;
// leaving the editor (saved, cancelled, theirs kept) puts focus back on the Edit button.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../lib/api-error';
import { descriptionConflictOf, type CurrentDescription } from '../lib/description-conflict';
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
  className?: string;
}

type Mode =
  | { kind: 'view' }
  | { kind: 'edit'; base: string | null }
  | { kind: 'conflict'; theirs: CurrentDescription; mine: string };

export function EditableDescription({ value, children, canEdit, editText, editName, fieldLabel, maxLength, markdown, submitOnEnter, save, className }: EditableDescriptionProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [draft, setDraft] = useState('');
  const [merged, setMerged] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEditOnView = useRef(false);

  useEffect(() => {
    if (mode.kind === 'view' && focusEditOnView.current) {
      focusEditOnView.current = false;
      editButton.current?.focus();
    }
  }, [mode.kind]);

  function close() {
    focusEditOnView.current = true;
    setError(null);
    setMode({ kind: 'view' });
  }

  function startEditing() {
    setDraft(value ?? '');
    setError(null);
    setMode({ kind: 'edit', base: value });
  }

  /** Saves; on a conflict shows both texts, on another failure keeps everything as it is with the reason. */
  async function attempt(text: string, base: string | null, mine: string) {
    setSaving(true);
    setError(null);
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
        onTextChange={setDraft}
        maxLength={maxLength}
        markdown={markdown}
        submitOnEnter={submitOnEnter}
        saving={saving}
        error={error}
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
        onMergedChange={setMerged}
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
