import { Link } from 'react-router';
import { buildTableKey, type TableCoordinates } from '../../../../contract/table-key';
import { PageTitle } from '../../../components/page-title';
import { ErrorState } from '../../../components/status';
import { describeError, isNotFound } from '../../../lib/api-error';
import { useTable } from '../api/get-table';
import { TableDetailView } from './table-detail-view';

export function TablePage({ coordinates, indexUsers }: { coordinates: TableCoordinates; indexUsers: boolean }) {
  const key = buildTableKey(coordinates);
  const query = useTable(key);

  if (query.isPending) {
    return (
      <div className="table-detail" role="status" aria-busy="true">
        <PageTitle title={coordinates.name} />
        <span className="visually-hidden">Loading table {coordinates.name}</span>
        <div aria-hidden="true">
          <div className="skeleton skeleton--eyebrow" />
          <div className="skeleton skeleton--heading" />
          <div className="skeleton skeleton--line" />
          <div className="skeleton skeleton--line" />
          <div className="skeleton skeleton--block" />
        </div>
      </div>
    );
  }

  if (query.isError) {
    if (isNotFound(query.error)) {
      return (
        <section className="not-found">
          <PageTitle title="Table not found" />
          <h1>Table not found</h1>
          <p>
            There is no table <code>{key}</code> in the catalog. It may have been renamed or removed.
          </p>
          <p>
            <Link className="button" to={`/search?term=${encodeURIComponent(coordinates.name)}`}>
              Search for “{coordinates.name}”
            </Link>
          </p>
        </section>
      );
    }
    return (
      <>
        <PageTitle title={coordinates.name} />
        <h1>
          {coordinates.schema}.{coordinates.name}
        </h1>
        <ErrorState
          title="This table could not be loaded"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle title={query.data.name} />
      <TableDetailView table={query.data} indexUsers={indexUsers} />
    </>
  );
}
