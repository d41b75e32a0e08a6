import { buildTableKey, type TableCoordinates } from '../../../../contract/table-key';
import { PageTitle } from '../../../components/page-title';
import { searchPath } from '../../../app/paths';
import { ButtonLink } from '../../../components/button';
import { SkeletonPage } from '../../../components/skeleton';
import { ErrorState } from '../../../components/state';
import { isNotFound } from '../../../lib/api-error';
import { useTable } from '../api/get-table';
import { TableDetailView } from './table-detail-view';

export function TablePage({ coordinates }: { coordinates: TableCoordinates }) {
  const key = buildTableKey(coordinates);
  const query = useTable(key);

  if (query.isPending) {
    return (
      <>
        <PageTitle title={coordinates.name} />
        <SkeletonPage label={`Loading table ${coordinates.name}`} />
      </>
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
            <ButtonLink variant="primary" to={searchPath({ term: coordinates.name })}>
              Search for “{coordinates.name}”
            </ButtonLink>
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
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle title={query.data.name} />
      <TableDetailView table={query.data} />
    </>
  );
}
