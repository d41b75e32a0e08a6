// GET /api/metadata/v0/get_last_indexed: when the catalog's metadata last changed (epoch seconds).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { LastIndexedResponseSchema } from '../../../../contract/api-common';
import { requestJson } from '../../../lib/api-client';
import { catalogStatusKeys } from './query-keys';

export async function getLastIndexed(signal?: AbortSignal): Promise<number | null> {
  return (await requestJson('/api/metadata/v0/get_last_indexed', LastIndexedResponseSchema, { signal })).timestamp;
}

export const lastIndexedQueryOptions = () =>
  queryOptions({
    queryKey: catalogStatusKeys.lastIndexed(),
    queryFn: ({ signal }) => getLastIndexed(signal),
    staleTime: 5 * 60_000,
  });

export function useLastIndexed() {
  return useQuery(lastIndexedQueryOptions());
}
