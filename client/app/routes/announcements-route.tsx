import { PageTitle } from '../../components/page-title';
import { announcementsQueryOptions } from '../../features/announcements/api/get-announcements';
import { AnnouncementList } from '../../features/announcements/components/announcement-list';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import type { Prefetch } from '../prefetch';
import { NotFoundRoute } from './not-found-route';

export function AnnouncementsRoute() {
  if (!useUiConfig().announcements.enabled) return <NotFoundRoute reason="Announcements are turned off in this catalog." />;
  return (
    <div>
      <PageTitle title="Announcements" />
      <h1>Announcements</h1>
      <AnnouncementList />
    </div>
  );
}

export const prefetch: Prefetch = (queryClient) => {
  void queryClient.ensureQueryData(clientConfigQueryOptions()).then((config) => {
    if (config.announcements.enabled) void queryClient.prefetchQuery(announcementsQueryOptions());
  }, () => {});
};

export default AnnouncementsRoute;
