// Where a session's tokens live: not in the session record (express-session and connect-redis rewrite
// the whole record on save, so a late write of an old copy could bring back a refresh token that was
// already used), but under the session id in a store of their own, sealed (token-cipher.ts), with a
// version that every write checks (compare-and-set). The same store keeps the refresh lock (one
// refresh at a time per session, across instances), the index from a provider's `sid`/`sub` to our
// sessions (back-channel logout), and the logout tokens already seen (no replay).
import { createHash } from 'node:crypto';
import type session from 'express-session';
import type { SessionTokens } from './session-data';
import type { TokenCipher } from './token-cipher';

export interface StoredTokens {
  /** Increases with every write; a write that expects an older version is refused. */
  version: number;
  tokens: SessionTokens;
}

export interface TokenStore {
  read(sessionId: string): Promise<StoredTokens | undefined>;
  /**
   * Store the tokens of a session for `ttlMs`. With `expectVersion`, only if the stored version is still
   * that one (returns false otherwise, and nothing is written).
   */
  write(sessionId: string, tokens: SessionTokens, options: { ttlMs: number; expectVersion?: number }): Promise<boolean>;
  delete(sessionId: string): Promise<void>;
  /** Our sessions whose login at `issuer` had this provider session id (`sid` claim), or else this subject (`sub`). */
  findSessions(by: { issuer: string; providerSessionId?: string; subject?: string }): Promise<string[]>;
  /** True when the caller now holds the lock `name` (for `ttlMs` at most). */
  tryLock(name: string, ttlMs: number): Promise<boolean>;
  unlock(name: string): Promise<void>;
  /** True the first time `key` is seen within `ttlMs`; false for a repeat (a replayed token). */
  rememberOnce(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** The session records (express-session) and the tokens, from one backend. */
export interface SessionStores {
  sessions: session.Store;
  tokens: TokenStore;
  /** Sessions deleted at start-up because they were kept under their id, not its hash (before decision 050). */
  droppedAtOpen?: number;
  /** Why they could not be deleted (the stores work all the same: nothing is ever looked up under an id). */
  dropFailure?: string;
  /** With Redis: the warning when the last instance started on it had other SESSION_SECRETS (secret-mismatch-warning.ts). */
  secretWarning?: string;
  /** With Redis: while its connection is lost, what is wrong ("cannot connect (ECONNREFUSED)"), for /readyz. */
  connectionProblem?: () => string | undefined;
  close(): Promise<void>;
}

/** What a store keeps per session: the sealed tokens and two one-way lookup keys. */
export interface TokenRecord {
  sealed: string;
  subjectKey: string | null;
  providerSessionKey: string | null;
}

const PURPOSE = 'session-tokens';

/** A lookup key for an identifier (`sub`, `sid`) that does not store the identifier itself. */
export function lookupKey(issuer: string | undefined, value: string | undefined): string | null {
  return value ? createHash('sha256').update(`${issuer ?? ''}\n${value}`).digest('base64url') : null;
}

export function toTokenRecord(cipher: TokenCipher, tokens: SessionTokens): TokenRecord {
  return {
    sealed: cipher.seal(JSON.stringify(tokens), PURPOSE),
    subjectKey: lookupKey(tokens.issuer, tokens.subject),
    providerSessionKey: lookupKey(tokens.issuer, tokens.providerSessionId),
  };
}

/** The tokens of a sealed record; undefined when no current secret opens it (then the session ends). */
export function fromSealed(cipher: TokenCipher, sealed: string): SessionTokens | undefined {
  const json = cipher.open(sealed, PURPOSE);
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as SessionTokens;
  } catch {
    return undefined;
  }
}

/**
 * The tokens of records already opened, by session id: a read whose record is unchanged (the same
 * sealed text) skips the AES-GCM open and the JSON parse that every forwarded call paid. The record
 * itself is still read from the store on every request, so a session whose tokens were deleted (a
 * logout, here or on another instance) or rewritten (a refresh) never gets the remembered ones. The
 * tokens are frozen: every request of the session shares them.
 */
export class OpenedTokens {
  private readonly bySession = new Map<string, { sealed: string; tokens: Readonly<SessionTokens> }>();

  constructor(private readonly cipher: TokenCipher, private readonly limit = 10_000) {}

  open(sessionId: string, sealed: string): SessionTokens | undefined {
    const known = this.bySession.get(sessionId);
    if (known?.sealed === sealed) return known.tokens;
    const tokens = fromSealed(this.cipher, sealed);
    if (!tokens) {
      this.bySession.delete(sessionId);
      return undefined;
    }
    // The oldest entry goes first when full (a Map keeps insertion order).
    if (!known && this.bySession.size >= this.limit) this.bySession.delete(this.bySession.keys().next().value!);
    this.bySession.set(sessionId, { sealed, tokens: Object.freeze(tokens) });
    return tokens;
  }

  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
  }
}
