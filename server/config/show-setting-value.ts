// What a refused setting's value may show in a message: the operator sees what they wrote
// (`PORT must be a port number (1-65535); it is "abc"`), but never a secret — no client secret,
// session secret, token or key, and no password inside a URL.

/** Settings whose values are secrets: never shown. */
const SECRET_SETTING = /SECRET|PASSWORD|PRIVATE_KEY|_TOKEN$|COOKIE|_KEY$/;

/** Settings that are URLs whose password is a secret: shown with the password hidden. */
const URL_WITH_PASSWORD = new Set(['REDIS_URL']);

/** Values longer than this are cut: a message is one line. */
const MAX_SHOWN = 120;

/** The URL with its password replaced by *** (and, with `dropQuery`, without its query); undefined when it is not a URL with a scheme. */
export function redactUrlPassword(value: string, { dropQuery = false } = {}): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.password) url.password = '***';
  if (dropQuery) url.search = '';
  return url.toString();
}

/**
 * The value, quoted, as a message may show it; undefined when it must not be shown: a secret
 * setting's value, anything that looks like a token, or one holding an `@` that is not a URL (it may
 * be `user:password@host`).
 */
export function showSettingValue(name: string, value: string): string | undefined {
  // A token pasted into the wrong setting is still a token.
  if (SECRET_SETTING.test(name) || /eyJ[\w-]+\.[\w-]+\.|Bearer\s/i.test(value)) return undefined;
  const trimmed = value.trim();
  const shown = URL_WITH_PASSWORD.has(name) || value.includes('@') ? redactUrlPassword(trimmed, { dropQuery: URL_WITH_PASSWORD.has(name) }) : value;
  if (shown === undefined) return undefined;
  return JSON.stringify(shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown);
}
