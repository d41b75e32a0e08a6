// A table's owners with, for people who may change them, a remove button on each and an "Add owner"
// box: a people picker (the user search) when the catalog has profiles, else a user id field. Enter
// adds; Escape closes the box and returns to the Add owner button.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { User } from '../../contract/api-common';
import { normalizeUser } from '../../contract/user';
import { Button } from './button';
import { Combobox, type ComboboxOption } from './combobox';
import { InlineAddPanel } from './inline-add-panel';
import { PersonLink } from './person-link';
import './tag-editor.css';

/** People found for what was typed; null when there is no people search (owners by user id). */
export interface PeoplePicker {
  people: readonly Pick<User, 'user_id' | 'display_name' | 'email'>[];
  /** "Searching…", "Nobody found", or the search's failure. */
  status?: ReactNode;
}

export interface OwnerEditorProps {
  owners: User[];
  canEdit: boolean;
  term: string;
  onTermChange: (term: string) => void;
  picker: PeoplePicker | null;
  onAdd: (owner: User) => void;
  onRemove: (owner: User) => void;
}

export function OwnerEditor({ owners, canEdit, term, onTermChange, picker, onAdd, onRemove }: OwnerEditorProps) {
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const problemId = useId();
  const typed = term.trim();

  function add(person: Pick<User, 'user_id' | 'display_name' | 'email'> | null) {
    const owner = person ? normalizeUser(person) : null;
    if (!owner) return;
    const existing = owners.find((o) => o.user_id === owner.user_id);
    if (existing) {
      setProblem(`${existing.display_name} already owns this.`);
      return;
    }
    setProblem(null);
    onAdd(owner);
    onTermChange('');
  }

  function close(returnFocus: boolean) {
    setAdding(false);
    setProblem(null);
    onTermChange('');
    if (returnFocus) requestAnimationFrame(() => addButton.current?.focus());
  }

  const byId = (userId: string) => (userId ? { user_id: userId, display_name: userId, email: null } : null);
  const options: ComboboxOption[] = (picker?.people ?? [])
    .filter((p) => !owners.some((o) => o.user_id === p.user_id))
    .map((person) => ({
      id: `person-${person.user_id}`,
      label: (
        <>
          {person.display_name} <span className="muted">{person.email && person.email !== person.display_name ? person.email : person.user_id}</span>
        </>
      ),
      onSelect: () => add(person),
    }));

  return (
    <div className="tag-editor owner-editor">
      {owners.length > 0 ? (
        <ul className="people" aria-label="Owners">
          {owners.map((owner) => (
            <li key={owner.user_id} className="owner-editor__owner">
              <PersonLink user={owner} />
              {canEdit ? (
                <button type="button" className="owner-editor__remove" aria-label={`Remove owner ${owner.user_id}`} title={`Remove owner ${owner.display_name}`} onClick={() => onRemove(owner)}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted tag-editor__none">No owners</p>
      )}
      {canEdit ? (
        adding ? (
          <InlineAddPanel hasText={Boolean(typed)} onClose={close}>
            {picker ? (
              <Combobox
                label="Add owner"
                placeholder="Find a person"
                value={term}
                onValueChange={(value) => {
                  setProblem(null);
                  onTermChange(value);
                }}
                groups={[{ id: 'people', label: 'People', options }]}
                footer={typed ? [{ id: 'by-id', label: <>Add “{typed}” as a user id</>, onSelect: () => add(byId(typed)) }] : []}
                status={picker.status}
                onSubmitValue={(value) => add(byId(value.trim()))}
                aria-describedby={problem ? problemId : undefined}
                autoFocus
              />
            ) : (
              <form
                className="owner-editor__by-id"
                onSubmit={(event) => {
                  event.preventDefault();
                  add(byId(typed));
                }}
              >
                <input
                  className="field__input"
                  aria-label="Add owner"
                  placeholder="User id, such as an email address"
                  value={term}
                  onChange={(event) => {
                    setProblem(null);
                    onTermChange(event.target.value);
                  }}
                  aria-describedby={problem ? problemId : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus
                />
                <Button type="submit" size="sm" disabled={!typed}>
                  Add
                </Button>
              </form>
            )}
            {problem ? (
              <p id={problemId} className="tag-editor__problem">
                {problem}
              </p>
            ) : null}
          </InlineAddPanel>
        ) : (
          <Button ref={addButton} size="sm" variant="ghost" className="tag-editor__add-button" onClick={() => setAdding(true)}>
            Add owner
          </Button>
        )
      ) : null}
    </div>
  );
}
