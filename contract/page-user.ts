// Which user a page of the SPA was rendered for: the SPA names them in a header on every write to /api,
// and the BFF refuses a write whose page was rendered for someone other than the session's user (another
// tab logged out and in as someone else). See server/auth/page-user-guard.ts and decision 030.

/** The request header naming the page's user: their user id, percent-encoded (encodePageUser). */
export const PAGE_USER_HEADER = 'X-Nansen-User';

/** The header's value for a user id: percent-encoded UTF-8, since a header carries Latin-1 only and ids may be any text. */
export function encodePageUser(userId: string): string {
  return encodeURIComponent(userId);
}

/** The user id in the header's value, or null when it is not valid percent-encoding. */
export function decodePageUser(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The 409's error code when the page's user is no longer the session's. */
export const SESSION_USER_CHANGED = 'session_user_changed';
/** What the 409 says, and what the SPA says when it finds the change itself (on focus). */
export function sessionUserChangedMessage(displayName: string): string {
  return `You are now signed in as ${displayName} in another tab or window; reload this page.`;
}

/** The 400's error code when a write names no page user. */
export const PAGE_USER_MISSING = 'page_user_missing';
