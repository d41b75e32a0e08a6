// A profile link whose id differs from a known person's only in the case of an email (decision 088) or
// in whitespace around it (a pasted id with a space or a line break kept, decision 093) opens that
// person: emails are case-insensitive in practice, but the embedded catalog and Amundsen's GET /user
// match ids exactly. So: the id as given first; only when nobody has it, the id trimmed, then (an email
// with upper-case letters) the trimmed id lower-cased; and an answer counts only if it is the same id
// but for that. Another id (a mistyped one) never matches someone else, and an exact hit always wins.
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

/** The other spellings of `userId` to try, in order, after it found nobody: without whitespace around it, then a lower-cased email. */
export function otherSpellingsOf(userId: string): string[] {
  const trimmed = userId.trim();
  const spellings = trimmed !== userId && trimmed !== '' ? [trimmed] : [];
  const lower = lowerCasedEmailId(trimmed);
  return lower === undefined ? spellings : [...spellings, lower];
}

/**
 * `getUser(userId)`, else `getUser` of its other spellings (otherSpellingsOf) in turn until one answers
 * with the person of that id. When none does, the first look-up's error is thrown, so pages say what
 * they said before.
 */
export async function getUserIgnoringEmailCase(getUser: (userId: string) => Promise<AmundsenUser>, userId: string): Promise<AmundsenUser> {
  try {
    return await getUser(userId);
  } catch (err) {
    if (!isUnknownUser(err)) throw err;
    for (const spelling of otherSpellingsOf(userId)) {
      const found = await getUser(spelling).catch(() => undefined);
      const foundId = found?.user_id ?? found?.email;
      // A loosely matching service may answer someone else: only the asked-for id counts (an email's in any case).
      if (found && foundId && (spelling.includes('@') ? foundId.toLowerCase() === spelling.toLowerCase() : foundId === spelling)) return found;
    }
    throw err;
  }
}
