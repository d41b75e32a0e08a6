import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TableSummary } from '../../../../contract/api-table';
import { ReadResponseSchema, type ResourceLists } from '../../../../contract/api-user-lists';
import { requestJson } from '../../../lib/api-client';
import { userKeys } from './query-keys';

/** The tables a person uses most (most read first). */
export async function getUserRead(userId: string, signal?: AbortSignal): Promise<TableSummary[]> {
  const body = await requestJson(`/api/metadata/v0/user/read?user_id=${encodeURIComponent(userId)}`, ReadResponseSchema, { signal });
  return body.read;
}

export const userReadQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: userKeys.read(userId),
    queryFn: ({ signal }) => getUserRead(userId, signal),
  });

/** The same list in the shape of the other lists (tables only: the catalog reads no dashboards). */
export function useUserReadLists(userId: string) {
  return useQuery({ ...userReadQueryOptions(userId), select: (tables: TableSummary[]): ResourceLists => ({ table: tables, dashboard: [] }) });
}
