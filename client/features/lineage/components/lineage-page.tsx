// The lineage page of a table (or of one of its columns): the controls (depth, column, graph or list),
// then the graph with its legend. The route hands in the lineage query; this page never fetches.
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { LineageResponse } from '../../../../contract/api-table';
import type { TableCoordinates } from '../../../../contract/table-key';
import { searchPath, tablePath, type LineageState, type LineageView } from '../../../app/paths';
import { BreakableText } from '../../../components/breakable-text';
import { ButtonLink } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { SegmentedControl } from '../../../components/segmented-control';
import { SelectField } from '../../../components/select-field';
import { LoadingStatus, Skeleton } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { isNotFound } from '../../../lib/api-error';
import { formatWholeNumber } from '../../../lib/format-number';
import { buildLineageGraph, hasCycle, type LineageKind } from '../build-lineage-graph';
import { LineageGraphView } from './lineage-graph-view';
import { LineageLegend } from './lineage-legend';
import { LineageListView } from './lineage-list-view';
import './lineage.css';

export interface LineagePageProps {
  table: TableCoordinates;
  state: LineageState;
  onStateChange: (state: LineageState) => void;
  maxDepth: number;
  /** The table's column names, once known (for column lineage). */
  columns: readonly string[] | undefined;
  /** True once the catalog has said the table is not there: no link to its page then. */
  tableMissing?: boolean;
  query: UseQueryResult<LineageResponse>;
}

const steps = (n: number) => (n === 1 ? '1 step' : `${n} steps`);

function Summary({ upstream, downstream, totals, depth }: { upstream: number; downstream: number; totals: [number | null, number | null]; depth: number }) {
  const [upTotal, downTotal] = totals;
  const more = (upTotal !== null && upTotal > upstream) || (downTotal !== null && downTotal > downstream);
  return (
    <p className="lineage-page__summary" data-testid="lineage-summary">
      <strong>{formatWholeNumber(upstream)}</strong> upstream and <strong>{formatWholeNumber(downstream)}</strong> downstream within {steps(depth)}
      {more ? ` (${upTotal === null ? '?' : formatWholeNumber(upTotal)} upstream and ${downTotal === null ? '?' : formatWholeNumber(downTotal)} downstream at any depth: choose a greater depth to see more)` : ''}.
    </p>
  );
}

function LineageResult({ lineage, kind, depth, view, subject }: { lineage: LineageResponse; kind: LineageKind; depth: number; view: LineageView; subject: string }) {
  const graph = useMemo(() => buildLineageGraph(lineage, { kind, depth }), [lineage, kind, depth]);
  const cycle = useMemo(() => hasCycle(graph), [graph]);
  const upstream = graph.nodes.filter((n) => n.role === 'upstream' || n.role === 'both').length;
  const downstream = graph.nodes.filter((n) => n.role === 'downstream' || n.role === 'both').length;
  if (graph.nodes.length <= 1) {
    return (
      <EmptyState title="No lineage">
        The catalog knows nothing that feeds {subject} or is built from it{lineage.upstream_count || lineage.downstream_count ? ` within ${steps(depth)}` : ''}.
      </EmptyState>
    );
  }
  return (
    <>
      <Summary upstream={upstream} downstream={downstream} totals={[lineage.upstream_count, lineage.downstream_count]} depth={depth} />
      {view === 'graph' ? (
        <>
          <LineageGraphView graph={graph} kind={kind} label={`Lineage graph of ${subject}`} />
          <LineageLegend kind={kind} cycle={cycle} />
        </>
      ) : (
        <LineageListView graph={graph} kind={kind} />
      )}
    </>
  );
}

/** The lineage page of a table the catalog does not have: no controls, nothing to draw, a way on. */
function LineageTableMissing({ name, table, kind }: { name: string; table: TableCoordinates; kind: LineageKind }) {
  return (
    <article className="lineage-page not-found" data-testid="lineage-page">
      <PageTitle title="Table not found" />
      <header className="lineage-page__header">
        <p className="eyebrow">{kind === 'column' ? 'Column lineage' : 'Lineage'}</p>
        <h1>Table not found</h1>
      </header>
      <EmptyState
        action={
          <ButtonLink variant="primary" to={searchPath({ term: table.name })}>
            Search for “{table.name}”
          </ButtonLink>
        }
      >
        <p>
          The catalog has no table <code>{name}</code>, so there is no lineage to show. It may have been renamed or removed.
        </p>
      </EmptyState>
    </article>
  );
}

export function LineagePage({ table, state, onStateChange, maxDepth, columns, tableMissing = false, query }: LineagePageProps) {
  const name = `${table.schema}.${table.name}`;
  const kind: LineageKind = state.column ? 'column' : 'table';
  const subject = state.column ? `${name}.${state.column}` : name;
  const depthOptions = Array.from({ length: maxDepth }, (_, i) => ({ value: String(i + 1), label: steps(i + 1) }));
  // A column named in the URL stays choosable before (or without) the table's columns.
  const columnNames = columns ?? [];
  const columnOptions = [
    { value: '', label: 'Whole table' },
    ...(state.column && !columnNames.includes(state.column) ? [state.column] : []).concat(columnNames).map((c) => ({ value: c, label: c })),
  ];

  // Depth, column and view mean nothing for a table the catalog does not have: only a page saying so is
  // shown then. A missing column keeps them (to pick the whole table).
  const missing = tableMissing || (kind === 'table' && isNotFound(query.error));
  // Its title and heading say so, not the name as if the table were there (“Lineage of core.nope”).
  if (missing) return <LineageTableMissing name={name} table={table} kind={kind} />;

  return (
    <article className="lineage-page" data-testid="lineage-page">
      <PageTitle title={`Lineage of ${subject}`} />
      <header className="lineage-page__header">
        <p className="eyebrow">{kind === 'column' ? 'Column lineage' : 'Lineage'}</p>
        <h1>
          <BreakableText text={subject} />
        </h1>
        <p className="lineage-page__back">
          <Link to={tablePath(table, state.column ? { column: state.column } : {})}>Open the table page</Link>
        </p>
      </header>
      <div className="lineage-page__controls">
        <SelectField inline label="Depth" value={String(state.depth)} options={depthOptions} onChange={(value) => onStateChange({ ...state, depth: Number(value) })} />
        <SelectField inline label="Column" value={state.column ?? ''} options={columnOptions} onChange={(value) => onStateChange({ ...state, column: value || null })} />
        <SegmentedControl
          legend="Show as"
          size="sm"
          options={[
            { value: 'graph', label: 'Graph' },
            { value: 'list', label: 'List' },
          ]}
          value={state.view}
          onChange={(view) => onStateChange({ ...state, view })}
        />
        {/* There from the start, its words put in later: a region that appears with its text is often not read (decision 046). */}
        <span className="lineage-page__updating" role="status">
          {query.isPlaceholderData ? 'Updating…' : null}
        </span>
      </div>
      <QueryState
        query={query}
        loadingLabel="Loading lineage"
        loading={
          <div className="lineage-page__loading">
            <LoadingStatus label="Loading lineage" />
            <Skeleton variant="block" />
          </div>
        }
        errorTitle="Lineage could not be loaded"
        notFound={
          <EmptyState title="No such column">
            The catalog has no column <code>{subject}</code>.
          </EmptyState>
        }
      >
        {(lineage) => <LineageResult lineage={lineage} kind={kind} depth={state.depth} view={state.view} subject={subject} />}
      </QueryState>
    </article>
  );
}
