// GET /api/metadata/v0/badges: every badge the catalog knows, with its category.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { BadgesResponseSchema, type Badge } from '../../../../contract/api-common';
import { requestJson } from '../../../lib/api-client';
import { browseKeys } from './query-keys';

export async function getBadges(signal?: AbortSignal): Promise<Badge[]> {
  return (await requestJson('/api/metadata/v0/badges', BadgesResponseSchema, { signal })).badges;
}

export const badgesQueryOptions = () =>
  queryOptions({
    queryKey: browseKeys.badges(),
    queryFn: ({ signal }) => getBadges(signal),
    staleTime: 5 * 60_000,
  });

export function useBadges() {
  return useQuery(badgesQueryOptions());
}
