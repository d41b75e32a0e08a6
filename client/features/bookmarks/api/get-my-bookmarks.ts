// GET /api/metadata/v0/user/bookmark: the signed-in user's bookmarked tables and dashboards.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { BookmarksResponseSchema, type ResourceLists } from '../../../../contract/api-user-lists';
import { requestJson } from '../../../lib/api-client';
import { bookmarkKeys } from './query-keys';

export async function getMyBookmarks(signal?: AbortSignal): Promise<ResourceLists> {
  return (await requestJson('/api/metadata/v0/user/bookmark', BookmarksResponseSchema, { signal })).bookmarks;
}

export const myBookmarksQueryOptions = () =>
  queryOptions({
    queryKey: bookmarkKeys.mine(),
    queryFn: ({ signal }) => getMyBookmarks(signal),
  });

export function useMyBookmarks() {
  return useQuery(myBookmarksQueryOptions());
}
