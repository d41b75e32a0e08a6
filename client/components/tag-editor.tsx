// A resource's tags with, for people who may change them, a remove button on each and an "Add tag"
// box: suggestions from the tags in use, or a new tag when it follows the catalog's rule (shown when
// what was typed does not). Tags are lower case: capitals typed are lowered, and the box says so
// before Enter ("Tags are lower case: Enter adds “finance”.", atop the open suggestion list and under the
// box once it is closed), so `Finance` adds `finance`. A problem with the text ("Already tagged kpi.",
// the tag rule, "Not added: …") shows the same way, in the error colour: the list never hides it. Enter adds and keeps the box open for the next: the text stays until the
// server took the tag, then clears; a refused one stays to be corrected, the field marked invalid and
// saying why ("Not added: …"), as the toast does (the toast's alert is what is heard: the open list's
// status does not say the refusal a second time). Escape closes the open suggestion
// list, else the box (what was typed goes with it; leaving the box by focus keeps it) and returns to
// the Add tag button. Removing a tag moves focus to the next tag's remove button, else the previous
// one, else the add control; a removal the server refused brings the tag and the focus back.
import { useEffect, useId, useRef, useState } from 'react';
import { TAG_MAX_LENGTH, TAG_PATTERN } from '../../contract/api-edits';
import { tagSearchPath } from '../app/paths';
import { describeError, isSessionUserChanged } from '../lib/api-error';
import { Button } from './button';
import { Chip } from './chip';
import { Combobox, type ComboboxOption } from './combobox';
import { focusAfterRemoval, isRepeatedPress, useFocusBackWhenRestored } from './focus-after-removal';
import { InlineAddPanel } from './inline-add-panel';
import './tag-editor.css';

const SUGGESTIONS_SHOWN = 8;

export const TAG_RULE = 'A tag may use only lower-case letters, digits and _ (such as “finance_core”), at most 80 characters.';

/** Why `tag` cannot be added, or null when it can. */
export function tagProblem(tag: string, present: readonly string[]): string | null {
  if (!tag) return null;
  if (!TAG_PATTERN.test(tag) || tag.length > TAG_MAX_LENGTH) return TAG_RULE;
  if (present.includes(tag)) return `Already tagged ${tag}.`;
  return null;
}

export interface TagEditorProps {
  tags: string[];
  resource: 'table' | 'dashboard';
  canEdit: boolean;
  /** The tags in use across the catalog, for suggestions. */
  knownTags: readonly string[];
  /** Settles when the server answered: resolves when the tag was added, rejects when it was not. */
  onAdd: (tag: string) => Promise<unknown>;
  /** May return a promise that rejects when the server refused (the tag comes back, and focus to it). */
  onRemove: (tag: string) => unknown;
}

export function TagEditor({ tags, resource, canEdit, knownTags, onAdd, onRemove }: TagEditorProps) {
  const [adding, setAdding] = useState(false);
  const [term, setTerm] = useState('');
  /** The tag being added: shown at once (optimistically) while its text is still in the box. */
  const [pending, setPending] = useState<string | null>(null);
  /** Why the server refused the text still in the box (shown while the box holds that text). */
  const [refused, setRefused] = useState<{ text: string; reason: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const problemId = useId();
  const typed = term.trim();
  /** The tag the text makes: tags are lower case, and capitals typed are taken as their lower case. */
  const tagTyped = typed.toLowerCase();
  // The tag on its way is on the page already; it is no "Already tagged" problem of the text kept for it.
  const problem = tagProblem(tagTyped, tagTyped === pending ? tags.filter((t) => t !== pending) : tags);
  const failure = refused && refused.text === term ? refused.reason : null;
  const message = problem ?? failure;
  // Not a problem: what Enter will do with the capitals, said before it is done.
  const lowered = !message && tagTyped !== typed && tagTyped !== pending ? `Tags are lower case: Enter adds “${tagTyped}”.` : null;
  const focusBack = useFocusBackWhenRestored(list, tags);
  // The reason shows under the box: scrolled into view if the box is at the window's bottom edge.
  useEffect(() => {
    if (failure) document.getElementById(problemId)?.scrollIntoView?.({ block: 'nearest' });
  }, [failure, problemId]);

  function add(tag: string) {
    if (!tag || tagProblem(tag, tags)) return;
    const text = term;
    setRefused(null);
    setPending(tag);
    const settled = () => setPending((current) => (current === tag ? null : current));
    onAdd(tag).then(
      () => {
        settled();
        // Cleared only if the box still holds what was typed for this tag: what was typed since is kept.
        setTerm((current) => (current === text ? '' : current));
      },
      // Refused: the tag left the page again, the toast and the field say why; the text stays to be corrected.
      // Not when another tab signed in as someone else: the shell's notice says that, once (state.tsx).
      (error: unknown) => {
        settled();
        if (!isSessionUserChanged(error)) setRefused({ text, reason: `Not added: ${describeError(error)}` });
      },
    );
  }

  function remove(tag: string, button: HTMLButtonElement) {
    if (isRepeatedPress(button)) return;
    focusAfterRemoval(button, [...(list.current?.querySelectorAll<HTMLButtonElement>('.tag-editor__remove') ?? [])], () => addButton.current ?? input.current);
    focusBack(tag, onRemove(tag));
  }

  function close(returnFocus: boolean) {
    setAdding(false);
    setTerm('');
    if (returnFocus) requestAnimationFrame(() => addButton.current?.focus());
  }

  const suggestions: ComboboxOption[] = knownTags
    .filter((tag) => tag.includes(typed.toLowerCase()) && !tags.includes(tag))
    .slice(0, SUGGESTIONS_SHOWN)
    .map((tag) => ({ id: `tag-${tag}`, label: tag, onSelect: () => add(tag) }));
  const isNew = tagTyped !== '' && tagTyped !== pending && !problem && !knownTags.includes(tagTyped);
  const footer: ComboboxOption[] = isNew ? [{ id: 'new-tag', label: <>Add new tag “{tagTyped}”</>, onSelect: () => add(tagTyped) }] : [];

  return (
    <div className="tag-editor">
      {tags.length > 0 ? (
        <ul ref={list} className="chip-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag-editor__tag">
              <Chip label={tag} to={tagSearchPath(tag, resource)} title={`Search for ${resource === 'table' ? 'tables' : 'dashboards'} tagged ${tag}`} />
              {canEdit ? (
                <button type="button" className="tag-editor__remove" data-remove={tag} aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={(event) => remove(tag, event.currentTarget)}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted tag-editor__none">No tags</p>
      )}
      {canEdit ? (
        adding ? (
          <InlineAddPanel hasText={Boolean(typed)} onClose={close}>
            <Combobox
              ref={input}
              label="Add tag"
              placeholder="Find or create a tag"
              value={term}
              onValueChange={setTerm}
              groups={[{ id: 'known', label: 'Tags in use', options: suggestions }]}
              footer={footer}
              countFooter
              note={lowered ?? undefined}
              problem={message ?? undefined}
              problemAnnounced={!problem && failure !== null}
              status={suggestions.length === 0 && !isNew ? 'No matching tags' : undefined}
              onSubmitValue={(value) => add(value.trim().toLowerCase())}
              escape="passes"
              aria-describedby={message || lowered ? problemId : undefined}
              aria-invalid={message ? true : undefined}
              autoFocus
            />
            {message ? (
              <p id={problemId} className="tag-editor__problem">
                {message}
              </p>
            ) : lowered ? (
              <p id={problemId} className="tag-editor__hint">
                {lowered}
              </p>
            ) : null}
          </InlineAddPanel>
        ) : (
          <Button ref={addButton} size="sm" variant="ghost" className="tag-editor__add-button" onClick={() => setAdding(true)}>
            Add tag
          </Button>
        )
      ) : null}
    </div>
  );
}
