import { PageTitle } from '../../components/page-title';
import { EmptyState } from '../../components/state';

// Placeholder until this page is built.
export function AnnouncementsRoute() {
  return (
    <section>
      <PageTitle title="announcements" />
      <h1>announcements</h1>
      <EmptyState title="Not built yet" />
    </section>
  );
}

export default AnnouncementsRoute;
