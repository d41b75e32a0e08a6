// GET /api/metadata/v0/popular_resources?types=table,dashboard: the catalog's most used tables and
// dashboards (a type not asked for comes back empty).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { PopularResourcesResponseSchema, type ResourceLists } from '../../../../contract/api-user-lists';
import { requestJson } from '../../../lib/api-client';
import { popularKeys, type PopularType } from './query-keys';

export type { PopularType };

export async function getPopularResources(types: readonly PopularType[], signal?: AbortSignal): Promise<ResourceLists> {
  const body = await requestJson(`/api/metadata/v0/popular_resources?types=${types.join(',')}`, PopularResourcesResponseSchema, { signal });
  return body.results;
}

export const popularResourcesQueryOptions = (types: readonly PopularType[]) =>
  queryOptions({
    queryKey: popularKeys.list(types),
    queryFn: ({ signal }) => getPopularResources(types, signal),
    staleTime: 5 * 60_000,
  });

export function usePopularResources(types: readonly PopularType[]) {
  return useQuery(popularResourcesQueryOptions(types));
}
