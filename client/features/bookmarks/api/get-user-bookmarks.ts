// GET /api/metadata/v0/user/bookmark?user_id=: the tables and dashboards a person bookmarked. For the
// signed-in person it is the same cache entry as "My bookmarks", so their profile shows a toggle's
// change at once.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { BookmarksResponseSchema, type ResourceLists } from '../../../../contract/api-user-lists';
import { useCurrentUser } from '../../../app/app-data';
import { requestJson } from '../../../lib/api-client';
import { getMyBookmarks, myBookmarksQueryOptions } from './get-my-bookmarks';
import { bookmarkKeys } from './query-keys';

export async function getUserBookmarks(userId: string, signal?: AbortSignal): Promise<ResourceLists> {
  const body = await requestJson(`/api/metadata/v0/user/bookmark?user_id=${encodeURIComponent(userId)}`, BookmarksResponseSchema, { signal });
  return body.bookmarks;
}

export const userBookmarksQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: bookmarkKeys.user(userId),
    queryFn: ({ signal }) => getUserBookmarks(userId, signal),
  });

export function useUserBookmarks(userId: string, options: { enabled: boolean }) {
  const isMe = userId === useCurrentUser().user_id;
  return useQuery<ResourceLists>({
    queryKey: isMe ? myBookmarksQueryOptions().queryKey : userBookmarksQueryOptions(userId).queryKey,
    queryFn: ({ signal }) => (isMe ? getMyBookmarks(signal) : getUserBookmarks(userId, signal)),
    enabled: options.enabled,
  });
}
