import { PageTitle } from '../../components/page-title';
import { EmptyState } from '../../components/state';

// Placeholder until this page is built.
export function BrowseRoute() {
  return (
    <section>
      <PageTitle title="browse" />
      <h1>browse</h1>
      <EmptyState title="Not built yet" />
    </section>
  );
}

export default BrowseRoute;
