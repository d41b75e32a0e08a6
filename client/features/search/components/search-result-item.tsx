// One search result: its name (matches marked) leading to its page, where it lives, its description,
// WHY it matched when the name and description do not say (the matching columns, nested fields,
// column descriptions, charts or queries), and its tags and badges leading to searches filtered by them.
import { Fragment, type ReactNode } from 'react';
import type { DashboardSearchResult, SearchResult, TableSearchResult, UserSearchResult } from '../../../../contract/api-search';
import { highlightToPlainText } from '../../../../contract/search-highlight';
import { nestedFieldLinkOptions, nestedFieldOfPath } from '../../../../contract/nested-field-path';
import { isTime, useFormatDate, useUiConfig } from '../../../app/app-data';
import { updatedAgo } from '../../../../contract/updated-ago';
import { dashboardPath, tablePath, userPath } from '../../../app/paths';
import { AppLink } from '../../../components/app-link';
import { BadgeList, TagList } from '../../../components/chip';
import { HighlightedText } from '../../../components/highlighted-text';
import { markdownHighlightToSegments } from '../../../../contract/markdown-highlight';
import { markdownToPlainText } from '../../../../contract/markdown-plain-text';
import { personDetails, tableLocation } from '../../../../contract/resource-labels';
import { Highlight, HighlightedName } from './highlight';

/** How many matching columns, charts or queries a result lists before "and n more". */
const MAX_MATCHES = 5;
/** How many matching column descriptions a result quotes. */
const MAX_QUOTES = 2;

interface MatchRow {
  label: string;
  fragments: string[];
  limit: number;
  /** Where a match leads (a column of the table), if anywhere. */
  linkFor?: (fragment: string) => string;
  quote?: boolean;
}

function Matches({ rows }: { rows: MatchRow[] }) {
  const shown = rows.filter((row) => row.fragments.length > 0);
  if (shown.length === 0) return null;
  return (
    <dl className="result__matches">
      {shown.map((row) => {
        const more = row.fragments.length - row.limit;
        return (
          <div key={row.label} className="result__match-row">
            <dt>
              <span className="visually-hidden">Matches in </span>
              {row.label}
            </dt>
            <dd>
              <ul className={row.quote ? 'result__quotes' : row.linkFor ? 'result__match-list result__match-list--code' : 'result__match-list'}>
                {row.fragments.slice(0, row.limit).map((fragment, i) => (
                  <li key={i}>
                    {row.linkFor ? (
                      <AppLink to={row.linkFor(fragment)}>
                        <HighlightedText source={fragment} />
                      </AppLink>
                    ) : (
                      <HighlightedText source={fragment} />
                    )}
                  </li>
                ))}
                {more > 0 ? <li className="muted">and {more} more</li> : null}
              </ul>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A Markdown description's matching fragments (or its start) as plain text, the matches marked. */
function Description({ fragments, text }: { fragments: string[] | undefined; text: string | null }) {
  if (fragments && fragments.length > 0) {
    return (
      <p className="result__description">
        {fragments.map((fragment, i) => (
          <span key={i}>
            {i > 0 ? ' … ' : null}
            {markdownHighlightToSegments(fragment).map((segment, j) => (segment.highlighted ? <mark key={j}>{segment.text}</mark> : <Fragment key={j}>{segment.text}</Fragment>))}
          </span>
        ))}
      </p>
    );
  }
  const plain = text ? markdownToPlainText(text) : '';
  if (plain) return <p className="result__description">{plain}</p>;
  return <p className="result__description result__description--none">No description</p>;
}

/** What other features add to a table or dashboard result (the route composes it): its bookmark toggle. */
export type ResultAction = (result: TableSearchResult | DashboardSearchResult) => ReactNode;

function ResultShell({ name, meta, action, children }: { name: ReactNode; meta: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <li className="result" data-search-result="">
      {action ? (
        <div className="result__head">
          <h3 className="result__name">{name}</h3>
          {action}
        </div>
      ) : (
        <h3 className="result__name">{name}</h3>
      )}
      {meta === null ? null : <p className="result__meta">{meta}</p>}
      {children}
    </li>
  );
}

/**
 * "Updated 3 days ago" (the embedded catalog's date, decision 107; Amundsen's hits have none): the
 * exact time in the reader's zone is its title, and said after it, since a title is not read out.
 */
function UpdatedAgo({ epochSeconds }: { epochSeconds: number | null | undefined }) {
  const formatDate = useFormatDate();
  const exact = formatDate(epochSeconds, 'dateTimeShort');
  if (!isTime(epochSeconds) || !exact) return null;
  return (
    <>
      {' · '}
      <time dateTime={new Date(epochSeconds * 1000).toISOString()} title={exact} data-testid="result-updated">
        {updatedAgo(epochSeconds, Date.now())}
      </time>
      <span className="visually-hidden"> ({exact})</span>
    </>
  );
}

function TableResult({ result, action }: { result: TableSearchResult; action?: ResultAction }) {
  const sources = useUiConfig().resourceConfig.table.supportedSources;
  const { highlight } = result;
  return (
    <ResultShell
      action={action?.(result)}
      name={
        <AppLink to={tablePath(result)}>
          {/* A long schema.table may wrap after the schema and after each `_`, `.` or `/` of the name, not inside a word. */}
          {result.schema}.<wbr />
          <HighlightedName fragment={highlight['name']?.[0]} text={result.name} />
        </AppLink>
      }
      meta={
        <>
          <span className="visually-hidden">Table in </span>
          {tableLocation(result, sources)}
          <UpdatedAgo epochSeconds={result.last_updated_timestamp} />
        </>
      }
    >
      <Description fragments={highlight['description']} text={result.description} />
      <Matches
        rows={[
          { label: 'Columns', fragments: highlight['columns'] ?? [], limit: MAX_MATCHES, linkFor: (f) => tablePath(result, { column: highlightToPlainText(f) }) },
          { label: 'Nested fields', fragments: highlight['nested_fields'] ?? [], limit: MAX_MATCHES, linkFor: (f) => tablePath(result, nestedFieldLinkOptions(nestedFieldOfPath(highlightToPlainText(f)))) },
          { label: 'Column descriptions', fragments: highlight['column_descriptions'] ?? [], limit: MAX_QUOTES, quote: true },
        ]}
      />
      <div className="result__chips">
        <BadgeList badges={result.badges.map((b) => b.tag_name)} />
        <TagList tags={result.tags} />
      </div>
    </ResultShell>
  );
}

function DashboardResult({ result, action }: { result: DashboardSearchResult; action?: ResultAction }) {
  const sources = useUiConfig().resourceConfig.dashboard.supportedSources;
  const formatDate = useFormatDate();
  const { highlight } = result;
  const lastRun = formatDate(result.last_successful_run_timestamp);
  const product = result.product ? (sources[result.product]?.displayName ?? result.product) : null;
  return (
    <ResultShell
      action={action?.(result)}
      name={
        <AppLink to={dashboardPath(result.uri)}>
          <HighlightedName fragment={highlight['name']?.[0]} text={result.name} />
        </AppLink>
      }
      meta={
        <>
          <span className="visually-hidden">Dashboard in </span>
          {[product, result.group_name, lastRun ? `last successful run ${lastRun}` : null].filter(Boolean).join(' · ')}
        </>
      }
    >
      <Description fragments={highlight['description']} text={result.description} />
      <Matches
        rows={[
          { label: 'Charts', fragments: highlight['chart_names'] ?? [], limit: MAX_MATCHES },
          { label: 'Queries', fragments: highlight['query_names'] ?? [], limit: MAX_MATCHES },
        ]}
      />
      <div className="result__chips">
        <BadgeList badges={result.badges.map((b) => b.tag_name)} linked={false} />
        <TagList tags={result.tags} resource="dashboard" />
      </div>
    </ResultShell>
  );
}

/**
 * Under a person's name: "No longer active" first when they are not, then their role and team, then
 * their email (its matches marked) unless it is their name; null when there is nothing to say.
 */
function personMeta(result: UserSearchResult): ReactNode {
  const parts: ReactNode[] = personDetails(result).map((detail) =>
    detail === result.email ? <Highlight key="email" fragment={result.highlight['email']?.[0]} text={detail} /> : detail,
  );
  if (!result.is_active) parts.unshift(<span key="inactive" className="result__inactive">No longer active</span>);
  if (parts.length === 0) return null;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? ' · ' : null}
      {part}
    </Fragment>
  ));
}

function UserResult({ result }: { result: UserSearchResult }) {
  const { highlight } = result;
  return (
    <ResultShell
      name={
        <AppLink to={userPath(result.user_id)}>
          <Highlight fragment={highlight['full_name']?.[0]} text={result.display_name} />
        </AppLink>
      }
      meta={personMeta(result)}
    >
      {/* Found by their team or role alone (the name and email hold no match): say so, as tables say which columns matched. */}
      {highlight['full_name'] || highlight['email'] ? null : (
        <Matches
          rows={[
            { label: 'Team', fragments: highlight['team_name'] ?? [], limit: 1 },
            { label: 'Role', fragments: highlight['role_name'] ?? [], limit: 1 },
          ]}
        />
      )}
    </ResultShell>
  );
}

export function SearchResultItem({ result, action }: { result: SearchResult; action?: ResultAction }) {
  switch (result.type) {
    case 'table':
      return <TableResult result={result} action={action} />;
    case 'dashboard':
      return <DashboardResult result={result} action={action} />;
    case 'user':
      return <UserResult result={result} />;
  }
}
