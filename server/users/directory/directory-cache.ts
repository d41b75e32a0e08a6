// What the directory said about whom, for a while (USER_DIRECTORY_CACHE_TTL_SECONDS), for at most
// USER_DIRECTORY_CACHE_SIZE people (the least recently used go first). "No such person" is kept for a
// shorter time, and "the directory is down" briefly, so a page does not wait on it again and again.
import type { DirectoryUser } from './user-directory';

export interface CachedAnswer {
  /** null: the directory does not know this person; undefined: the directory could not be asked. */
  readonly user: DirectoryUser | null | undefined;
  /** Whether the answer was recorded in the metadata service (PUT /user). */
  recorded: boolean;
}

export interface DirectoryCache {
  get(userId: string): CachedAnswer | undefined;
  set(userId: string, answer: CachedAnswer): void;
  readonly size: number;
}

export interface DirectoryCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** "No such person" is remembered at most this long (someone may join meanwhile). */
export const NOT_FOUND_TTL_MS = 10 * 60_000;
/** "The directory is down" is remembered this long. */
export const UNAVAILABLE_TTL_MS = 30_000;

export function createDirectoryCache({ ttlMs, maxEntries, now = Date.now }: DirectoryCacheOptions): DirectoryCache {
  const entries = new Map<string, { answer: CachedAnswer; expiresAt: number }>();
  const keyOf = (userId: string) => userId.trim().toLowerCase();
  return {
    get(userId) {
      const key = keyOf(userId);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      return entry.answer;
    },
    set(userId, answer) {
      const key = keyOf(userId);
      const ttl = answer.user === undefined ? UNAVAILABLE_TTL_MS : answer.user === null ? Math.min(ttlMs, NOT_FOUND_TTL_MS) : ttlMs;
      entries.delete(key);
      entries.set(key, { answer, expiresAt: now() + ttl });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
