import { PageTitle } from '../../components/page-title';
import { announcementsQueryOptions } from '../../features/announcements/api/get-announcements';
import { AnnouncementList } from '../../features/announcements/components/announcement-list';
import { clientConfigQueryOptions } from '../app-data';
import type { Prefetch } from '../prefetch';
import { usePageAt } from '../use-page-at';
import { NotFoundAt } from './not-found-route';

export function AnnouncementsRoute() {
  const at = usePageAt();
  // Announcements are off: the "Page not found" the BFF sent a 404 for (contract/spa-page-at.ts).
  if (at.page !== 'announcements') return <NotFoundAt at={at} />;
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
