// PUT|DELETE /api/metadata/v0/user/bookmark {type, key}: bookmark a table or dashboard, or remove the
// bookmark. Optimistic, the SPA's one way (decision 012, client/app/use-optimistic-mutation.ts): "My
// bookmarks" is patched at once (every toggle, the home page and your profile's Bookmarked tab read
// it), put back with a toast when the server refuses, and every bookmark list is read again once the
// last toggle is done. Removing the bookmark of a resource the catalog no longer has (deleted since the
// page was opened: the service answers 404) is done, not failed: the bookmark is gone either way.
import { WriteResponseSchema, type BookmarkBody, type WriteResponse } from '../../../../contract/api-edits';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import type { ResourceSummary } from '../../../components/resource-list';
import { requestJson } from '../../../lib/api-client';
import { isNotFound } from '../../../lib/api-error';
import { withBookmark, withoutBookmark } from '../bookmark-lists';
import { bookmarkKeys } from './query-keys';

export async function setBookmark(target: BookmarkBody, bookmarked: boolean): Promise<WriteResponse> {
  return requestJson('/api/metadata/v0/user/bookmark', WriteResponseSchema, {
    method: bookmarked ? 'PUT' : 'DELETE',
    body: { type: target.type, key: target.key } satisfies BookmarkBody,
  });
}

export interface SetBookmarkInput {
  item: ResourceSummary;
  /** True to bookmark, false to remove the bookmark. */
  bookmarked: boolean;
  /** The resource's name, for the message when it fails. */
  name: string;
}

/** What a toggle did: `gone` when the bookmark's resource is no longer in the catalog. */
export interface SetBookmarkResult {
  gone: boolean;
}

/** Sets the bookmark; a removal the service answers 404 (the resource is gone) counts as done. */
export async function toggleBookmark({ item, bookmarked }: Pick<SetBookmarkInput, 'item' | 'bookmarked'>): Promise<SetBookmarkResult> {
  try {
    await setBookmark(item, bookmarked);
    return { gone: false };
  } catch (error) {
    if (!bookmarked && isNotFound(error)) return { gone: true };
    throw error;
  }
}

const NOUNS = { table: 'table', dashboard: 'dashboard' } as const;

export function useSetBookmark() {
  return useOptimisticMutation<SetBookmarkInput, SetBookmarkResult>({
    // One list: toggles of different resources share the key, so only the last to settle refetches it.
    mutationKey: bookmarkKeys.toggle(),
    mutationFn: toggleBookmark,
    patches: ({ item, bookmarked }) => [
      {
        queryKey: bookmarkKeys.mine(),
        update: (data) => (bookmarked ? withBookmark(data as ResourceLists, item) : withoutBookmark(data as ResourceLists, item)),
      },
    ],
    invalidates: () => [bookmarkKeys.all],
    successMessage: ({ item, bookmarked, name }, { gone }) =>
      bookmarked ? `Bookmarked ${name}` : gone ? `Bookmark of ${name} removed: the ${NOUNS[item.type]} is no longer in the catalog` : `Bookmark of ${name} removed`,
    errorTitle: ({ bookmarked, name }) => (bookmarked ? `Could not bookmark ${name}` : `Could not remove the bookmark of ${name}`),
  });
}
