import type { ReactNode } from 'react';
import type { TableDetail } from '../../../../contract/api-table';
import { buildTableKey, type TableCoordinates } from '../../../../contract/table-key';
import { searchPath } from '../../../app/paths';
import { ButtonLink } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import type { ResourceTab } from '../../../components/resource-tabs';
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

export interface TablePageProps {
  coordinates: TableCoordinates;
  targetColumn: string | null;
  /** The path of a nested field of `targetColumn` to open (`?field=`), or null. */
  targetField?: string | null;
  /** What other features add to the loaded page (the route composes them): header buttons, tabs. */
  actions?: (table: TableDetail) => ReactNode;
  tabs?: (table: TableDetail) => ResourceTab[];
}

export function TablePage({ coordinates, targetColumn, targetField = null, actions, tabs }: TablePageProps) {
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
            <TableDetailView table={table} targetColumn={targetColumn} targetField={targetField} actions={actions?.(table)} tabs={tabs?.(table)} />
          </TableEditingProvider>
        </>
      )}
    </QueryState>
  );
}
