import { queryOptions, useQuery } from '@tanstack/react-query';
import { OwnedResponseSchema, type ResourceLists } from '../../../../contract/api-user-lists';
import { requestJson } from '../../../lib/api-client';
import { userKeys } from './query-keys';

/** The tables and dashboards a person owns. */
export async function getUserOwned(userId: string, signal?: AbortSignal): Promise<ResourceLists> {
  const body = await requestJson(`/api/metadata/v0/user/own?user_id=${encodeURIComponent(userId)}`, OwnedResponseSchema, { signal });
  return body.own;
}

export const userOwnedQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: userKeys.owned(userId),
    queryFn: ({ signal }) => getUserOwned(userId, signal),
  });

export function useUserOwned(userId: string) {
  return useQuery(userOwnedQueryOptions(userId));
}
