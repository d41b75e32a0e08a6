// A person's id no one can have (decision 101): the BFF answers for it without asking the metadata
// service, and the SPA's profile page says "No such person" with a 404. Its own module, not in user.ts,
// which the first page loads: only the profile page and the BFF need this (decision 007).
import { MAX_USER_ID_LENGTH } from './user';

/**
 * A line break, tab or other control character (and U+2028/U+2029, which JavaScript's "." does not
 * match either): no person's id holds one inside it. The metadata services cannot route such an id in a
 * path (Amundsen's `<path:…>` and the embedded catalog's patterns stop at a line break), so it is
 * refused before any call (decision 101). Around an id it is whitespace that decision 093 trims.
 */
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/u;

/** Whether `userId` holds a control character (a line break, a tab …) anywhere. */
export function holdsControlCharacter(userId: string): boolean {
  return CONTROL_CHARACTER.test(userId);
}

/** An id no one can have whatever is trimmed off it: longer than any email, or a control character inside it. */
export function isImpossibleUserId(userId: string): boolean {
  return userId.length > MAX_USER_ID_LENGTH || holdsControlCharacter(userId.trim());
}
