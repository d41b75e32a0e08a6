import { useParams } from 'react-router';
import { parseTableKey } from '../../../contract/table-key';
import { tableQueryOptions } from '../../features/table/api/get-table';
import { TablePage } from '../../features/table/components/table-page';
import { tableKeyFromParams } from '../paths';
import type { Prefetch } from '../prefetch';
import { NotFoundRoute } from './not-found-route';

export function TableRoute() {
  const key = tableKeyFromParams(useParams());
  const coordinates = key ? parseTableKey(key) : null;
  if (!coordinates) return <NotFoundRoute />;
  return <TablePage coordinates={coordinates} />;
}

export const prefetch: Prefetch = (queryClient, { params }) => {
  const key = tableKeyFromParams(params);
  if (key) void queryClient.prefetchQuery(tableQueryOptions(key));
};

export default TableRoute;
