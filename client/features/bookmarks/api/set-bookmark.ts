// PUT|DELETE /api/metadata/v0/user/bookmark {type, key}: bookmark a table or dashboard, or remove the
// bookmark. Optimistic, the SPA's one way (decision 012, client/app/use-optimistic-mutation.ts): "My
// bookmarks" is patched at once (every toggle, the home page and your profile's Bookmarked tab read
// it), put back with a toast when the server refuses, and every bookmark list is read again once the
// last toggle is done.
import { WriteResponseSchema, type BookmarkBody, type WriteResponse } from '../../../../contract/api-edits';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { useOptimisticMutation } from '../../../app/use-optimistic-mutation';
import type { ResourceSummary } from '../../../components/resource-list';
import { requestJson } from '../../../lib/api-client';
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

export function useSetBookmark() {
  return useOptimisticMutation<SetBookmarkInput, WriteResponse>({
    // One list: toggles of different resources share the key, so only the last to settle refetches it.
    mutationKey: bookmarkKeys.toggle(),
    mutationFn: ({ item, bookmarked }) => setBookmark(item, bookmarked),
    patches: ({ item, bookmarked }) => [
      {
        queryKey: bookmarkKeys.mine(),
        update: (data) => (bookmarked ? withBookmark(data as ResourceLists, item) : withoutBookmark(data as ResourceLists, item)),
      },
    ],
    invalidates: () => [bookmarkKeys.all],
    successMessage: ({ bookmarked, name }) => (bookmarked ? `Bookmarked ${name}` : `Bookmark of ${name} removed`),
    errorTitle: ({ bookmarked, name }) => (bookmarked ? `Could not bookmark ${name}` : `Could not remove the bookmark of ${name}`),
  });
}
