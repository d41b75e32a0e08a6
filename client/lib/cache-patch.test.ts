import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyCachePatches, invalidateKeys, patchMatchingItems, resourceItemPatch, restoreCacheSnapshot } from './cache-patch';

const orders = { type: 'table', key: 'hive://gold.sales/orders', description: 'old', tags: ['sales'] };
const refunds = { type: 'table', key: 'hive://gold.sales/refunds', description: 'r', tags: [] };

describe('patchMatchingItems', () => {
  it('patches every matching item at any depth and keeps untouched branches as they were', () => {
    const data = { table: { results: [orders, refunds] }, user: { results: [{ type: 'user', key: 'x' }] } };
    const next = patchMatchingItems(data, (i) => i.key === orders.key, (i) => ({ ...i, description: 'new' })) as typeof data;
    expect(next.table.results[0]).toEqual({ ...orders, description: 'new' });
    expect(next.table.results[1]).toBe(refunds);
    expect(next.user).toBe(data.user);
  });

  it('returns the same value when nothing matches', () => {
    const data = { dashboards: [refunds], count: 1 };
    expect(patchMatchingItems(data, (i) => i.key === 'nope', (i) => ({ ...i }))).toBe(data);
  });
});

describe('applyCachePatches and restoreCacheSnapshot', () => {
  it('changes only the answers that show the resource, remembers them and puts them back', async () => {
    const client = new QueryClient();
    client.setQueryData(['search', 'results', 'orders'], { table: { results: [orders] } });
    client.setQueryData(['search', 'results', 'refunds'], { table: { results: [refunds] } });
    const untouchedAt = client.getQueryState(['search', 'results', 'refunds'])!.dataUpdatedAt;
    const snapshot = await applyCachePatches(client, [resourceItemPatch({ type: 'table', key: orders.key }, (i) => ({ ...i, tags: [...(i.tags as string[]), 'finance'] }))]);

    expect(client.getQueryData(['search', 'results', 'orders'])).toEqual({ table: { results: [{ ...orders, tags: ['sales', 'finance'] }] } });
    expect(snapshot.entries.map((e) => e.queryKey)).toEqual([['search', 'results', 'orders']]);
    expect(client.getQueryState(['search', 'results', 'refunds'])!.dataUpdatedAt).toBe(untouchedAt);

    restoreCacheSnapshot(client, snapshot);
    expect(client.getQueryData(['search', 'results', 'orders'])).toEqual({ table: { results: [orders] } });
  });

  it('remembers the value before the first patch when two patches change one answer', async () => {
    const client = new QueryClient();
    client.setQueryData(['table', orders.key, 'detail'], { description: 'a', tags: [] });
    const snapshot = await applyCachePatches(client, [
      { queryKey: ['table', orders.key], update: (d) => ({ ...(d as object), description: 'b' }) },
      { queryKey: ['table', orders.key, 'detail'], update: (d) => ({ ...(d as object), tags: ['x'] }) },
    ]);
    expect(client.getQueryData(['table', orders.key, 'detail'])).toEqual({ description: 'b', tags: ['x'] });
    expect(snapshot.entries).toEqual([{ queryKey: ['table', orders.key, 'detail'], data: { description: 'a', tags: [] } }]);
  });

  it('cancels a refetch in flight of a patched answer, so its older answer cannot overwrite the patch', async () => {
    const client = new QueryClient();
    const key = ['table', orders.key, 'detail'];
    client.setQueryData(key, { description: 'a' });
    let answer: (value: unknown) => void = () => {};
    void client.fetchQuery({ queryKey: key, queryFn: () => new Promise((resolve) => (answer = resolve)), staleTime: 0 }).catch(() => {});
    await applyCachePatches(client, [{ queryKey: key, update: () => ({ description: 'b' }) }]);
    answer({ description: 'stale answer' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData(key)).toEqual({ description: 'b' });
  });
});

describe('invalidateKeys', () => {
  it('refetches an answer on screen under two of the keys once', async () => {
    const client = new QueryClient();
    let fetches = 0;
    const onScreen = new QueryObserver(client, { queryKey: ['table', 'x', 'detail'], queryFn: () => ++fetches, staleTime: Infinity });
    const stop = onScreen.subscribe(() => {});
    await client.fetchQuery({ queryKey: ['table', 'x', 'detail'], queryFn: () => ++fetches, staleTime: Infinity });
    fetches = 0;
    await invalidateKeys(client, [['table', 'x'], ['table', 'x', 'detail']]);
    expect(fetches).toBe(1);
    stop();
  });

  it('marks every answer under the keys stale', async () => {
    const client = new QueryClient();
    client.setQueryData(['search', 'results', 1], {});
    client.setQueryData(['browse', 'tags'], {});
    await invalidateKeys(client, [['search']]);
    expect(client.getQueryState(['search', 'results', 1])!.isInvalidated).toBe(true);
    expect(client.getQueryState(['browse', 'tags'])!.isInvalidated).toBe(false);
  });
});
