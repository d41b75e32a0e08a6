// A resource's tags with, for people who may change them, a remove button on each and an "Add tag"
// box: suggestions from the tags in use, or a new tag when it follows the catalog's rule (shown when
// what was typed does not). Enter adds and keeps the box open for the next; Escape closes it and
// returns to the Add tag button.
import { useId, useRef, useState } from 'react';
import { TAG_MAX_LENGTH, TAG_PATTERN } from '../../contract/api-edits';
import { tagSearchPath } from '../app/paths';
import { Button } from './button';
import { Chip } from './chip';
import { Combobox, type ComboboxOption } from './combobox';
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
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}

export function TagEditor({ tags, resource, canEdit, knownTags, onAdd, onRemove }: TagEditorProps) {
  const [adding, setAdding] = useState(false);
  const [term, setTerm] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const problemId = useId();
  const typed = term.trim();
  const problem = tagProblem(typed, tags);

  function add(tag: string) {
    if (!tag || tagProblem(tag, tags)) return;
    onAdd(tag);
    setTerm('');
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
  const isNew = typed !== '' && !problem && !knownTags.includes(typed);
  const footer: ComboboxOption[] = isNew ? [{ id: 'new-tag', label: <>Add new tag “{typed}”</>, onSelect: () => add(typed) }] : [];

  return (
    <div className="tag-editor">
      {tags.length > 0 ? (
        <ul className="chip-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag-editor__tag">
              <Chip label={tag} to={tagSearchPath(tag, resource)} title={`Search for ${resource === 'table' ? 'tables' : 'dashboards'} tagged ${tag}`} />
              {canEdit ? (
                <button type="button" className="tag-editor__remove" aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
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
              status={suggestions.length === 0 && !isNew ? 'No matching tags' : undefined}
              onSubmitValue={(value) => add(value.trim())}
              aria-describedby={problem ? problemId : undefined}
              aria-invalid={problem ? true : undefined}
              autoFocus
            />
            {problem ? (
              <p id={problemId} className="tag-editor__problem">
                {problem}
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
