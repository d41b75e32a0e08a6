import { queryOptions, useQuery } from '@tanstack/react-query';
import { AuthUserResponseSchema, type User } from '../../../../contract/api-common';
import { requestJson } from '../../../lib/api-client';
import { userKeys } from './query-keys';

/** A person's profile; 404 when there is no such person (or profiles are off and it is not you). */
export async function getUser(userId: string, signal?: AbortSignal): Promise<User> {
  const body = await requestJson(`/api/metadata/v0/user?user_id=${encodeURIComponent(userId)}`, AuthUserResponseSchema, { signal });
  return body.user;
}

export const userQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: userKeys.profile(userId),
    queryFn: ({ signal }) => getUser(userId, signal),
  });

export function useUser(userId: string) {
  return useQuery(userQueryOptions(userId));
}
