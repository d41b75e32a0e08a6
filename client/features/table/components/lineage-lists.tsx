// Upstream and downstream tables, `defaultLineageDepth` hops each way, grouped by how far away they
// are. A table in the catalog links to its page; anything else (a file, a topic) to its own link
// when that is a safe http(s) address, else it is plain text. A side with more than SHOWN_PER_SIDE
// tables shows the nearest ones first, then MORE_PER_PRESS more at each "Show more" (drawing all of a
// table feeding 1,200 others at once made the page slow and tens of thousands of pixels long), with a
// filter by name, a count of what is shown, and a link to the lineage page named for its side.
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { LineageItem } from '../../../../contract/api-table';
import { useUiConfig } from '../../../app/app-data';
import { lineagePath, tablePath } from '../../../app/paths';
import { BreakableText } from '../../../components/breakable-text';
import { BadgeList } from '../../../components/chip';
import { cx } from '../../../components/class-names';
import { Button } from '../../../components/button';
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
/** Rows each "Show more" adds: 1,200 rows drawn at once made the page slow to draw and to scroll. */
export const MORE_PER_PRESS = 100;

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

/** Items whose shown name holds `filter` (any case), in the order given. */
export function matchingItems(items: readonly LineageItem[], filter: string): readonly LineageItem[] {
  const wanted = filter.trim().toLocaleLowerCase();
  return wanted ? items.filter((item) => displayName(item).toLocaleLowerCase().includes(wanted)) : items;
}

/** What the count line says: how many of how many are shown, and of what. */
export function shownInWords({ shown, matching, total, filter, tables }: { shown: number; matching: number; total: number; filter: string; tables: string }): string {
  const all = formatWholeNumber(total);
  if (filter.trim()) {
    if (matching === 0) return `None of the ${all} ${tables} has “${filter.trim()}” in its name.`;
    return `Showing ${formatWholeNumber(shown)} of the ${formatWholeNumber(matching)} matching “${filter.trim()}” (of ${all}).`;
  }
  if (shown >= total) return `Showing all ${all}.`;
  if (shown === SHOWN_PER_SIDE) return `Showing the nearest ${SHOWN_PER_SIDE} of ${all}.`;
  return `Showing ${formatWholeNumber(shown)} of ${all}.`;
}

function LineageList({ direction, items, tableKey, tableName }: { direction: LineageDirectionName; items: LineageItem[]; tableKey: string; tableName: string }) {
  const headingId = `lineage-${direction}-heading`;
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the list has drawn: the first row "Show more" added, or back to "Show more".
  const focusAfter = useRef<number | 'more' | null>(null);
  const [limit, setLimit] = useState(SHOWN_PER_SIDE);
  const [filter, setFilter] = useState('');
  const byKey = useMemo(() => new Map(items.map((item) => [item.key, item])), [items]);
  // Nearest first, by name within a level: the order rows are added in.
  const ordered = useMemo(() => groupByLevel(items).flatMap((level) => level.items), [items]);
  const matching = useMemo(() => matchingItems(ordered, filter), [ordered, filter]);
  const capped = items.length > SHOWN_PER_SIDE;
  const shownItems = capped ? matching.slice(0, limit) : matching;
  const shown = groupByLevel(shownItems);
  const left = matching.length - shownItems.length;
  const next = Math.min(MORE_PER_PRESS, left);
  const tables = (count: number) => `${direction} ${count === 1 ? 'table' : 'tables'}`;

  useLayoutEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'more') {
      more.current?.focus();
      more.current?.scrollIntoView?.({ block: 'nearest' });
    } else if (target !== null) {
      const row = list.current?.querySelectorAll<HTMLElement>('[data-testid="lineage-item"]')[target];
      const link = row?.querySelector<HTMLElement>('a');
      if (row && !link) row.tabIndex = -1; // a name that is no link (a file, a topic) takes the focus on its row
      (link ?? row)?.focus();
    }
  });

  function onMore() {
    focusAfter.current = shownItems.length;
    setLimit(limit + MORE_PER_PRESS);
  }

  function onFewer() {
    // "Show fewer" takes thousands of pixels away above it and goes itself: the focus goes to "Show more", in view.
    focusAfter.current = 'more';
    setLimit(SHOWN_PER_SIDE);
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
      ) : null}
      {capped ? (
        // A plain input, not the form's TextField: importing that here regrouped the shared chunks and
        // made the home page's first load 56 bytes heavier (its list of chunks to preload grew).
        <div className="lineage__filter">
          <label htmlFor={`${listId}-filter`} className="visually-hidden">
            Filter {tables(2)}
          </label>
          <input
            id={`${listId}-filter`}
            className="lineage__filter-input"
            type="search"
            placeholder="Filter by name"
            autoComplete="off"
            spellCheck={false}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            data-testid={`lineage-${direction}-filter`}
          />
        </div>
      ) : null}
      {items.length === 0 ? null : (
        <div id={listId} ref={list}>
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
        <div className="lineage__more">
          {/* There from the start, its words changing with each press and each letter typed (decision 046). */}
          <p className="lineage__shown muted" role="status" data-testid={`lineage-${direction}-shown`}>
            {shownInWords({ shown: shownItems.length, matching: matching.length, total: items.length, filter, tables: tables(items.length) })}
          </p>
          {next > 0 ? (
            <Button ref={more} size="sm" onClick={onMore} aria-controls={listId} data-testid={`lineage-${direction}-more`}>
              {left > MORE_PER_PRESS ? `Show ${MORE_PER_PRESS} more ${tables(2)}` : `Show the last ${formatWholeNumber(next)} ${tables(next)}`}
            </Button>
          ) : null}
          {limit > SHOWN_PER_SIDE ? (
            <Button size="sm" variant="ghost" onClick={onFewer} aria-controls={listId} data-testid={`lineage-${direction}-fewer`}>
              Show the nearest {SHOWN_PER_SIDE} only
            </Button>
          ) : null}
          <Link to={lineagePath(tableKey)} className="lineage__page-link">
            Open the lineage page for all {formatWholeNumber(items.length)} {tables(items.length)}
          </Link>
        </div>
      ) : null}
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
