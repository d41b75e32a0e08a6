import { describe, expect, it } from 'vitest';
import { createDirectoryCache, NOT_FOUND_TTL_MS, UNAVAILABLE_TTL_MS } from './directory-cache';

describe('the directory cache', () => {
  it('keeps an answer for its TTL, "no such person" for at most 10 minutes, "unavailable" for 30 seconds', () => {
    let now = 0;
    const cache = createDirectoryCache({ ttlMs: 3_600_000, maxEntries: 10, now: () => now });
    cache.set('Ada@example.org', { user: { first_name: 'Ada' }, recorded: false });
    cache.set('nobody@example.org', { user: null, recorded: false });
    cache.set('down@example.org', { user: undefined, recorded: false });
    expect(cache.get('ada@EXAMPLE.org')?.user).toEqual({ first_name: 'Ada' });
    now = UNAVAILABLE_TTL_MS;
    expect(cache.get('down@example.org')).toBeUndefined();
    expect(cache.get('nobody@example.org')?.user).toBeNull();
    now = NOT_FOUND_TTL_MS;
    expect(cache.get('nobody@example.org')).toBeUndefined();
    expect(cache.get('ada@example.org')).toBeDefined();
    now = 3_600_000;
    expect(cache.get('ada@example.org')).toBeUndefined();
  });

  it('holds at most its size, dropping the least recently used', () => {
    const cache = createDirectoryCache({ ttlMs: 60_000, maxEntries: 2 });
    cache.set('a', { user: null, recorded: false });
    cache.set('b', { user: null, recorded: false });
    cache.get('a');
    cache.set('c', { user: null, recorded: false });
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });
});
