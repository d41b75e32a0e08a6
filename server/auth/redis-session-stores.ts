// Sessions and tokens in Redis, for several Nansen instances behind one load balancer: a session made
// on one works on the others, a refresh on one is seen by all, a logout on one ends it everywhere.
// The session record goes through connect-redis; the tokens live under their own key, written with a
// compare-and-set script, so connect-redis rewriting a whole (possibly old) session record can never
// bring back a used refresh token. Every session is kept under its store key, the SHA-256 of its id
// (session-store-key.ts, decision 050): the records, the tokens, the members of the back-channel
// indexes and the refresh locks; what was kept under an id before that goes at start-up
// (dropSessionsKeptUnderTheirIds, called by create-session-stores.ts).
import { randomBytes } from 'node:crypto';
import { RedisStore } from 'connect-redis';
import { createClient } from 'redis';
import type { SessionTokens } from './session-data';
import { isSessionStoreKey } from './session-store-key';
import type { TokenCipher } from './token-cipher';
import type { Logger } from '../http/logger';
import { watchRedisConnection } from './redis-connection-watch';
import { lookupKey, OpenedTokens, toTokenRecord, type SessionStores, type StoredTokens, type TokenStore } from './token-store';

type Client = ReturnType<typeof createClient>;

const PREFIX = 'nansen:';
const tokenKey = (sessionId: string) => `${PREFIX}tokens:${sessionId}`;
const indexKey = (kind: 'subject' | 'provider-session', key: string) => `${PREFIX}tokens-by-${kind}:${key}`;
const SESSION_PREFIX = `${PREFIX}session:`;
/** The fingerprints of the SESSION_SECRETS of the last instance started (never the secrets). */
export const SECRET_FINGERPRINTS_KEY = `${PREFIX}session-secret-fingerprints`;

// KEYS[1] the tokens hash; ARGV: sealed, ttl ms, expected version ('' = any). Returns the new version, or 0.
const WRITE_TOKENS = `
local current = redis.call('HGET', KEYS[1], 'version')
if ARGV[3] ~= '' and current ~= ARGV[3] then return 0 end
local version = (tonumber(current) or 0) + 1
redis.call('HSET', KEYS[1], 'version', version, 'sealed', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return version`;

// KEYS[1] the lock; ARGV[1] our token. Deletes the lock only if we still hold it.
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisTokenStore implements TokenStore {
  private readonly locks = new Map<string, string>();
  private readonly opened: OpenedTokens;

  constructor(private readonly client: Client, private readonly cipher: TokenCipher) {
    this.opened = new OpenedTokens(cipher);
  }

  async read(sessionId: string): Promise<StoredTokens | undefined> {
    const row = await this.client.hGetAll(tokenKey(sessionId));
    if (!row.sealed || !row.version) return undefined;
    const tokens = this.opened.open(sessionId, row.sealed);
    return tokens ? { version: Number(row.version), tokens } : undefined;
  }

  async write(sessionId: string, tokens: SessionTokens, options: { ttlMs: number; expectVersion?: number }): Promise<boolean> {
    const record = toTokenRecord(this.cipher, tokens);
    const ttl = String(Math.max(1000, Math.round(options.ttlMs)));
    const version = await this.client.eval(WRITE_TOKENS, {
      keys: [tokenKey(sessionId)],
      arguments: [record.sealed, ttl, options.expectVersion === undefined ? '' : String(options.expectVersion)],
    });
    if (Number(version) === 0) return false;
    const indexes: [string, string | null][] = [
      [indexKey('subject', record.subjectKey ?? ''), record.subjectKey],
      [indexKey('provider-session', record.providerSessionKey ?? ''), record.providerSessionKey],
    ];
    const multi = this.client.multi();
    for (const [key, value] of indexes) {
      if (!value) continue;
      multi.sAdd(key, sessionId);
      // An index lives as long as its longest-lived session; entries of ended sessions are filtered on read.
      multi.pExpire(key, Number(ttl), 'GT');
      multi.pExpire(key, Number(ttl), 'NX');
    }
    await multi.exec();
    return true;
  }

  async delete(sessionId: string): Promise<void> {
    await this.client.del(tokenKey(sessionId));
    this.opened.forget(sessionId);
  }

  async findSessions(by: { issuer: string; providerSessionId?: string; subject?: string }): Promise<string[]> {
    const providerSessionKey = lookupKey(by.issuer, by.providerSessionId);
    const key = providerSessionKey ? indexKey('provider-session', providerSessionKey) : indexKey('subject', lookupKey(by.issuer, by.subject) ?? '');
    const members = await this.client.sMembers(key);
    const alive: string[] = [];
    for (const sessionId of members) {
      if (await this.client.exists(tokenKey(sessionId))) alive.push(sessionId);
      else await this.client.sRem(key, sessionId);
    }
    return alive;
  }

  async tryLock(name: string, ttlMs: number): Promise<boolean> {
    const owner = randomBytes(12).toString('base64url');
    const ok = await this.client.set(`${PREFIX}lock:${name}`, owner, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    if (ok !== 'OK') return false;
    this.locks.set(name, owner);
    return true;
  }

  async unlock(name: string): Promise<void> {
    const owner = this.locks.get(name);
    if (!owner) return;
    this.locks.delete(name);
    await this.client.eval(UNLOCK, { keys: [`${PREFIX}lock:${name}`], arguments: [owner] });
  }

  async rememberOnce(key: string, ttlMs: number): Promise<boolean> {
    const ok = await this.client.set(`${PREFIX}seen:${key}`, '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1000, Math.round(ttlMs)) } });
    return ok === 'OK';
  }

  async close(): Promise<void> {}
}

export async function createRedisSessionStores(
  url: string,
  cipher: TokenCipher,
  options: { logger?: Logger } = {},
): Promise<SessionStores & { dropSessionsKeptUnderTheirIds(): Promise<number>; exchangeSecretFingerprints(ours: string): Promise<string | null> }> {
  let connected = false;
  const watch = watchRedisConnection({ url, logger: options.logger });
  const client: Client = createClient({
    url,
    // Until the first connection, a failure is final: start-up reports it instead of retrying forever.
    // After it, at least once a second: a Redis that is back is used again within a second.
    socket: { connectTimeout: 5000, reconnectStrategy: (retries, cause) => (connected ? Math.min(retries * 200, 1000) : cause) },
    // Commands wait for a lost connection only until it is known to be down (redis-connection-watch.ts).
    commandOptions: { abortSignal: watch.signal },
  });
  // Also keeps an error event from crashing the process: the client reconnects by itself.
  watch.attach(client);
  try {
    await client.connect();
    connected = true;
    watch.connected();
  } catch (err) {
    watch.close();
    throw new Error(`Cannot connect to Redis at REDIS_URL (${new URL(url).host}): ${err instanceof Error ? err.message : String(err)}. Check REDIS_URL and that Redis is running.`);
  }
  const sessions = new RedisStore({ client, prefix: SESSION_PREFIX });
  const tokens = new RedisTokenStore(client, cipher);
  return {
    sessions,
    tokens,
    dropSessionsKeptUnderTheirIds: () => dropSessionsKeptUnderTheirIds(client),
    connectionProblem: () => watch.problem,
    // What the last instance started on this Redis stored (secret-mismatch-warning.ts), replaced by ours.
    async exchangeSecretFingerprints(ours) {
      const theirs = await client.get(SECRET_FINGERPRINTS_KEY);
      await client.set(SECRET_FINGERPRINTS_KEY, ours);
      return theirs;
    },
    async close() {
      watch.close();
      // QUIT waits for a connection; while Redis is away there is none to wait for.
      if (client.isReady) await client.quit().catch(() => client.disconnect());
      else await client.disconnect();
    },
  };
}

/** Where a session's id may stand in a key (before decision 050), and the id's place in it. */
const KEYED_BY_SESSION = [SESSION_PREFIX, `${PREFIX}tokens:`, `${PREFIX}lock:refresh:`];
const INDEXES = [`${PREFIX}tokens-by-subject:`, `${PREFIX}tokens-by-provider-session:`];

/**
 * Deletes what Nansen kept under a session's id rather than its store key (before decision 050): the
 * session records, the tokens, the refresh locks, and the ids among the members of the back-channel
 * indexes. Whoever could read Redis could present those ids as cookies; the sessions end, and their
 * people log in again. Run at every start (a key's shape tells the two apart, so nothing needs to be
 * remembered, and records an instance of the old version wrote during a rolling upgrade go at the next
 * start); one SCAN over Nansen's keys. Returns how many session records it deleted.
 */
async function dropSessionsKeptUnderTheirIds(client: Client): Promise<number> {
  let sessions = 0;
  for await (const keys of client.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 1000 })) {
    for (const key of keys) {
      const keyedBy = KEYED_BY_SESSION.find((prefix) => key.startsWith(prefix));
      if (keyedBy) {
        if (isSessionStoreKey(key.slice(keyedBy.length))) continue;
        const deleted = await client.unlink(key);
        if (keyedBy === SESSION_PREFIX) sessions += deleted;
      } else if (INDEXES.some((prefix) => key.startsWith(prefix))) {
        const ids = (await client.sMembers(key)).filter((member) => !isSessionStoreKey(member));
        if (ids.length) await client.sRem(key, ids);
      }
    }
  }
  return sessions;
}
