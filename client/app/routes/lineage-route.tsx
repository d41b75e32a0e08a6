// Amundsen's `/lineage/table/:cluster/:database/:schema/:table?depth=&column=`: the lineage graph of a
// table, or of one of its columns. Its own chunk, with React Flow and dagre: no other page loads them.
import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { MAX_LINEAGE_DEPTH, type LineageResponse } from '../../../contract/api-table';
import type { ClientConfig } from '../../../contract/ui-config';
import { tableQueryOptions } from '../../features/table/api/get-table';
import { columnLineageQueryOptions, getColumnLineage, getTableLineage, tableLineageQueryOptions } from '../../features/table/api/get-table-lineage';
import { LineagePage } from '../../features/lineage/components/lineage-page';
import { isNotFound } from '../../lib/api-error';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import { correctedLineageParams, parseLineageState } from '../page-url-state';
import { lineageTableKeyFromPath } from '../path-keys';
import { lineagePath, type LineageState } from '../paths';
import type { Prefetch } from '../prefetch';
import { usePageAt } from '../use-page-at';
import { NotFoundAt } from './not-found-route';

/** The table's lineage, or the column's when one is chosen (each under its own cache key, shared with the table page). */
function lineageOptions(key: string, { column, depth }: LineageState) {
  const { queryKey } = column ? columnLineageQueryOptions(key, column, depth) : tableLineageQueryOptions(key, depth);
  return queryOptions<LineageResponse, Error, LineageResponse, QueryKey>({
    queryKey,
    queryFn: ({ signal }) => (column ? getColumnLineage(key, column, depth, 'both', signal) : getTableLineage(key, depth, 'both', signal)),
  });
}

/** Keep showing the previous answer while another depth of the same table or column loads. */
const sameSubject = (a: QueryKey | undefined, b: QueryKey) => !!a && JSON.stringify(a.slice(0, -1)) === JSON.stringify(b.slice(0, -1));

export function LineageRoute() {
  // From the encoded path, not react-router's params (which turn the text "%2F" into "/"): every name round-trips.
  // A key that cannot be read: the "Page not found" the BFF sent a 404 for (contract/spa-page-at.ts).
  const at = usePageAt();
  const { key, table } = at.page === 'lineage' ? at : { key: null, table: null };
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const { defaultLineageDepth } = useUiConfig().tableLineage;
  const defaults = { defaultDepth: defaultLineageDepth, maxDepth: MAX_LINEAGE_DEPTH };
  const state = parseLineageState(searchParams, defaults);
  // `?depth=99` or `?view=nope`: the URL is made to say what the page shows (replaced: Back skips the bad one).
  const correction = correctedLineageParams(searchParams, defaults)?.toString() ?? null;
  useEffect(() => {
    if (correction !== null) setSearchParams(new URLSearchParams(correction), { replace: true });
  }, [correction, setSearchParams]);
  const options = lineageOptions(key ?? '', state);
  const query = useQuery({
    ...options,
    enabled: !!table,
    placeholderData: (previous, previousQuery) => (sameSubject(previousQuery?.queryKey, options.queryKey) ? previous : undefined),
  });
  const columns = useQuery({ ...tableQueryOptions(key ?? ''), enabled: !!table, select: (detail) => detail.columns.map((c) => c.name) });
  if (!key || !table) return <NotFoundAt at={at} />;
  const onStateChange = (next: LineageState) =>
    void navigate(lineagePath(table, { depth: next.depth === defaultLineageDepth ? undefined : next.depth, column: next.column, view: next.view }), { replace: true });
  return (
    <LineagePage
      table={table}
      state={state}
      onStateChange={onStateChange}
      maxDepth={MAX_LINEAGE_DEPTH}
      columns={columns.data}
      tableMissing={isNotFound(columns.error)}
      query={query}
    />
  );
}

/** The lineage at the depth the URL asks for (or the UI config's default, when the config is loaded). */
export const prefetch: Prefetch = (queryClient, { pathname, searchParams }) => {
  const key = lineageTableKeyFromPath(pathname);
  const config: ClientConfig | undefined = queryClient.getQueryData(clientConfigQueryOptions().queryKey);
  if (!key || !config) return;
  const state = parseLineageState(searchParams, { defaultDepth: config.tableLineage.defaultLineageDepth, maxDepth: MAX_LINEAGE_DEPTH });
  void queryClient.prefetchQuery(lineageOptions(key, state));
};

export default LineageRoute;
