import { QueryState } from '../../../components/query-state';
import { ResourceList } from '../../../components/resource-list';
import { EmptyState } from '../../../components/state';
import { usePopularTables } from '../api/get-popular-tables';

export function PopularTables() {
  const query = usePopularTables();
  return (
    <section className="panel" aria-labelledby="popular-heading">
      <h2 id="popular-heading">Popular tables</h2>
      <QueryState
        query={query}
        loadingLabel="Loading popular tables"
        errorTitle="Popular tables could not be loaded"
        isEmpty={(tables) => tables.length === 0}
        empty={<EmptyState title="No popular tables yet">Tables appear here once people use them.</EmptyState>}
      >
        {(tables) => <ResourceList items={tables} label="Popular tables" />}
      </QueryState>
    </section>
  );
}
