// Instances that share one session store (SESSION_STORE=redis) must share SESSION_SECRETS: a cookie one
// of them signed (the session) or sealed (the pending login) is otherwise refused by the other, and the
// person sees "Your session has ended" or "The login took too long or was already used" with nothing in
// the log to say why. This is the one warning line for that, at most once a minute per cookie, naming
// the cookie and never its value; and the start-up check of the secrets' fingerprints in Redis.
import { createHmac } from 'node:crypto';
import type { Logger } from '../http/logger';

export const SECRET_MISMATCH_WARNING_INTERVAL_MS = 60_000;

/** Which of Nansen's cookies came signed or sealed with a secret this instance does not have. */
export type SecretCookie = 'session' | 'pending login';

/** Warns, at most once per interval per cookie, that a cookie came with a secret this instance does not have. */
export function createSecretMismatchWarning(logger: Pick<Logger, 'warn'>, options: { intervalMs?: number; now?: () => number } = {}) {
  const intervalMs = options.intervalMs ?? SECRET_MISMATCH_WARNING_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const last = new Map<SecretCookie, number>();
  return (cookie: SecretCookie, cookieName: string): void => {
    const at = now();
    if ((last.get(cookie) ?? -Infinity) + intervalMs > at) return;
    last.set(cookie, at);
    logger.warn(
      `a ${cookie} cookie (${cookieName}) signed with a secret this instance does not have: do all instances share SESSION_SECRETS? ` +
        `(or the secret it was made with left the list; at most one such line a minute)`,
    );
  };
}

/** A secret's fingerprint: an HMAC of a fixed label, which reveals nothing of the secret. */
export function secretFingerprint(secret: string): string {
  return createHmac('sha256', secret).update('nansen session secret fingerprint').digest('base64url').slice(0, 16);
}

/** What an instance stores in Redis at start-up: the fingerprints of the secret it signs with and of those it accepts. */
export interface SecretFingerprints {
  signs: string;
  accepts: string[];
}

export function secretFingerprints(secrets: readonly string[]): SecretFingerprints {
  const accepts = secrets.map(secretFingerprint);
  return { signs: accepts[0]!, accepts };
}

/**
 * The warning when another instance's secrets (as stored, a JSON SecretFingerprints) do not match
 * this one's: either signs cookies the other cannot check. Undefined when they match, or when nothing
 * (or something unreadable) was stored.
 */
export function compareSecretFingerprints(ours: SecretFingerprints, stored: string | null | undefined): string | undefined {
  if (!stored) return undefined;
  let theirs: SecretFingerprints;
  try {
    theirs = JSON.parse(stored) as SecretFingerprints;
    if (typeof theirs?.signs !== 'string' || !Array.isArray(theirs.accepts)) return undefined;
  } catch {
    return undefined;
  }
  if (theirs.accepts.includes(ours.signs) && ours.accepts.includes(theirs.signs)) return undefined;
  return 'SESSION_SECRETS differs from that of the last instance started on this Redis: each refuses the session and login cookies the other signs ' +
    '("Your session has ended", "The login took too long or was already used"). Give every instance the same SESSION_SECRETS ' +
    '(unset, each instance makes its own, in DATA_DIR/.session-secret) ' +
    '(during a rotation this passes once every instance runs the new list)';
}
