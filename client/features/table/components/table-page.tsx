import { buildTableKey, type TableCoordinates } from '../../../../contract/table-key';
import { searchPath } from '../../../app/paths';
import { ButtonLink } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { SkeletonPage } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { useTable } from '../api/get-table';
import { TableDetailView } from './table-detail-view';
import { TableEditingProvider } from './table-editing';

function TableNotFound({ tableKey, coordinates }: { tableKey: string; coordinates: TableCoordinates }) {
  return (
    <section className="not-found">
      <PageTitle title="Table not found" />
      <h1>Table not found</h1>
      <EmptyState
        action={
          <>
            <ButtonLink variant="primary" to={searchPath({ term: coordinates.name })}>
              Search for “{coordinates.name}”
            </ButtonLink>{' '}
            <ButtonLink variant="ghost" to={searchPath({ resource: 'table', filters: { schema: { value: coordinates.schema } } })}>
              Tables in {coordinates.schema}
            </ButtonLink>
          </>
        }
      >
        <p>
          There is no table <code>{tableKey}</code> in the catalog. It may have been renamed or removed.
        </p>
      </EmptyState>
    </section>
  );
}

export function TablePage({ coordinates, targetColumn }: { coordinates: TableCoordinates; targetColumn: string | null }) {
  const key = buildTableKey(coordinates);
  const query = useTable(key);
  const title = `${coordinates.schema}.${coordinates.name}`;
  return (
    <QueryState
      query={query}
      loadingLabel={`Loading table ${title}`}
      loading={
        <>
          <PageTitle title={title} />
          <SkeletonPage label={`Loading table ${title}`} />
        </>
      }
      errorTitle="This table could not be loaded"
      notFound={<TableNotFound tableKey={key} coordinates={coordinates} />}
      errorFrame={(errorState) => (
        <section>
          <PageTitle title={title} />
          <h1>{title}</h1>
          {errorState}
        </section>
      )}
    >
      {(table) => (
        <>
          <PageTitle title={`${table.schema}.${table.name}`} />
          <TableEditingProvider value={{ tableKey: table.key, rights: table.edit_rights }}>
            <TableDetailView table={table} targetColumn={targetColumn} />
          </TableEditingProvider>
        </>
      )}
    </QueryState>
  );
}
