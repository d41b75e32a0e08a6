// Where to send a user whose session ended: the server's login, returning to where they were. And how a
// refresh of data already on screen tells the shell the session ended, without leaving the page.

export function buildLoginUrl(location: { pathname: string; search: string }): string {
  return '/login?returnTo=' + encodeURIComponent(location.pathname + location.search);
}

let redirecting = false;

export function redirectToLogin(): void {
  if (redirecting) return;
  redirecting = true;
  window.location.assign(buildLoginUrl(window.location));
}

/**
 * The window event sent when a refresh of data already on screen (coming back to the tab) meets 401: that
 * does not send the browser to log in, which would take the page from under the person; the shell's
 * session check (app/shell/session-user-check.tsx) says they are logged out, with the way to log in again.
 */
export const SESSION_ENDED_EVENT = 'nansen:session-ended';

let missed = false;

/** True when the last SESSION_ENDED_EVENT found no listener: the session check, loaded lazily, was not there yet. */
export const sessionEndMissed = () => missed;

/** Sends SESSION_ENDED_EVENT (the query client's onUnauthorizedRefresh, client/main.tsx); a listener cancels it. */
export function tellSessionEnded(): void {
  missed = window.dispatchEvent(new Event(SESSION_ENDED_EVENT, { cancelable: true }));
}
