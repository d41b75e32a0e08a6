// The quiet line a resource page shows where the signed-in person may not change something: the
// reason the server gave (edit_rights.reason), or a plain sentence when it gave none.
import type { EditRights } from '../../contract/api-edits';
import './edit-rights-note.css';

type Right = 'descriptions' | 'tags' | 'owners';

/** A padlock drawn in SVG (an emoji shows as an empty box where the system has no emoji font). */
function LockIcon() {
  return (
    <svg className="edit-rights-note__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

/** Null when every right that applies here is granted. */
export function EditRightsNote({ rights, applies, resource }: { rights: EditRights; applies: readonly Right[]; resource: 'table' | 'dashboard' }) {
  if (applies.every((right) => rights[right])) return null;
  const noneGranted = applies.every((right) => !rights[right]);
  const fallback = noneGranted ? `You may view this ${resource} but not edit it.` : `You may edit only some of this ${resource}.`;
  return (
    <p className="edit-rights-note" data-testid="edit-rights-note">
      <LockIcon />
      {rights.reason ?? fallback}
    </p>
  );
}
