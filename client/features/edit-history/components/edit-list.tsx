// Edits, newest first: what changed (the field, and the column or nested type it belongs to), who
// changed it or on which table (on a person's profile), when, and the change itself. "Show older"
// loads the next page and moves the focus to its first edit.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { EditEntry } from '../../../../contract/api-edits';
import { useFormatDate } from '../../../app/app-data';
import { Button } from '../../../components/button';
import { PersonLink } from '../../../components/person-link';
import { describeError } from '../../../lib/api-error';
import { describeField, listChange, resourceOf, textOf } from '../describe-edit';
import { DescriptionChange } from './description-change';
import { ListChange } from './list-change';
import './edit-history.css';

export interface OlderEdits {
  /** Whether there is an older page to load. */
  hasMore: boolean;
  loading: boolean;
  /** Loading the older page failed (the edits already shown stay). */
  error: unknown;
  load: () => void;
}

function EditItem({ entry, show, itemRef }: { entry: EditEntry; show: 'editor' | 'resource'; itemRef?: (el: HTMLLIElement | null) => void }) {
  const formatDate = useFormatDate();
  const when = new Date(entry.edited_at);
  const resource = show === 'resource' ? resourceOf(entry) : null;
  return (
    <li className="edit" ref={itemRef} tabIndex={itemRef ? -1 : undefined} data-testid="edit">
      <div className="edit__head">
        <h3 className="edit__field">{describeField(entry)}</h3>
        <p className="edit__meta">
          {resource ? (
            <>
              on <Link to={resource.path}>{resource.name}</Link>
            </>
          ) : (
            <>
              by <PersonLink user={{ user_id: entry.editor.user_id, display_name: entry.editor.display_name, profile_url: null }} />
            </>
          )}
          {' · '}
          <time dateTime={when.toISOString()}>{formatDate(entry.edited_at / 1000, 'dateTimeShort')}</time>
        </p>
      </div>
      {entry.field === 'description' ? <DescriptionChange before={textOf(entry.before)} after={textOf(entry.after)} /> : <ListChange {...listChange(entry)} people={entry.field === 'owners' ? (entry.people ?? []) : undefined} />}
    </li>
  );
}

export function EditList({ edits, show, label, older }: { edits: EditEntry[]; show: 'editor' | 'resource'; label: string; older: OlderEdits }) {
  // After "Show older", the first of the newly loaded edits takes the focus.
  const focusFrom = useRef<number | null>(null);
  const firstNew = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (focusFrom.current !== null && edits.length > focusFrom.current) {
      firstNew.current?.focus();
      focusFrom.current = null;
    }
  }, [edits.length]);

  return (
    <div className="edit-list">
      <ol className="edit-list__items" aria-label={label}>
        {edits.map((entry, i) => (
          <EditItem
            key={entry.id}
            entry={entry}
            show={show}
            itemRef={focusFrom.current !== null && i === focusFrom.current ? (el) => void (firstNew.current = el) : undefined}
          />
        ))}
      </ol>
      {older.error ? (
        <p className="edit-list__error" role="alert">
          Older edits could not be loaded: {describeError(older.error)}
        </p>
      ) : null}
      {older.hasMore ? (
        <Button
          className="edit-list__older"
          disabled={older.loading}
          onClick={() => {
            focusFrom.current = edits.length;
            older.load();
          }}
        >
          {older.loading ? 'Loading older edits…' : 'Show older'}
        </Button>
      ) : null}
    </div>
  );
}
