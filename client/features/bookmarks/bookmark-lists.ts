// The signed-in person's bookmarks as one cache entry (tables, dashboards): whether a resource is in
// it, and the list with one added or taken out, for the optimistic update of a bookmark toggle.
import type { ResourceLists } from '../../../contract/api-user-lists';
import type { ResourceSummary } from '../../components/resource-list';

export type BookmarkTarget = Pick<ResourceSummary, 'type' | 'key'>;

export function isBookmarked(lists: ResourceLists, target: BookmarkTarget): boolean {
  return lists[target.type].some((item) => item.key === target.key);
}

/**
 * The lists with `item` bookmarked: first among its type, once — the newest bookmark, where the embedded
 * catalog lists it too (decision 089; Amundsen's services list by name, and say no time to sort by).
 */
export function withBookmark(lists: ResourceLists, item: ResourceSummary): ResourceLists {
  if (isBookmarked(lists, item)) return lists;
  return item.type === 'table' ? { ...lists, table: [item, ...lists.table] } : { ...lists, dashboard: [item, ...lists.dashboard] };
}

export function withoutBookmark(lists: ResourceLists, target: BookmarkTarget): ResourceLists {
  if (!isBookmarked(lists, target)) return lists;
  return target.type === 'table'
    ? { ...lists, table: lists.table.filter((item) => item.key !== target.key) }
    : { ...lists, dashboard: lists.dashboard.filter((item) => item.key !== target.key) };
}
