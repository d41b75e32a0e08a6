import { useParams } from 'react-router';
import { useClientConfig } from '../../features/app-config/api/get-client-config';
import { TablePage } from '../../features/table/components/table-page';
import { NotFoundRoute } from './not-found-route';

export function TableRoute() {
  const { cluster, database, schema, table } = useParams();
  const config = useClientConfig();
  if (!cluster || !database || !schema || !table) return <NotFoundRoute />;
  return (
    <TablePage
      coordinates={{ cluster, database, schema, name: table }}
      indexUsers={config.data?.indexUsers.enabled ?? false}
    />
  );
}
