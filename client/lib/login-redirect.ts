// Where to send a user whose session ended: the server's login, returning to where they were.

export function buildLoginUrl(location: { pathname: string; search: string }): string {
  return '/login?returnTo=' + encodeURIComponent(location.pathname + location.search);
}

let redirecting = false;

export function redirectToLogin(): void {
  if (redirecting) return;
  redirecting = true;
  window.location.assign(buildLoginUrl(window.location));
}
