// A dashboard's page once it has loaded: what it shows (charts, queries), the tables it reads, who
// owns it, how its last run went, and the way to the dashboard itself.
import type { ReactNode } from 'react';
import type { DashboardDetail, DashboardQuery } from '../../../../contract/api-dashboard';
import { useFormatDate, useUiConfig } from '../../../app/app-data';
import { BreakableText } from '../../../components/breakable-text';
import { ClampedText } from '../../../components/clamped-text';
import { BadgeList, Chip, TagList } from '../../../components/chip';
import { EditRightsNote } from '../../../components/edit-rights-note';
import { personInWords } from '../../../components/key-facts';
import { ExternalButtonLink, ExternalLink } from '../../../components/external-link';
import { FactList } from '../../../components/facts';
import { Markdown } from '../../../components/markdown';
import { ResourceNotice } from '../../../components/notice';
import { PersonLink } from '../../../components/person-link';
import { safeHttpUrl } from '../../../components/safe-url';
import { ResourcePage, ResourceSection } from '../../../components/resource-page';
import { ResourceList } from '../../../components/resource-list';
import { ResourceTabs, type ResourceTab } from '../../../components/resource-tabs';
import type { User } from '../../../../contract/api-common';
import { describeDashboardOrigin } from '../dashboard-origin';
import { classifyRunState, describeRunState } from '../run-state';
import { DashboardTagsEditor } from './dashboard-tags-editor';
import './dashboard.css';
import { formatWholeNumber } from '../../../lib/format-number';
import { NO_DESCRIPTION, shownDescription } from '../../../lib/description-text';

/** The people as links; the caller passes null instead when there is nobody, so its fact shows its placeholder. */
function People({ users, label }: { users: User[]; label: string }) {
  return (
    <ul className="dashboard-people" aria-label={label}>
      {users.map((user) => (
        <li key={user.user_id}>
          <PersonLink user={user} />
        </li>
      ))}
    </ul>
  );
}

/** When the dashboard last ran and how it went; null when nothing is known of a run (the fact then says "Never run"). */
function lastRun(when: string | null, state: string | null): ReactNode {
  if (!when && !state) return null;
  const outcome = classifyRunState(state);
  return (
    <span className="last-run" data-testid="last-run">
      {when ?? 'Unknown time'}
      {state ? (
        <>
          {' '}
          <Chip label={describeRunState(state)} tone="badge" badgeStyle={outcome === 'success' ? 'positive' : outcome === 'failed' ? 'negative' : 'neutral'} />
        </>
      ) : null}
    </span>
  );
}

function QueryItem({ query, index }: { query: DashboardQuery; index: number }) {
  const name = query.name ?? `Query ${index + 1}`;
  return (
    <li className="dashboard-query" data-testid="dashboard-query">
      <h3 className="dashboard-query__name">{query.url ? <ExternalLink href={query.url}>{name}</ExternalLink> : name}</h3>
      {query.query_text ? (
        <pre className="dashboard-query__text" aria-label={`Text of ${name}`}>
          <code>{query.query_text}</code>
        </pre>
      ) : (
        <p className="muted">No query text recorded.</p>
      )}
    </li>
  );
}

/**
 * Under "Description": where it and the owners are changed, as Amundsen's "Click to edit description in
 * Mode" says; Nansen shows them but does not edit them. A link to the dashboard when that is the place.
 */
function KeptIn({ dashboard, origin }: { dashboard: DashboardDetail; origin: ReturnType<typeof describeDashboardOrigin> }) {
  const link = origin.editAtLink ? safeHttpUrl(dashboard.url) : null;
  return (
    <span data-testid="description-source">
      The description and owners come from {origin.keptIn}
      {link ? (
        <>
          . <ExternalLink href={link}>Edit them in {origin.keptIn}</ExternalLink>
        </>
      ) : (
        '; edit them there'
      )}
      .
    </span>
  );
}

export interface DashboardDetailViewProps {
  dashboard: DashboardDetail;
  /** What other parts add (from the route): buttons beside "Open in …" ("Open dashboard" for a dbt exposure) (the bookmark toggle), tabs beside the overview (History). */
  actions?: ReactNode;
  tabs?: ResourceTab[];
}

export function DashboardDetailView({ dashboard, actions, tabs = [] }: DashboardDetailViewProps) {
  const config = useUiConfig();
  const formatDate = useFormatDate();
  const product = config.resourceConfig.dashboard.supportedSources[dashboard.product]?.displayName ?? dashboard.product;
  const description = shownDescription(dashboard.description);
  const group = dashboard.group_name ? <ExternalLink href={dashboard.group_url}>{dashboard.group_name}</ExternalLink> : null;
  const origin = describeDashboardOrigin(dashboard, product);

  return (
    <ResourcePage
      className="dashboard-page"
      testId="dashboard-page"
      eyebrow={`Dashboard · ${product}`}
      title={<BreakableText text={dashboard.name} />}
      header={
        <>
          {origin.groupInSubtitle ? <p className="dashboard-page__group">In {group}</p> : null}
          {origin.subtitle ? <p className="dashboard-page__group">{origin.subtitle}</p> : null}
          <ul className="chip-list" aria-label="Location">
            <li className="chip">
              <span className="chip__label">Cluster</span> {dashboard.cluster}
            </li>
          </ul>
          <BadgeList badges={dashboard.badges.map((b) => b.badge_name)} linked={false} label="Dashboard badges" />
          <div className="dashboard-page__actions">
            <ExternalButtonLink href={dashboard.url} variant="primary" testId="open-dashboard">
              {origin.openText}
            </ExternalButtonLink>
            {actions}
          </div>
        </>
      }
      banner={
        <>
          <ResourceNotice resourceKey={dashboard.uri} notices={config.resourceConfig.dashboard.notices} />
          <EditRightsNote rights={dashboard.edit_rights} applies={['tags']} resource="dashboard" />
        </>
      }
      sideLabel="About this dashboard"
      keyFacts={{
        facts: [
          { label: 'Owners', names: dashboard.owners.map(personInWords), none: 'No owners' },
          { label: 'Tags', names: dashboard.tags.map((t) => t.tag_name), none: 'No tags', shown: 5 },
        ],
        linkText: 'Owners, tags and more',
      }}
      side={
        <FactList
          facts={[
            { label: 'Product', value: product },
            { label: origin.groupLabel, value: origin.groupText ?? group },
            { label: 'Owners', value: dashboard.owners.length > 0 ? <People users={dashboard.owners} label="Owners" /> : null, placeholder: 'No owners', testId: 'owners' },
            { label: 'Last run', value: lastRun(formatDate(dashboard.last_run_timestamp, 'dateTimeShort'), dashboard.last_run_state), placeholder: 'Never run' },
            { label: 'Last successful run', value: formatDate(dashboard.last_successful_run_timestamp, 'dateTimeShort'), placeholder: 'No successful run' },
            { label: 'Created', value: formatDate(dashboard.created_timestamp, 'dateTimeShort') },
            { label: 'Updated', value: formatDate(dashboard.updated_timestamp, 'dateTimeShort') },
            { label: 'Views recently', value: formatWholeNumber(dashboard.recent_view_count) },
            { label: 'Frequent users', value: dashboard.frequent_users.length > 0 ? <People users={dashboard.frequent_users} label="Frequent users" /> : null, testId: 'frequent-users' },
            {
              label: 'Tags',
              value: dashboard.edit_rights.tags ? <DashboardTagsEditor dashboard={dashboard} /> : dashboard.tags.length > 0 ? <TagList tags={dashboard.tags.map((t) => t.tag_name)} resource="dashboard" /> : null,
              placeholder: 'No tags',
            },
          ]}
        />
      }
    >
      <ResourceTabs label={`Views of ${dashboard.name}`} tabs={tabs}>
        <ResourceSection id="description" title="Description" hint={<KeptIn dashboard={dashboard} origin={origin} />}>
          {description ? (
            <ClampedText label={`the description of ${dashboard.name}`}>
              <Markdown source={description} className="dashboard-page__description" />
            </ClampedText>
          ) : (
            <p className="muted">{NO_DESCRIPTION}</p>
          )}
        </ResourceSection>

        <ResourceSection id="charts" title="Charts" count={dashboard.chart_names.length}>
          {dashboard.chart_names.length > 0 ? (
            <ul className="dashboard-charts">
              {dashboard.chart_names.map((chart, i) => (
                <li key={`${chart}-${i}`}>{chart}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">No charts recorded.</p>
          )}
        </ResourceSection>

        <ResourceSection id="queries" title="Queries" count={dashboard.queries.length}>
          {dashboard.queries.length > 0 ? (
            <ul className="dashboard-queries">
              {dashboard.queries.map((query, i) => (
                <QueryItem key={`${query.name ?? ''}-${i}`} query={query} index={i} />
              ))}
            </ul>
          ) : (
            <p className="muted">No queries recorded.</p>
          )}
        </ResourceSection>

        <ResourceSection id="tables" title="Tables used" count={dashboard.tables.length}>
          {dashboard.tables.length > 0 ? <ResourceList items={dashboard.tables} label={`Tables ${dashboard.name} uses`} /> : <p className="muted">No tables recorded.</p>}
        </ResourceSection>
      </ResourceTabs>
    </ResourcePage>
  );
}
