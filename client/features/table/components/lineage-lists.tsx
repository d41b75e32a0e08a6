// Upstream and downstream tables, `defaultLineageDepth` hops each way, grouped by how far away they
// are. A table in the catalog links to its page; anything else (a file, a topic) to its own link
// when that is a safe http(s) address, else it is plain text. A side with more than SHOWN_PER_SIDE
// tables shows the nearest ones first, then MORE_PER_PRESS more at each "Show more" (drawing all of a
// table feeding 1,200 others at once made the page slow and tens of thousands of pixels long), with a
// filter by name, a count of what is shown, and a link to the lineage page named for its side.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { LineageItem } from '../../../../contract/api-table';
import { useUiConfig } from '../../../app/app-data';
import { lineagePath, tablePath } from '../../../app/paths';
import { BreakableText } from '../../../components/breakable-text';
import { BadgeList } from '../../../components/chip';
import { cx } from '../../../components/class-names';
import { GrowList, matchingByName, MORE_PER_PRESS, SHOWN_FIRST, shownInWords } from '../../../components/grow-list';
import { ExternalLink } from '../../../components/external-link';
import { QueryState } from '../../../components/query-state';
import { ResourceSection } from '../../../components/resource-page';
import { SkeletonList } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { useTableLineage } from '../api/get-table-lineage';
import { formatWholeNumber } from '../../../lib/format-number';

export type LineageDirectionName = 'upstream' | 'downstream';

/** Tables shown on each side before "Show more": the nearest first, by name within a level. */
export const SHOWN_PER_SIDE = SHOWN_FIRST;
export { MORE_PER_PRESS, shownInWords };

/** Items per level, levels in order, items by name within a level. */
export function groupByLevel(items: readonly LineageItem[]): { level: number; items: LineageItem[] }[] {
  const levels = new Map<number, LineageItem[]>();
  for (const item of items) {
    const atLevel = levels.get(item.level);
    if (atLevel) atLevel.push(item);
    else levels.set(item.level, [item]);
  }
  return [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, list]) => ({ level, items: list.sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`)) }));
}

const displayName = (item: Pick<LineageItem, 'schema' | 'name'>) => (item.schema ? `${item.schema}.${item.name}` : item.name);

function LineageEntry({ item, byKey, bothWays }: { item: LineageItem; byKey: Map<string, LineageItem>; bothWays: boolean }) {
  const sources = useUiConfig().resourceConfig.table.supportedSources;
  const inCatalog = item.in_amundsen !== false && !!item.database && !!item.schema;
  const parent = item.parent ? byKey.get(item.parent) : undefined;
  const source = sources[item.database]?.displayName ?? item.database;
  const name = <BreakableText text={displayName(item)} />;
  return (
    <li className="lineage__item" data-testid="lineage-item">
      {inCatalog ? (
        <Link to={tablePath(item)} className="lineage__name">
          {name}
        </Link>
      ) : (
        <ExternalLink href={item.link} className="lineage__name">
          {name}
          <span className="muted"> (not in the catalog)</span>
        </ExternalLink>
      )}
      <span className="lineage__meta">
        {[source, item.cluster].filter(Boolean).join(' · ')}
        {item.usage ? ` · ${formatWholeNumber(item.usage)} ${item.usage === 1 ? 'read' : 'reads'}` : ''}
        {item.level > 1 && parent ? (
          <>
            {' · via '}
            <BreakableText text={displayName(parent)} />
          </>
        ) : null}
        {bothWays ? ' · upstream and downstream (a cycle)' : ''}
      </span>
      <BadgeList badges={item.badges.map((b) => b.badge_name)} label={`Badges of ${displayName(item)}`} />
    </li>
  );
}

/** Keys of the tables listed both upstream and downstream: a cycle, said on both rows as the lineage page says it. */
export function tablesOnBothSides(upstream: readonly LineageItem[], downstream: readonly LineageItem[]): ReadonlySet<string> {
  const up = new Set(upstream.map((item) => item.key));
  return new Set(downstream.filter((item) => up.has(item.key)).map((item) => item.key));
}

/** Items whose shown name holds `filter` (any case), in the order given. */
export const matchingItems = (items: readonly LineageItem[], filter: string) => matchingByName(items, filter, displayName);

function LineageList({ direction, items, tableKey, tableName, bothWays }: { direction: LineageDirectionName; items: LineageItem[]; tableKey: string; tableName: string; bothWays: ReadonlySet<string> }) {
  const headingId = `lineage-${direction}-heading`;
  const byKey = useMemo(() => new Map(items.map((item) => [item.key, item])), [items]);
  // Nearest first, by name within a level: the order rows are added in.
  const ordered = useMemo(() => groupByLevel(items).flatMap((level) => level.items), [items]);
  const tables = (count: number) => `${direction} ${count === 1 ? 'table' : 'tables'}`;

  return (
    <section className="lineage__direction" aria-labelledby={headingId} data-testid={`lineage-${direction}`}>
      <h3 id={headingId}>
        {direction === 'upstream' ? 'Upstream' : 'Downstream'} <span className="count">{formatWholeNumber(items.length)}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted lineage__none">
          {direction === 'upstream' ? 'No table feeds ' : 'No table is built from '}
          <BreakableText text={tableName} />.
        </p>
      ) : (
        <GrowList
          items={ordered}
          nameOf={displayName}
          side={direction}
          rowSelector='[data-testid="lineage-item"]'
          testId={`lineage-${direction}`}
          extra={
            <Link to={lineagePath(tableKey)} className="lineage__page-link">
              Open the lineage page for all {formatWholeNumber(items.length)} {tables(items.length)}
            </Link>
          }
        >
          {(shownItems, listProps) => (
            <div {...listProps}>
              {groupByLevel(shownItems).map(({ level, items: atLevel }) => (
                <div key={level} className="lineage__level">
                  <h4 className="lineage__level-heading">
                    {level === 1 ? 'Direct' : `${level} steps away`}
                    <span className="visually-hidden"> {direction}</span>
                  </h4>
                  <ul className="lineage__list">
                    {atLevel.map((item) => (
                      <LineageEntry key={item.key} item={item} byKey={byKey} bothWays={bothWays.has(item.key)} />
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )}
        </GrowList>
      )}
    </section>
  );
}

export function LineageSection({ tableKey, tableName }: { tableKey: string; tableName: string }) {
  const { defaultLineageDepth } = useUiConfig().tableLineage;
  const query = useTableLineage(tableKey, defaultLineageDepth, { enabled: true });
  return (
    <ResourceSection id="lineage" title="Lineage" hint={`Tables up to ${defaultLineageDepth} ${defaultLineageDepth === 1 ? 'step' : 'steps'} away.`} testId="lineage">
      <QueryState
        query={query}
        loadingLabel="Loading lineage"
        loading={<SkeletonList label="Loading lineage" rows={2} />}
        errorTitle="Lineage could not be loaded"
        notFound={<EmptyState title="No lineage">The catalog has no lineage for this table.</EmptyState>}
      >
        {(lineage) => {
          const bothWays = tablesOnBothSides(lineage.upstream_entities, lineage.downstream_entities);
          return (
            // With one direction empty, its one line sits above the other list, which gets the full width.
            <div className={cx('lineage', (lineage.upstream_entities.length === 0 || lineage.downstream_entities.length === 0) && 'lineage--one-sided')}>
              <LineageList direction="upstream" items={lineage.upstream_entities} tableKey={tableKey} tableName={tableName} bothWays={bothWays} />
              <LineageList direction="downstream" items={lineage.downstream_entities} tableKey={tableKey} tableName={tableName} bothWays={bothWays} />
            </div>
          );
        }}
      </QueryState>
    </ResourceSection>
  );
}
