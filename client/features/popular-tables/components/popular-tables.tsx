import { Link } from 'react-router';
import { buildTablePagePath } from '../../../../contract/table-key';
import { EmptyState, ErrorState, SkeletonList } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { usePopularTables } from '../api/get-popular-tables';

export function PopularTables() {
  const query = usePopularTables();
  return (
    <section className="panel" aria-labelledby="popular-heading">
      <h2 id="popular-heading">Popular tables</h2>
      {query.isPending ? (
        <SkeletonList label="Loading popular tables" />
      ) : query.isError ? (
        <ErrorState
          title="Popular tables could not be loaded"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState>No popular tables yet</EmptyState>
      ) : (
        <ol className="results">
          {query.data.map((table) => (
            <li key={table.key} className="result">
              <h3 className="result__name">
                <Link to={buildTablePagePath(table)}>{table.name}</Link>
              </h3>
              <p className="result__meta">
                {table.database} · {table.cluster} · {table.schema}
              </p>
              {table.description ? (
                <p className="result__description">{table.description}</p>
              ) : (
                <p className="result__description result__description--none">No description</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
