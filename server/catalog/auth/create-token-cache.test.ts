import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenCache, hashToken } from './create-token-cache';

describe('the token cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A load that counts its calls and answers `value` (or fails with it, when it is an Error). */
  function counted<T>(value: T | Error) {
    const load = Object.assign(
      async (): Promise<T> => {
        load.calls += 1;
        if (value instanceof Error) throw value;
        return value;
      },
      { calls: 0 },
    );
    return load;
  }

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

  it('keeps an answer for its ttl and asks again from the moment it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const cache = createTokenCache<string>();
    const load = counted('claims');
    await cache.getOrLoad('token', load, () => 60);
    vi.setSystemTime(1_000_000 + 59_999);
    await cache.getOrLoad('token', load, () => 60);
    expect(load.calls).toBe(1);
    vi.setSystemTime(1_000_000 + 60_000);
    await cache.getOrLoad('token', load, () => 60);
    expect(load.calls).toBe(2);
  });

  it('tells the ttl whether the load succeeded, so failures can be forgotten and answers kept', async () => {
    const cache = createTokenCache<string>();
    const outcomes: unknown[] = [];
    const keepAnswers = (outcome: { ok: boolean }) => (outcomes.push(outcome), outcome.ok ? 60 : 0);
    const failing = counted<string>(new Error('IdP down'));
    await expect(cache.getOrLoad('token', failing, keepAnswers)).rejects.toThrow('IdP down');
    await expect(cache.getOrLoad('token', failing, keepAnswers)).rejects.toThrow('IdP down');
    expect(failing.calls).toBe(2);
    const working = counted('claims');
    await cache.getOrLoad('token', working, keepAnswers);
    await cache.getOrLoad('token', working, keepAnswers);
    expect(working.calls).toBe(1);
    expect(outcomes).toEqual([
      { ok: false, error: new Error('IdP down') },
      { ok: false, error: new Error('IdP down') },
      { ok: true, value: 'claims' },
    ]);
  });

  it('makes room by dropping expired answers before the oldest live one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const cache = createTokenCache<string>(2);
    const live = counted('live');
    await cache.getOrLoad('live', live, () => 60);
    await cache.getOrLoad('short', counted('short'), () => 1);
    vi.setSystemTime(1_000_000 + 1_000); // "short" expires now
    await cache.getOrLoad('new', counted('new'), () => 60);
    await cache.getOrLoad('live', live, () => 60);
    expect(live.calls).toBe(1);
  });

  it('keeps a newer lookup when an evicted one for the same token fails late', async () => {
    const cache = createTokenCache<string>(1);
    let failFirst!: (error: Error) => void;
    let loads = 0;
    const first = cache.getOrLoad('token', () => new Promise<string>((_resolve, reject) => ((loads += 1), (failFirst = reject))), () => 0);
    await cache.getOrLoad('other', async () => 'other', () => 60); // evicts the pending lookup of "token"
    const load = async () => ((loads += 1), 'claims');
    await cache.getOrLoad('token', load, () => 60);
    failFirst(new Error('late failure'));
    await expect(first).rejects.toThrow('late failure');
    await cache.getOrLoad('token', load, () => 60);
    expect(loads).toBe(2);
  });

  it('forgets everything when cleared', async () => {
    const cache = createTokenCache<string>();
    const load = counted('claims');
    await cache.getOrLoad('token', load, () => 60);
    cache.clear();
    await cache.getOrLoad('token', load, () => 60);
    expect(load.calls).toBe(2);
  });
});
