// The quiet line a resource page shows where the signed-in person may not change something: the
// reason the server gave (edit_rights.reason), or a plain sentence when it gave none.
import type { EditRights } from '../../contract/api-edits';
import './edit-rights-note.css';

type Right = 'descriptions' | 'tags' | 'owners';

/** Null when every right that applies here is granted. */
export function EditRightsNote({ rights, applies, resource }: { rights: EditRights; applies: readonly Right[]; resource: 'table' | 'dashboard' }) {
  if (applies.every((right) => rights[right])) return null;
  const noneGranted = applies.every((right) => !rights[right]);
  const fallback = noneGranted ? `You may view this ${resource} but not edit it.` : `You may edit only some of this ${resource}.`;
  return (
    <p className="edit-rights-note" data-testid="edit-rights-note">
      <span className="edit-rights-note__icon" aria-hidden="true">
        🔒
      </span>{' '}
      {rights.reason ?? fallback}
    </p>
  );
}
