// The browse page's sections: curated tags, every tag with its count, badges. Each chip leads to the
// search filtered by it.
import { useUiConfig } from '../../../app/app-data';
import { BadgeList } from '../../../components/chip';
import { Panel } from '../../../components/panel';
import { QueryState } from '../../../components/query-state';
import { EmptyState } from '../../../components/state';
import { TagCloud } from '../../../components/tag-cloud';
import { useBadges } from '../api/get-badges';
import { useTags } from '../api/get-tags';
import { allTags, curatedTags, splitBadges } from '../tag-order';
import { formatWholeNumber } from '../../../lib/format-number';

export function TagSections() {
  const curated = useUiConfig().browse.curatedTags;
  const query = useTags();
  return (
    <>
      {curated.length > 0 ? (
        <Panel title="Curated tags">
          <p className="muted">Picked by the catalog's stewards as good places to start.</p>
          <QueryState query={query} loadingLabel="Loading tags" errorTitle="Tags could not be loaded">
            {(tags) => <TagCloud tags={curatedTags(curated, tags)} label="Curated tags" />}
          </QueryState>
        </Panel>
      ) : null}
      <Panel title="All tags">
        <QueryState
          query={query}
          loadingLabel="Loading tags"
          errorTitle="Tags could not be loaded"
          isEmpty={(tags) => tags.length === 0}
          empty={<EmptyState title="No tags yet">Tags appear here once tables or dashboards carry them.</EmptyState>}
        >
          {(tags) => (
            <>
              <p className="muted">{formatWholeNumber(tags.length)} tags, each with how many tables and dashboards carry it.</p>
              <TagCloud tags={allTags(tags)} label="All tags" />
            </>
          )}
        </QueryState>
      </Panel>
    </>
  );
}

export function BadgeSections() {
  const query = useBadges();
  return (
    <Panel title="Badges">
      <QueryState
        query={query}
        loadingLabel="Loading badges"
        errorTitle="Badges could not be loaded"
        isEmpty={(badges) => badges.length === 0}
        empty={<EmptyState title="No badges yet">Badges appear here once the catalog's ingest sets them.</EmptyState>}
      >
        {(badges) => {
          const { table, column } = splitBadges(badges);
          return (
            <>
              {table.length > 0 ? (
                <>
                  <h3>Table badges</h3>
                  <BadgeList badges={table} label="Table badges" />
                </>
              ) : null}
              {column.length > 0 ? (
                <>
                  <h3>Column badges</h3>
                  <p className="muted">These mark columns; a table's page shows them next to its columns.</p>
                  <BadgeList badges={column} linked={false} label="Column badges" />
                </>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Panel>
  );
}
