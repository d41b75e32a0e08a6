// What a signed-in person may change on a resource (contract/api-edits.ts, EditRights). Without edit
// rules every signed-in person may change what Amundsen lets people change, as Amundsen does; a
// dashboard's description and owners come from its BI tool, so only its tags are editable.
import type { EditRights } from '../../contract/bff-api';

export const TABLE_RIGHTS_WITHOUT_RULES: EditRights = Object.freeze({ descriptions: true, tags: true, owners: true, reason: null });
export const DASHBOARD_RIGHTS_WITHOUT_RULES: EditRights = Object.freeze({ descriptions: false, tags: true, owners: false, reason: null });
