import { queryOptions, useQuery } from '@tanstack/react-query';
import { BookmarksResponseSchema, type ResourceLists } from '../../../../contract/api-user-lists';
import { requestJson } from '../../../lib/api-client';
import { userKeys } from './query-keys';

/** The tables and dashboards a person bookmarked. */
export async function getUserBookmarks(userId: string, signal?: AbortSignal): Promise<ResourceLists> {
  const body = await requestJson(`/api/metadata/v0/user/bookmark?user_id=${encodeURIComponent(userId)}`, BookmarksResponseSchema, { signal });
  return body.bookmarks;
}

export const userBookmarksQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: userKeys.bookmarks(userId),
    queryFn: ({ signal }) => getUserBookmarks(userId, signal),
  });

export function useUserBookmarks(userId: string, options: { enabled: boolean }) {
  return useQuery({ ...userBookmarksQueryOptions(userId), enabled: options.enabled });
}
