// What a signed-in person may change on a resource (contract/api-edits.ts, EditRights). This is the
// seam between the BFF's routes and the edit rules: routes build an EditTarget from what metadata
// returned and ask the EditPolicy; server/edit-rules builds the policy from EDIT_RULES_FILE.
//
// Without edit rules every signed-in person may change what Amundsen lets people change, as Amundsen
// does; a dashboard's description and owners come from its BI tool, so only its tags are editable.
import type { EditRights } from '../../contract/bff-api';

export const TABLE_RIGHTS_WITHOUT_RULES: EditRights = Object.freeze({ descriptions: true, tags: true, owners: true, reason: null });
export const DASHBOARD_RIGHTS_WITHOUT_RULES: EditRights = Object.freeze({ descriptions: false, tags: true, owners: false, reason: null });

/** Who is editing: the session's user id and the groups the provider sent at login. */
export interface EditSubject {
  user_id: string;
  groups: readonly string[];
}

/** What is being edited, as metadata describes it (owners by user id). */
export type EditTarget =
  | { type: 'table'; key: string; database: string; cluster: string; schema: string; name: string; owners: readonly string[] }
  | { type: 'dashboard'; key: string; product: string; cluster: string; group: string; name: string; owners: readonly string[] };

export interface EditPolicy {
  /** The person's rights on the target; `reason` names the missing role when a right is false. */
  rightsFor(subject: EditSubject, target: EditTarget): EditRights;
}

/** The policy with no EDIT_RULES_FILE: Amundsen's behaviour. */
export const EDIT_POLICY_WITHOUT_RULES: EditPolicy = Object.freeze({
  rightsFor: (_subject: EditSubject, target: EditTarget) => (target.type === 'table' ? TABLE_RIGHTS_WITHOUT_RULES : DASHBOARD_RIGHTS_WITHOUT_RULES),
});
