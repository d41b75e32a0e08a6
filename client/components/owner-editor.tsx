// A table's owners with, for people who may change them, a remove button on each and an "Add owner"
// box: a people picker (the user search) when the catalog has profiles, else a user id field.
// In the picker, Enter adds the highlighted person, else the one person whose user id, email or the
// part of it before the @ is exactly what was typed, else the one person the search found when what
// was typed begins their name, a word of it, or their id ("liv" for Liv Arnesen; with more found it
// asks to choose; both rules: contract/people-known-by.ts); it never adds the raw text by itself (that made
// owners of people who do not exist, "fridtjof" beside Fridtjof Nansen): a user id nobody is known by
// is added by choosing the list's last line, "Add “…” as a user id" — secondary, and saying it is a new
// id, when the search found people for the text (typing "liv" for Liv Arnesen meant her, mostly), and
// not offered for text with a space (a name: a user id holds none); counted among the suggestions said,
// as the tag box counts "Add new tag". Without profiles there is no one
// to pick: Enter asks `lookUp` whom the id names (when given) and adds that person; an id no one has
// is not added at once but said, "No one is known as “roald” — did you mean Roald Amundsen
// (roald.amundsen@example.org)?", with a button for each person meant and one, like a second Enter,
// to add the id as a new user id (Amundsen allows it: it creates the user). An id that differs only
// in case from an owner's is refused: user ids are matched exactly, so it would be a second person.
// The text stays until the server took the owner (a
// refused one can be corrected: the field is marked invalid and says why, "Not added: …"). In the
// picker a problem ("Nobody is known as …", "Several people …", "… already owns this.", "Not added: …")
// also shows atop the suggestion list when it opens again (the arrow keys it asks for open it), as the
// tag box's do: the list would cover the message under the box (a refusal is not said again there:
// its toast's alert said it). A problem found on Enter is said at once by the panel's status. Escape
// closes the box and returns to the Add owner button. Removing an owner moves focus to the next
// owner's remove button, else the previous one, else the add control; a removal the server refused
// brings the owner and the focus back. A remove button is named by the name shown ("Remove owner Liv
// Arnesen"), as the link, its tooltip and the toasts name the person.
import { useEffect, useId, useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { User } from '../../contract/api-common';
import { peopleNamedBy, typedBegins } from '../../contract/people-known-by';
import { normalizeUser } from '../../contract/user';
import { describeError, isSessionUserChanged } from '../lib/api-error';
import { Button } from './button';
import { Combobox, type ComboboxOption } from './combobox';
import { focusAfterRemoval, isRepeatedPress, useFocusBackWhenRestored } from './focus-after-removal';
import { InlineAddPanel } from './inline-add-panel';
import { PersonLink } from './person-link';
import './tag-editor.css';

type Person = Pick<User, 'user_id' | 'display_name' | 'email'>;

/** How the field's message begins when the server refused the owner. */
const NOT_ADDED = 'Not added: ';

/** People found for what was typed; null when there is no people search (owners by user id). */
export interface PeoplePicker {
  people: readonly Person[];
  /** "Searching…", "Nobody found", or the search's failure. */
  status?: ReactNode;
}

export interface OwnerEditorProps {
  owners: User[];
  canEdit: boolean;
  term: string;
  /** Also takes an update of the current text (cleared on success only if it is still what was added). */
  onTermChange: Dispatch<SetStateAction<string>>;
  picker: PeoplePicker | null;
  /** Settles when the server answered: resolves when the owner was added, rejects when not. */
  onAdd: (owner: User) => Promise<unknown>;
  /** May return a promise that rejects when the server refused (the owner comes back, and focus to them). */
  onRemove: (owner: User) => unknown;
  /** Without profiles: whom a typed user id names (the BFF's owner_candidates). Absent: the id is added as typed. */
  lookUp?: (userId: string) => Promise<OwnerCandidates>;
}

/** Whom a typed user id names: the person with exactly that id, else the people perhaps meant. */
export interface OwnerCandidates {
  known: User | null;
  similar: User[];
}

/** "Roald Amundsen (roald.amundsen@example.org)"; the id alone when it is the name shown. */
const nameWithId = (person: Person) => (person.display_name === person.user_id ? person.user_id : `${person.display_name} (${person.user_id})`);

function listInWords(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The raw-id line: plain when nobody was found; when people were, muted and saying it makes a new id, not one of them. */
function byIdLabel(typed: string, foundPeople: boolean): ReactNode {
  return foundPeople ? <span className="muted">None of them: add “{typed}” as a new user id</span> : <>Add “{typed}” as a user id</>;
}

/**
 * "No one is known as …": whom the id may have meant, each with a button to add them, and one to add
 * the id as it is. Only the sentence is the live status and the field's description (not the buttons'
 * names run together after it); a person meant who owns this already is said so, with no button.
 */
function UnknownIdNote({ id, unknown, owners, onAdd, byId }: { id: string; unknown: { typed: string; similar: User[] }; owners: User[]; onAdd: (person: Person | null) => void; byId: (userId: string) => Person | null }) {
  const owns = (person: User) => owners.some((o) => o.user_id === person.user_id);
  const meant = unknown.similar.filter((person) => !owns(person));
  const owning = unknown.similar.filter(owns);
  return (
    <div className="owner-editor__unknown">
      <p id={id} role="status">
        No one is known as “{unknown.typed}”{meant.length > 0 ? <> — did you mean {listInWords(meant.map(nameWithId))}?</> : '.'}
        {owning.length > 0 ? <> {listInWords(owning.map(nameWithId))} {owning.length === 1 ? 'owns' : 'own'} this already.</> : null} Enter again adds it as a new user id.
      </p>
      <div className="owner-editor__unknown-actions">
        {meant.map((person) => (
          <Button key={person.user_id} size="sm" onClick={() => onAdd(person)}>
            Add {person.display_name}
          </Button>
        ))}
        <Button size="sm" variant="ghost" onClick={() => onAdd(byId(unknown.typed))}>
          Add “{unknown.typed}” as a new user id
        </Button>
      </div>
    </div>
  );
}

export function OwnerEditor({ owners, canEdit, term, onTermChange, picker, onAdd, onRemove, lookUp }: OwnerEditorProps) {
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Without profiles: the id typed that no one has, and whom it may have meant (said until the text changes). */
  const [unknownId, setUnknownId] = useState<{ typed: string; similar: User[] } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const problemId = useId();
  const typed = term.trim();
  const focusBack = useFocusBackWhenRestored(list, owners);
  const refused = problem?.startsWith(NOT_ADDED) ?? false;
  /** How many problems were shown: each is said anew, even the same words after a second Enter. */
  const [problemsShown, setProblemsShown] = useState(0);

  /** A problem found on Enter (or a choice): shown under the box and said by the panel's status. */
  function showProblem(text: string) {
    setProblem(text);
    setProblemsShown((n) => n + 1);
  }
  // The reason shows under the box: scrolled into view if the box is at the window's bottom edge.
  useEffect(() => {
    if (refused) document.getElementById(problemId)?.scrollIntoView?.({ block: 'nearest' });
  }, [refused, problemId]);

  function add(person: Person | null) {
    const owner = person ? normalizeUser(person) : null;
    if (!owner) return;
    const existing = owners.find((o) => o.user_id === owner.user_id);
    if (existing) {
      showProblem(`${existing.display_name} already owns this.`);
      return;
    }
    setProblem(null);
    setUnknownId(null);
    const text = term;
    // Cleared once the server took the owner, if the box still holds what was typed for them; a
    // refused owner leaves the page again, the toast and the field say why, and the text stays to be
    // corrected (the reason goes when the text changes).
    onAdd(owner).then(
      () => onTermChange((current) => (current === text ? '' : current)),
      (error: unknown) => {
        // Not when another tab signed in as someone else: the shell's notice says that, once (state.tsx).
        if (input.current?.value === text && !isSessionUserChanged(error)) setProblem(`${NOT_ADDED}${describeError(error)}`);
      },
    );
  }

  /** Enter in the people picker with no person highlighted. */
  function addTyped() {
    if (!typed) return;
    // The owners count as known too: typing an owner's name says they own this already.
    const known = [...owners, ...(picker?.people ?? [])];
    const named = peopleNamedBy(typed, known);
    // Else the people found whose name (or id) begins with it: the one found is meant; of several, none is.
    const begun = (picker?.people ?? []).filter((p) => typedBegins(typed, p));
    if (named.length === 1) add(named[0]!);
    else if (named.length > 1) showProblem(`Several people are known as “${typed}”: choose one from the list.`);
    else if (begun.length === 1 && picker?.people.length === 1) add(begun[0]!);
    else if (begun.length > 0) showProblem(`Several people were found for “${typed}”: choose one from the list (arrow keys).`);
    else showProblem(`Nobody is known as “${typed}”. Choose a person from the list (arrow keys), or its last line to add “${typed}” as a user id.`);
  }

  /** Enter (or Add) in the user id field, without profiles. */
  async function addById() {
    if (!typed) return;
    const twin = owners.find((o) => o.user_id !== typed && o.user_id.toLowerCase() === typed.toLowerCase());
    if (twin) {
      showProblem(`“${typed}” differs only in case from ${nameWithId(twin)}, who owns this already. User ids are matched exactly, so it would be a second person: not added.`);
      return;
    }
    // No look-up, an owner already (add says so), Enter again after "No one is known as …", or no id
    // at all (a space: the server says what an owner id must be): as typed.
    if (!lookUp || owners.some((o) => o.user_id === typed) || unknownId?.typed === typed || /\s/.test(typed)) {
      add(byId(typed));
      return;
    }
    let answer: OwnerCandidates;
    try {
      answer = await lookUp(typed);
    } catch {
      // The look-up is advice: when it fails, the id is added as Amundsen would.
      add(byId(typed));
      return;
    }
    if (input.current?.value.trim() !== typed) return; // typed on meanwhile
    if (answer.known) add(answer.known);
    else setUnknownId({ typed, similar: answer.similar });
  }

  /** A button of the "No one is known as …" note: the note (and the button pressed) goes, the focus back to the field. */
  function addFromNote(person: Person | null) {
    add(person);
    input.current?.focus();
  }

  function remove(owner: User, button: HTMLButtonElement) {
    if (isRepeatedPress(button)) return;
    focusAfterRemoval(button, [...(list.current?.querySelectorAll<HTMLButtonElement>('.owner-editor__remove') ?? [])], () => addButton.current ?? input.current);
    focusBack(owner.user_id, onRemove(owner));
  }

  function close(returnFocus: boolean) {
    setAdding(false);
    setProblem(null);
    setUnknownId(null);
    onTermChange('');
    if (returnFocus) requestAnimationFrame(() => addButton.current?.focus());
  }

  const byId = (userId: string): Person | null => (userId ? { user_id: userId, display_name: userId, email: null } : null);
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
        <ul ref={list} className="people" aria-label="Owners">
          {owners.map((owner) => (
            <li key={owner.user_id} className="owner-editor__owner">
              <PersonLink user={owner} />
              {canEdit ? (
                <button type="button" className="owner-editor__remove" data-remove={owner.user_id} aria-label={`Remove owner ${owner.display_name}`} title={`Remove owner ${owner.display_name}`} onClick={(event) => remove(owner, event.currentTarget)}>
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
                ref={input}
                label="Add owner"
                placeholder="Find a person"
                value={term}
                onValueChange={(value) => {
                  setProblem(null);
                  onTermChange(value);
                }}
                groups={[{ id: 'people', label: 'People', options }]}
                footer={typed && !/\s/.test(typed) ? [{ id: 'by-id', label: byIdLabel(typed, options.length > 0), onSelect: () => add(byId(typed)) }] : []}
                countFooter
                status={picker.status}
                problem={problem ?? undefined}
                problemAnnounced={refused}
                onSubmitValue={addTyped}
                escape="passes"
                aria-describedby={problem ? problemId : undefined}
                aria-invalid={problem ? true : undefined}
                autoFocus
              />
            ) : (
              <form
                className="owner-editor__by-id"
                onSubmit={(event) => {
                  event.preventDefault();
                  void addById();
                }}
              >
                <input
                  ref={input}
                  className="field__input"
                  aria-label="Add owner"
                  placeholder="User id, such as an email address"
                  value={term}
                  onChange={(event) => {
                    setProblem(null);
                    setUnknownId(null);
                    onTermChange(event.target.value);
                  }}
                  aria-describedby={problem || unknownId ? problemId : undefined}
                  aria-invalid={problem ? true : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus
                />
                <Button type="submit" size="sm" disabled={!typed}>
                  Add
                </Button>
              </form>
            )}
            {/* A problem found on Enter is said, which the closed list's status cannot, anew each time (its key); the
                region is there from the panel's opening, as one that appears with its text is often not read.
                A refusal is not in it: its toast said it. */}
            <div role="status" className="owner-editor__said">
              {problem && !refused ? (
                <p key={problemsShown} id={problemId} className="tag-editor__problem">
                  {problem}
                </p>
              ) : null}
            </div>
            {refused ? (
              <p id={problemId} className="tag-editor__problem">
                {problem}
              </p>
            ) : unknownId ? (
              <UnknownIdNote id={problemId} unknown={unknownId} owners={owners} onAdd={addFromNote} byId={byId} />
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
