// The shared half of every optimistic edit (TanStack Query's optimistic-update guide): patch the
// cached answers that show a value, remember what they held, put it back when the write fails, and
// refetch afterwards. No UI here: the mutation hook (client/app/use-optimistic-mutation.ts) shows
// the toast.
import { partialMatchKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/** Every cached query whose key starts with `queryKey` gets `update(data)`; returning `data` itself changes nothing. */
export interface CachePatch {
  queryKey: QueryKey;
  update: (data: unknown) => unknown;
  /** Answers under this key are left alone (the resource's own page, patched by a patch of its own). */
  exclude?: QueryKey;
}

/** What the patched queries held before, to put back; and their keys, to refetch. */
export interface CacheSnapshot {
  entries: { queryKey: QueryKey; data: unknown }[];
}

/**
 * Applies each patch to each cached query it matches. A query whose data the patch changes first has
 * its refetch in flight cancelled (that answer would overwrite the patch) and is remembered; other
 * queries are not touched and keep their freshness.
 */
export async function applyCachePatches(queryClient: QueryClient, patches: readonly CachePatch[]): Promise<CacheSnapshot> {
  const before = new Map<string, { queryKey: QueryKey; data: unknown }>();
  for (const patch of patches) {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: patch.queryKey })) {
      if (patch.exclude && partialMatchKey(query.queryKey, patch.exclude)) continue;
      if (query.state.data === undefined || patch.update(query.state.data) === query.state.data) continue;
      if (query.state.fetchStatus === 'fetching') await queryClient.cancelQueries({ queryKey: query.queryKey, exact: true });
      const data = query.state.data;
      if (data === undefined) continue;
      const next = patch.update(data);
      if (next === data) continue;
      if (!before.has(query.queryHash)) before.set(query.queryHash, { queryKey: query.queryKey, data });
      queryClient.setQueryData(query.queryKey, next);
    }
  }
  return { entries: [...before.values()] };
}

/** Puts back what the patched queries held before the edit. */
export function restoreCacheSnapshot(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const entry of snapshot.entries) queryClient.setQueryData(entry.queryKey, entry.data);
}

/**
 * Marks every answer under any of the keys stale and refetches those on screen, so every view shows
 * what the server holds now; in one pass, so an answer under two keys is asked for once.
 */
export async function invalidateKeys(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  await queryClient.invalidateQueries({ predicate: (query) => keys.some((key) => partialMatchKey(query.queryKey, key)) });
}

type Item = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Walks any cached answer (search pages, profile lists, a dashboard's tables) and replaces each object
 * `match` accepts with `patch(object)`. Returns the very same value when nothing matched, so the caller
 * can tell an untouched answer from a changed one; unchanged branches keep their identity.
 */
export function patchMatchingItems(data: unknown, match: (item: Item) => boolean, patch: (item: Item) => Item): unknown {
  if (Array.isArray(data)) {
    let changed = false;
    const next = data.map((element) => {
      const patched = patchMatchingItems(element, match, patch);
      if (patched !== element) changed = true;
      return patched;
    });
    return changed ? next : data;
  }
  if (!isPlainObject(data)) return data;
  if (match(data)) return patch(data);
  let changed = false;
  const next: Item = {};
  for (const [name, value] of Object.entries(data)) {
    const patched = patchMatchingItems(value, match, patch);
    if (patched !== value) changed = true;
    next[name] = patched;
  }
  return changed ? next : data;
}

/**
 * A patch for every cached list item of one resource (`{ type: 'table', key }` in search results and
 * lists), except in answers under `exclude` (a dashboard's own page is `{ type: 'dashboard', key }` too).
 */
export function resourceItemPatch(ref: { type: 'table' | 'dashboard'; key: string }, patch: (item: Item) => Item, exclude?: QueryKey): CachePatch {
  return {
    queryKey: [],
    exclude,
    update: (data) => patchMatchingItems(data, (item) => item.type === ref.type && item.key === ref.key, patch),
  };
}

/** A list of plain strings (search results' `tags`), as opposed to the `{ tag_name }` objects of a detail page. */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((element) => typeof element === 'string');
}
