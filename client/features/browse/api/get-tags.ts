// GET /api/metadata/v0/tags: the tags in use, with how many resources carry each.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { TagsResponseSchema, type TagUsage } from '../../../../contract/api-common';
import { requestJson } from '../../../lib/api-client';
import { browseKeys } from './query-keys';

export async function getTags(signal?: AbortSignal): Promise<TagUsage[]> {
  return (await requestJson('/api/metadata/v0/tags', TagsResponseSchema, { signal })).tags;
}

export const tagsQueryOptions = () =>
  queryOptions({
    queryKey: browseKeys.tags(),
    queryFn: ({ signal }) => getTags(signal),
    staleTime: 5 * 60_000,
  });

export function useTags() {
  return useQuery(tagsQueryOptions());
}
