// A profile link whose email id differs only in case from a known person's opens that person (decision
// 088): emails are case-insensitive in practice, but the embedded catalog and Amundsen's GET /user match
// ids exactly. So: the id as given first; only when nobody has it, and it is an email with upper-case
// letters, the lower-cased id; and that answer counts only if it is the same id but for case. Another
// id (a mistyped one) never matches someone else, and an exact hit always wins over a case-fold.
import { NotFoundError, UpstreamError } from '../http/errors';
import type { AmundsenUser } from '../upstream/amundsen-schemas';

/** Nobody has this id: our catalog's 404, or Amundsen's Neo4j proxy's 500 for an unknown user (API.md §9). */
export function isUnknownUser(err: unknown): boolean {
  return err instanceof NotFoundError || (err instanceof UpstreamError && err.code === 'upstream_failed');
}

/** The lower-cased id to try after `userId` found nobody; undefined when there is none to try. */
export function lowerCasedEmailId(userId: string): string | undefined {
  if (!userId.includes('@')) return undefined;
  const lower = userId.toLowerCase();
  return lower === userId ? undefined : lower;
}

/**
 * `getUser(userId)`, else `getUser(userId.toLowerCase())` for an email id with upper-case letters that
 * nobody has. When the second look-up fails, or answers someone whose id is not `userId` but for case,
 * the first look-up's error is thrown, so pages say what they said before.
 */
export async function getUserIgnoringEmailCase(getUser: (userId: string) => Promise<AmundsenUser>, userId: string): Promise<AmundsenUser> {
  try {
    return await getUser(userId);
  } catch (err) {
    const lower = lowerCasedEmailId(userId);
    if (lower === undefined || !isUnknownUser(err)) throw err;
    const found = await getUser(lower).catch(() => undefined);
    const foundId = found ? (found.user_id ?? found.email) : undefined;
    if (!found || foundId?.toLowerCase() !== lower) throw err;
    return found;
  }
}
