// What the signed-in person may change on one resource: in every detail answer, and so on the first page's
// lists' chunk too (kept apart from api-edits.ts's history schemas for that reason).
import * as v from 'valibot';
import { nullableString } from './api-common';

/**
 * What the signed-in person may change on one resource, as the BFF decides from EDIT_RULES_FILE and the
 * person's groups. The SPA shows edit controls only where a right is true, and `reason` as the hint.
 */
export const EditRightsSchema = v.object({
  /** The table's description and its columns' and nested types' (always false for a dashboard). */
  descriptions: v.boolean(),
  tags: v.boolean(),
  /** Table owners (always false for a dashboard: its owners come from the BI tool). */
  owners: v.boolean(),
  /** Why a right above is false, for the person ("Editing hive tables needs the editor role"); null when none is. */
  reason: nullableString,
});
export type EditRights = v.InferOutput<typeof EditRightsSchema>;
