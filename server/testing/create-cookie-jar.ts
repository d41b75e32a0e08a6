interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export interface CookieJar {
  /** Remember the cookies a response set (expired ones are forgotten). */
  store(response: Response): void;
  /** The Cookie header for a request to this URL, or undefined when no cookie applies. */
  headerFor(url: URL): string | undefined;
}

function parseSetCookie(header: string): { cookie: StoredCookie; expired: boolean } | undefined {
  const [pair, ...attributes] = header.split(';');
  const separator = pair.indexOf('=');
  if (separator <= 0) return undefined;
  const cookie = { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1).trim(), path: '/' };
  let expired = false;
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    if (key === 'max-age' && Number(value) <= 0) expired = true;
    if (key === 'expires' && Date.parse(value) <= Date.now()) expired = true;
  }
  return { cookie, expired };
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** A small cookie jar for one origin: enough for a test to walk through an IdP's login pages. */
export function createCookieJar(): CookieJar {
  const cookies = new Map<string, StoredCookie>();
  return {
    store(response) {
      for (const header of response.headers.getSetCookie()) {
        const parsed = parseSetCookie(header);
        if (!parsed) continue;
        const key = `${parsed.cookie.name};${parsed.cookie.path}`;
        if (parsed.expired) cookies.delete(key);
        else cookies.set(key, parsed.cookie);
      }
    },
    headerFor(url) {
      const matching = [...cookies.values()].filter((cookie) => pathMatches(url.pathname, cookie.path));
      return matching.length > 0 ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
    },
  };
}
