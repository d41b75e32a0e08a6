// A description write refused because someone changed the text since the edit began (409 with
// DescriptionConflictBody): what is stored now, and who wrote it when the catalog knows.
import * as v from 'valibot';
import { DescriptionConflictBodySchema, type DescriptionConflictBody } from '../../contract/api-edits';
import { isApiError } from './api-error';

export type CurrentDescription = DescriptionConflictBody['current'];

/** The description stored now when `error` is a 409 conflict; null for any other failure. */
export function descriptionConflictOf(error: unknown): CurrentDescription | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const parsed = v.safeParse(DescriptionConflictBodySchema, error.body);
  return parsed.success ? parsed.output.current : null;
}
