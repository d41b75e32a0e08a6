// What the server knows a session by: the SHA-256 of its id, never the id (decision 050). The id is the
// secret half of the session cookie; whoever holds it (and the cookie's signing secret) is the person.
// Both stores — the session records and the tokens, SQLite or Redis — the back-channel index, the
// refresh lock, the rate limiter and every log line get only this key, so a copy of a store (a backup,
// a Redis replica, a dump) names no session that anyone could present. The session middleware computes
// it once per request, from the id in the verified cookie; nothing can turn a key back into its id.
//
// A plain hash is enough: the id is 256 bits from the CSPRNG, so nobody can guess an id by trying
// hashes, and a key (a secret HMAC key would add nothing but one more secret to rotate). Hex, so
// that a key (64 hex digits) is never mistaken for an id (43 base64url characters; express-session's
// were 32) and the records stored under ids before decision 050 can be told apart and dropped.
import { createHash } from 'node:crypto';

const KEY = /^[0-9a-f]{64}$/;

/** The key the stores keep a session under: the SHA-256 of its id, in hex. */
export function sessionStoreKey(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** True for a key `sessionStoreKey` makes; false for a session id (what the stores held before decision 050). */
export function isSessionStoreKey(value: string): boolean {
  return KEY.test(value);
}

/** The SQL condition that is true for a column holding something other than a store key (SQLite). */
export function notAStoreKeySql(column: string): string {
  return `(length(${column}) != 64 OR ${column} GLOB '*[^0-9a-f]*')`;
}
