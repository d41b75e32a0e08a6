// Names that look like Nansen's settings but are none of them: a typo (OIDC_ISSUER_URL for OIDC_ISSUER)
// would otherwise be ignored without a word, and outside production the development provider would
// start instead of yours. They are warned about, with the closest setting's name; never refused, since
// the same environment may hold other programs' variables.
import { ENV_ALIASES, EnvSchema } from './config-schema';

/** Every name Nansen reads: the settings, Amundsen's aliases, and REDIS_SERVER_PATH (the tests' redis-server, in the README). */
export const KNOWN_NAMES: readonly string[] = [...Object.keys(EnvSchema.shape), ...Object.values(ENV_ALIASES).flat(), 'REDIS_SERVER_PATH'];

/** The beginnings of Nansen's own setting names; other variables are none of Nansen's business. */
const PREFIXES = [
  'OIDC_', 'SESSION_', 'CATALOG_', 'RATE_LIMIT_', 'UPSTREAM_', 'METADATA_', 'SEARCH_', 'DEV_IDP_', 'UI_', 'EDIT_', 'USER_',
  'REDIS_', 'METRICS_', 'FIRST_SEARCH_', 'TRUST_PROXY',
];

/** Set by others with one of those beginnings: desktop sessions (SESSION_MANAGER), and Kubernetes' service links for a service named redis, search, metadata … */
function isSomeoneElses(name: string, value: string): boolean {
  if (name === 'SESSION_MANAGER') return true;
  if (/_SERVICE_HOST$|_SERVICE_PORT(_\w+)?$|_PORT_\d+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?$/.test(name)) return true;
  return /_PORT$/.test(name) && /^(tcp|udp|sctp):\/\//.test(value);
}

/** Edits (insert, delete, replace) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The known name `name` was probably meant to be: up to 3 edits away, or one holding the other (OIDC_ISSUER_URL, OIDC_ISSUER). */
export function closestKnownName(name: string): string | undefined {
  let best: { known: string; distance: number } | undefined;
  for (const known of KNOWN_NAMES) {
    const distance = editDistance(name, known);
    if (distance > 3 && !name.includes(known) && !known.includes(name)) continue;
    if (!best || distance < best.distance) best = { known, distance };
  }
  return best?.known;
}

/**
 * Well-known names of other programs' settings that Nansen reads in another form: a name a few edits
 * away would be the wrong hint (REDIS_HOST is closest to HOST, which is where the BFF listens).
 */
const READ_AS: Record<string, string> = Object.fromEntries(
  ['REDIS_HOST', 'REDIS_HOSTNAME', 'REDIS_PORT', 'REDIS_PASSWORD', 'REDIS_USER', 'REDIS_USERNAME', 'REDIS_DB', 'REDIS_DATABASE', 'REDIS_TLS', 'REDIS_SSL'].map((name) => [
    name,
    'Nansen takes Redis\'s host, port, user, password and database in one setting, REDIS_URL: redis://user:password@host:6379/0 (rediss:// for TLS), with SESSION_STORE=redis',
  ]),
);

/** A warning for each variable with one of Nansen's prefixes that Nansen does not read, naming the closest setting. */
export function findUnknownSettings(env: Record<string, string | undefined>): string[] {
  const known = new Set(KNOWN_NAMES);
  return Object.entries(env)
    .filter(([name, value]) => value !== undefined && !known.has(name) && PREFIXES.some((p) => name.startsWith(p)) && !isSomeoneElses(name, value))
    .map(([name]) => name)
    .sort()
    .map((name) => {
      const readAs = READ_AS[name];
      if (readAs) return `${name} is set but Nansen has no such setting, so it is ignored: ${readAs}`;
      const closest = closestKnownName(name);
      return `${name} is set but Nansen has no such setting, so it is ignored${closest ? `: did you mean ${closest}?` : '; the README lists the settings'}`;
    });
}
