// Upstream and downstream tables, `defaultLineageDepth` hops each way, grouped by how far away they
// are. A table in the catalog links to its page; anything else (a file, a topic) to its own link
// when that is a safe http(s) address, else it is plain text. A side with more than SHOWN_PER_SIDE
// tables shows the nearest ones first and the rest behind "Show all N" (a table feeding 1,200 others
// would otherwise make the page tens of thousands of pixels long), with a link to the lineage page.
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { LineageItem } from '../../../../contract/api-table';
import { useUiConfig } from '../../../app/app-data';
import { lineagePath, tablePath } from '../../../app/paths';
import { BreakableText } from '../../../components/breakable-text';
import { BadgeList } from '../../../components/chip';
import { cx } from '../../../components/class-names';
import { DisclosureButton } from '../../../components/disclosure';
import { ExternalLink } from '../../../components/external-link';
import { QueryState } from '../../../components/query-state';
import { ResourceSection } from '../../../components/resource-page';
import { SkeletonList } from '../../../components/skeleton';
import { EmptyState } from '../../../components/state';
import { useTableLineage } from '../api/get-table-lineage';
import { formatWholeNumber } from '../../../lib/format-number';

export type LineageDirectionName = 'upstream' | 'downstream';

/** Tables shown on each side before "Show all": the nearest first, by name within a level. */
export const SHOWN_PER_SIDE = 10;

/** Items per level, levels in order, items by name within a level. */
export function groupByLevel(items: readonly LineageItem[]): { level: number; items: LineageItem[] }[] {
  const levels = new Map<number, LineageItem[]>();
  for (const item of items) levels.set(item.level, [...(levels.get(item.level) ?? []), item]);
  return [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, list]) => ({ level, items: list.sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`)) }));
}

const displayName = (item: Pick<LineageItem, 'schema' | 'name'>) => (item.schema ? `${item.schema}.${item.name}` : item.name);

function LineageEntry({ item, byKey }: { item: LineageItem; byKey: Map<string, LineageItem> }) {
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
      </span>
      <BadgeList badges={item.badges.map((b) => b.badge_name)} label={`Badges of ${displayName(item)}`} />
    </li>
  );
}

function LineageList({ direction, items, tableKey, tableName }: { direction: LineageDirectionName; items: LineageItem[]; tableKey: string; tableName: string }) {
  const headingId = `lineage-${direction}-heading`;
  const listId = useId();
  const toggle = useRef<HTMLDivElement>(null);
  const [showAll, setShowAll] = useState(false);
  const byKey = new Map(items.map((item) => [item.key, item]));
  const levels = groupByLevel(items);
  const capped = items.length > SHOWN_PER_SIDE;
  const shown = capped && !showAll ? firstOfLevels(levels, SHOWN_PER_SIDE) : levels;
  const tables = `${direction} ${items.length === 1 ? 'table' : 'tables'}`;

  function onToggle() {
    setShowAll((all) => !all);
    // "Show fewer" takes thousands of pixels away above the button: bring it back where the person is looking.
    if (showAll) requestAnimationFrame(() => toggle.current?.scrollIntoView?.({ block: 'nearest' }));
  }

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
        <div id={listId}>
          {shown.map(({ level, items: atLevel }) => (
            <div key={level} className="lineage__level">
              <h4 className="lineage__level-heading">
                {level === 1 ? 'Direct' : `${level} steps away`}
                <span className="visually-hidden"> {direction}</span>
              </h4>
              <ul className="lineage__list">
                {atLevel.map((item) => (
                  <LineageEntry key={item.key} item={item} byKey={byKey} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {capped ? (
        <div ref={toggle} className="lineage__more">
          {showAll ? null : (
            <p className="lineage__shown muted" data-testid={`lineage-${direction}-shown`}>
              The nearest {SHOWN_PER_SIDE} of {formatWholeNumber(items.length)}.
            </p>
          )}
          <DisclosureButton expanded={showAll} onToggle={onToggle} controls={listId} testId={`lineage-${direction}-toggle`}>
            {showAll ? `Show the nearest ${SHOWN_PER_SIDE} only` : `Show all ${formatWholeNumber(items.length)} ${tables}`}
          </DisclosureButton>
          <Link to={lineagePath(tableKey)} className="lineage__page-link">
            Open the lineage page
          </Link>
        </div>
      ) : null}
    </section>
  );
}

/** The first `count` items of levels in order, keeping their grouping (a level may be cut short). */
export function firstOfLevels(levels: readonly { level: number; items: LineageItem[] }[], count: number): { level: number; items: LineageItem[] }[] {
  const kept: { level: number; items: LineageItem[] }[] = [];
  let left = count;
  for (const { level, items } of levels) {
    if (left <= 0) break;
    kept.push({ level, items: items.slice(0, left) });
    left -= items.length;
  }
  return kept;
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
        {(lineage) => (
          // With one direction empty, its one line sits above the other list, which gets the full width.
          <div className={cx('lineage', (lineage.upstream_entities.length === 0 || lineage.downstream_entities.length === 0) && 'lineage--one-sided')}>
            <LineageList direction="upstream" items={lineage.upstream_entities} tableKey={tableKey} tableName={tableName} />
            <LineageList direction="downstream" items={lineage.downstream_entities} tableKey={tableKey} tableName={tableName} />
          </div>
        )}
      </QueryState>
    </ResourceSection>
  );
}
