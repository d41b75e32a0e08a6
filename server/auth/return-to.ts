// Where to send someone after login. Only same-origin paths are allowed (no open redirects).

const AUTH_PATHS = ['/login', '/auth', '/logout', '/logged-out'];

export function sanitizeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) return '/';
  // One leading slash, not "//host" or "/\host", no control characters or backslashes.
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\\]/.test(value)) return '/';
  const path = value.split(/[?#]/)[0]!;
  if (AUTH_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return '/';
  return value;
}
