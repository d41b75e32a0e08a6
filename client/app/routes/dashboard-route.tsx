import { PageTitle } from '../../components/page-title';
import { EmptyState } from '../../components/state';

// Placeholder until this page is built.
export function DashboardRoute() {
  return (
    <section>
      <PageTitle title="dashboard" />
      <h1>dashboard</h1>
      <EmptyState title="Not built yet" />
    </section>
  );
}

export default DashboardRoute;
