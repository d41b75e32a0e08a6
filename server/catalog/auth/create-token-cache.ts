import { createHash } from 'node:crypto';

export interface TokenCache<T> {
  /** The cached promise for this token, or a new one from `load`, kept for `ttlSeconds(result)`. */
  getOrLoad(token: string, load: () => Promise<T>, ttlSeconds: (outcome: { ok: true; value: T } | { ok: false; error: unknown }) => number): Promise<T>;
  clear(): void;
}

/** Never keep a token itself: the cache key is its SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * A small time-bounded cache of token lookups keyed by the token's hash. Concurrent requests with
 * the same token share one lookup. A ttl of 0 forgets the outcome at once.
 */
export function createTokenCache<T>(maxEntries = 10_000): TokenCache<T> {
  const entries = new Map<string, { expiresAt: number; promise: Promise<T> }>();

  function evictIfFull() {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
  }

  return {
    getOrLoad(token, load, ttlSeconds) {
      const key = hashToken(token);
      const cached = entries.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached.promise;
      evictIfFull();
      const promise = load();
      const entry = { expiresAt: Number.POSITIVE_INFINITY, promise };
      entries.set(key, entry);
      const settle = (seconds: number) => {
        if (seconds <= 0) {
          if (entries.get(key) === entry) entries.delete(key);
        } else {
          entry.expiresAt = Date.now() + seconds * 1000;
        }
      };
      promise.then(
        (value) => settle(ttlSeconds({ ok: true, value })),
        (error: unknown) => settle(ttlSeconds({ ok: false, error })),
      );
      return promise;
    },
    clear() {
      entries.clear();
    },
  };
}
