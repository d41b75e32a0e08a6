import { queryOptions, useQuery } from '@tanstack/react-query';
import { AuthUserResponseSchema, type User } from '../../../../contract/bff-api';
import { requestJson } from '../../../lib/api-client';

export async function getAuthUser(signal?: AbortSignal): Promise<User> {
  const body = await requestJson('/api/auth_user', AuthUserResponseSchema, { signal });
  return body.user;
}

export const authUserQueryOptions = () =>
  queryOptions({
    queryKey: ['auth-user'] as const,
    queryFn: ({ signal }) => getAuthUser(signal),
    staleTime: 5 * 60_000,
  });

export function useAuthUser() {
  return useQuery(authUserQueryOptions());
}
