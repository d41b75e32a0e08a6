// PUT|DELETE /api/metadata/v0/user/bookmark {type, key}: bookmark a table or dashboard, or remove the
// bookmark. Optimistic, in the one shape every edit of the SPA takes (TanStack Query's optimistic
// update): onMutate cancels the reads of the list, keeps a snapshot and patches "My bookmarks";
// onError undoes this toggle (on the list as it is now, so other toggles made meanwhile stay) and
// says why in a toast; onSettled invalidates every bookmark list once the last toggle is done.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WriteResponseSchema, type BookmarkBody, type WriteResponse } from '../../../../contract/api-edits';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import type { ResourceSummary } from '../../../components/resource-list';
import { useToast } from '../../../components/toast';
import { requestJson } from '../../../lib/api-client';
import { describeError } from '../../../lib/api-error';
import { restoreBookmark, withBookmark, withoutBookmark } from '../bookmark-lists';
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
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = bookmarkKeys.mine();
  return useMutation({
    mutationKey: bookmarkKeys.toggle(),
    mutationFn: ({ item, bookmarked }: SetBookmarkInput) => setBookmark(item, bookmarked),
    onMutate: async ({ item, bookmarked }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ResourceLists>(key);
      if (previous) queryClient.setQueryData<ResourceLists>(key, bookmarked ? withBookmark(previous, item) : withoutBookmark(previous, item));
      return { previous };
    },
    onError: (error, { item, bookmarked, name }, context) => {
      const previous = context?.previous;
      if (previous) queryClient.setQueryData<ResourceLists>(key, (current) => (current ? restoreBookmark(current, previous, item) : previous));
      toast({ tone: 'error', title: bookmarked ? `Could not bookmark ${name}` : `Could not remove the bookmark of ${name}`, description: describeError(error) });
    },
    onSettled: () => {
      // A refetch while another toggle is still on its way would show the list without it for a moment.
      if (queryClient.isMutating({ mutationKey: bookmarkKeys.toggle() }) > 1) return;
      return queryClient.invalidateQueries({ queryKey: bookmarkKeys.all });
    },
  });
}
