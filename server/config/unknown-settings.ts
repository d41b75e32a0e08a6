// Names that look like Nansen's settings but are none of them: a typo (OIDC_ISSUER_URL for OIDC_ISSUER)
// would otherwise be ignored without a word, and outside production the development provider would
// start instead of yours (DATA_DIRECTORY for DATA_DIR: the catalog and sessions go to ./data). They are warned about, with the closest setting's name; never refused, since
// the same environment may hold other programs' variables.
import { ENV_ALIASES, EnvSchema } from './config-schema';

/** Every name Nansen reads: the settings, Amundsen's aliases, and REDIS_SERVER_PATH (the tests' redis-server, in the README). */
export const KNOWN_NAMES: readonly string[] = [...Object.keys(EnvSchema.shape), ...Object.values(ENV_ALIASES).flat(), 'REDIS_SERVER_PATH'];

/**
 * Beginnings that Nansen's settings share with variables other programs set on an ordinary machine:
 * NODE_ENV is Nansen's, but NODE_OPTIONS, NODE_EXTRA_CA_CERTS, NODE_VERSION (Docker's node images) …
 * are Node's. A name with one of these is warned about only when it is spelled close to a setting.
 */
const SHARED_PREFIXES: readonly string[] = ['NODE_'];

/**
 * The beginnings of Nansen's own setting names, up to the first "_" (DATA_ of DATA_DIR, LOG_ of
 * LOG_FORMAT, OIDC_ …), derived from the settings so that a new setting brings its own. Amundsen's
 * aliases give none: FLASK_OIDC_* settings that only flaskoidc reads often share an environment
 * with Nansen (a misspelled alias is still caught by its spelling).
 */
export const SETTING_PREFIXES: readonly string[] = [
  ...new Set(Object.keys(EnvSchema.shape).filter((name) => name.includes('_')).map((name) => name.slice(0, name.indexOf('_') + 1))),
].filter((prefix) => !SHARED_PREFIXES.includes(prefix)).sort();

/**
 * How many edits a name without one of those beginnings may be from a setting to be taken for a
 * misspelling of it: two, but one for names shorter than 6 letters (HOME is two from HOST, and is
 * every shell's).
 */
const closeEnough = (known: string) => (known.length < 6 ? 1 : 2);

/** The setting `name` is a near miss of (PUBLC_URL, HSOT, public_url), when it has none of the settings' beginnings. */
function nearMiss(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper !== name && KNOWN_NAMES.includes(upper)) return upper;
  let best: { known: string; distance: number } | undefined;
  for (const known of KNOWN_NAMES) {
    const distance = editDistance(name, known);
    if (distance <= closeEnough(known) && (!best || distance < best.distance)) best = { known, distance };
  }
  return best?.known;
}

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

/**
 * A warning for each variable that looks like one of Nansen's settings but is none: it begins as
 * they do (DATA_DIRECTORY, LOG_FORMATS), or it is spelled within an edit or two of one (PUBLC_URL,
 * NODE_EVN), naming the closest setting.
 */
export function findUnknownSettings(env: Record<string, string | undefined>): string[] {
  const known = new Set(KNOWN_NAMES);
  const warnings: { name: string; closest: string | undefined }[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || known.has(name) || isSomeoneElses(name, value)) continue;
    if (SETTING_PREFIXES.some((p) => name.startsWith(p))) warnings.push({ name, closest: closestKnownName(name) });
    else {
      const miss = nearMiss(name);
      if (miss) warnings.push({ name, closest: miss });
    }
  }
  return warnings
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, closest }) => {
      const readAs = READ_AS[name];
      if (readAs) return `${name} is set but Nansen has no such setting, so it is ignored: ${readAs}`;
      return `${name} is set but Nansen has no such setting, so it is ignored${closest ? `: did you mean ${closest}?` : '; the README lists the settings'}`;
    });
}
