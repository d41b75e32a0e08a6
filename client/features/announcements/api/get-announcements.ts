// GET /api/announcements/v0/: the operator's posts, newest first, already rendered to HTML (which the
// SPA sanitizes again before showing it).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { AnnouncementsResponseSchema, type Announcement } from '../../../../contract/api-common';
import { requestJson } from '../../../lib/api-client';
import { announcementKeys } from './query-keys';

export async function getAnnouncements(signal?: AbortSignal): Promise<Announcement[]> {
  return (await requestJson('/api/announcements/v0/', AnnouncementsResponseSchema, { signal })).posts;
}

export const announcementsQueryOptions = () =>
  queryOptions({
    queryKey: announcementKeys.list(),
    queryFn: ({ signal }) => getAnnouncements(signal),
    staleTime: 5 * 60_000,
  });

export function useAnnouncements() {
  return useQuery(announcementsQueryOptions());
}
