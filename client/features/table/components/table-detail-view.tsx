// A table's page once it has loaded: what it is, its description and columns, where its data comes
// from and goes (lineage), the dashboards built on it, and the facts beside.
import { useCallback, useMemo, type ReactNode } from 'react';
import type { TableDetail } from '../../../../contract/api-table';
import { markdownToPlainText } from '../../../../contract/markdown-plain-text';
import { useUiConfig } from '../../../app/app-data';
import { lineagePath, searchPath, tablePath } from '../../../app/paths';
import { BreakableText } from '../../../components/breakable-text';
import { ButtonLink } from '../../../components/button';
import { BadgeList } from '../../../components/chip';
import { EditRightsNote } from '../../../components/edit-rights-note';
import { personInWords } from '../../../components/key-facts';
import { ResourceNotice } from '../../../components/notice';
import { ResourcePage, ResourceSection } from '../../../components/resource-page';
import { ResourceTabs, type ResourceTab } from '../../../components/resource-tabs';
import { useJoinTargets } from '../api/search-join-targets';
import { collectJoinHints, joinHintId, resolveJoinHint, type JoinHint } from '../join-hints';
import { ColumnsTable } from './columns-table';
import { LineageSection } from './lineage-lists';
import { MissingColumnNote } from './missing-column-note';
import { resolveLinkTarget } from '../nested-field-target';
import { ProgrammaticDescription } from './programmatic-description';
import { TableDashboardsSection } from './table-dashboards-section';
import { TableDescription } from './table-description';
import { TableFacts } from './table-facts';
import './table.css';

/** Where each "joins schema.table" hint of the table's columns leads (one search for all of them). */
function useJoinLinks(table: TableDetail) {
  const hints = useMemo(() => collectJoinHints(table.columns.map((c) => c.description)), [table.columns]);
  const targets = useJoinTargets(table.key, hints);
  return useCallback(
    (hint: JoinHint) => {
      const search = searchPath({ resource: 'table', filters: { schema: { value: hint.schema }, table: { value: hint.table } } });
      if (!targets.data || !hints.some((h) => joinHintId(h) === joinHintId(hint))) return { to: search, direct: false };
      const target = resolveJoinHint(hint, targets.data, table);
      return target.kind === 'table' ? { to: tablePath(target.key), direct: true } : { to: search, direct: false };
    },
    [hints, targets.data, table],
  );
}

export interface TableDetailViewProps {
  table: TableDetail;
  targetColumn: string | null;
  /** The path of a nested field of `targetColumn` to open (`?field=`, decision 067), or null. */
  targetField?: string | null;
  /** What other parts add (from the route): buttons in the header (the bookmark toggle), tabs beside the overview (History). */
  actions?: ReactNode;
  tabs?: ResourceTab[];
}

export function TableDetailView({ table, targetColumn, targetField = null, actions, tabs = [] }: TableDetailViewProps) {
  const config = useUiConfig();
  const target = useMemo(() => resolveLinkTarget(table.columns, targetColumn, targetField), [table.columns, targetColumn, targetField]);
  const joinLinkFor = useJoinLinks(table);
  const source = config.resourceConfig.table.supportedSources[table.database]?.displayName ?? table.database;
  const name = `${table.schema}.${table.name}`;

  return (
    <ResourcePage
      className="table-page"
      testId="table-page"
      eyebrow={`${table.is_view ? 'View' : 'Table'} · ${source}`}
      title={<BreakableText text={`${table.schema}.${table.name}`} />}
      header={
        <>
          <ul className="chip-list" aria-label="Location">
            <li className="chip">
              <span className="chip__label">Database</span> {table.database}
            </li>
            <li className="chip">
              <span className="chip__label">Cluster</span> {table.cluster}
            </li>
            <li className="chip">
              <span className="chip__label">Schema</span> {table.schema}
            </li>
          </ul>
          {table.schema_description ? (
            <p className="table-page__schema-description" data-testid="schema-description">
              <span className="table-page__schema-label">Schema {table.schema}:</span> {markdownToPlainText(table.schema_description)}
            </p>
          ) : null}
          <p className="table-page__key">
            <code>{table.key}</code>
          </p>
          <BadgeList badges={table.badges.map((b) => b.badge_name)} label="Table badges" />
          <div className="resource-page__actions">
            {actions}
            <ButtonLink to={lineagePath(table)}>Lineage</ButtonLink>
          </div>
        </>
      }
      banner={
        <>
          <ResourceNotice resourceKey={table.key} notices={config.resourceConfig.table.notices} />
          <EditRightsNote rights={table.edit_rights} applies={['descriptions', 'tags', 'owners']} resource="table" />
          <MissingColumnNote missing={target.missing} />
        </>
      }
      side={<TableFacts table={table} />}
      sideLabel="About this table"
      keyFacts={{
        facts: [
          { label: 'Owners', names: table.owners.map(personInWords), none: 'No owners' },
          { label: 'Tags', names: table.tags.map((t) => t.tag_name), none: 'No tags', shown: 5 },
        ],
        linkText: 'Owners, tags and more',
      }}
    >
      <ResourceTabs label={`Views of ${name}`} tabs={tabs}>
        <ResourceSection id="description" title="Description">
          <TableDescription table={table} />
        </ResourceSection>

        {table.programmatic_descriptions.length > 0 ? (
          <ResourceSection id="programmatic" title="From other sources">
            {table.programmatic_descriptions.map((d, i) => (
              <ProgrammaticDescription key={`${d.source}-${i}`} description={d} headingId={`programmatic-${i}`} />
            ))}
          </ResourceSection>
        ) : null}

        <ResourceSection id="columns" title="Columns" count={table.columns.length}>
          <ColumnsTable tableKey={table.key} columns={table.columns} targetColumn={target.column} targetFieldChain={target.fieldChain} joinLinkFor={joinLinkFor} labelledBy="columns-heading" />
        </ResourceSection>

        {config.tableLineage.inAppListEnabled ? <LineageSection tableKey={table.key} tableName={name} /> : null}
        {config.indexDashboards.enabled ? <TableDashboardsSection tableKey={table.key} tableName={name} /> : null}
      </ResourceTabs>
    </ResourcePage>
  );
}
