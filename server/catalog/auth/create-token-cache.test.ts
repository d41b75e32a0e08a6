import { describe, expect, it } from 'vitest';
import { createTokenCache, hashToken } from './create-token-cache';

describe('the token cache', () => {
  it('shares one lookup between concurrent requests with the same token', async () => {
    const cache = createTokenCache<string>();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return 'claims';
    };
    const results = await Promise.all([1, 2, 3].map(() => cache.getOrLoad('token-a', load, () => 60)));
    expect(results).toEqual(['claims', 'claims', 'claims']);
    expect(loads).toBe(1);
  });

  it('forgets an outcome whose ttl is zero, so the next request asks again', async () => {
    const cache = createTokenCache<string>();
    let loads = 0;
    const failing = async () => {
      loads += 1;
      throw new Error('IdP down');
    };
    await expect(cache.getOrLoad('token-b', failing, () => 0)).rejects.toThrow('IdP down');
    await expect(cache.getOrLoad('token-b', failing, () => 0)).rejects.toThrow('IdP down');
    expect(loads).toBe(2);
  });

  it('keeps at most maxEntries tokens', async () => {
    const cache = createTokenCache<number>(2);
    let loads = 0;
    const load = async () => ++loads;
    await cache.getOrLoad('one', load, () => 60);
    await cache.getOrLoad('two', load, () => 60);
    await cache.getOrLoad('three', load, () => 60);
    await cache.getOrLoad('one', load, () => 60);
    expect(loads).toBe(4);
  });

  it('keys entries by a SHA-256 hash, not the token', () => {
    expect(hashToken('secret-token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken('secret-token')).not.toContain('secret');
  });
});
