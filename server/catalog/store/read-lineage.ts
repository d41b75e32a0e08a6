// Table and column lineage as Amundsen's Lineage model: a breadth-first walk over the lineage edges
// up to `depth` hops in each requested direction. Lineage is keyed by strings, so an entity may be
// outside the catalog (`in_amundsen: false`, no badges, usage 0).
//
// Differences from the Neo4j proxy, on purpose:
// - each entity is listed once, at its shortest distance (`level`), with `parent` = the
//   alphabetically first entity one hop closer (Neo4j lists one row per path);
// - `upstream_count` / `downstream_count` are filled (Neo4j leaves them null): the number of distinct
//   entities in that direction at ANY depth, so a client knows how much a deeper walk would show;
// - `in_amundsen` is filled (true when the key is a table/column of this catalog).
import type { CatalogDatabase } from './open-catalog-database';
import type { AmundsenBadge } from '../../../contract/amundsen-shapes';

export type LineageDirection = 'upstream' | 'downstream' | 'both';

export interface LineageItem {
  key: string;
  level: number;
  source: string;
  badges: AmundsenBadge[];
  usage: number;
  parent: string;
  link: string | null;
  in_amundsen: boolean;
}

export interface Lineage {
  key: string;
  direction: LineageDirection;
  depth: number;
  upstream_entities: LineageItem[];
  downstream_entities: LineageItem[];
  upstream_count: number;
  downstream_count: number;
}

export interface LineageReader {
  /** undefined when the table does not exist. */
  getTableLineage(key: string, direction: LineageDirection, depth: number): Lineage | undefined;
  /** undefined when the column does not exist; `columnKey` = `{table_key}/{column_name}`. */
  getColumnLineage(columnKey: string, direction: LineageDirection, depth: number): Lineage | undefined;
}

interface Edge {
  key: string;
  parent: string;
}

export function createLineageReader(db: CatalogDatabase): LineageReader {
  const graph = (edges: 'table_lineage' | 'column_lineage') => ({
    upstreamOf: db.prepare(`SELECT upstream_key AS key, downstream_key AS parent FROM ${edges}
      WHERE downstream_key IN (SELECT value FROM json_each(?)) ORDER BY key, parent`),
    downstreamOf: db.prepare(`SELECT downstream_key AS key, upstream_key AS parent FROM ${edges}
      WHERE upstream_key IN (SELECT value FROM json_each(?)) ORDER BY key, parent`),
    countUpstream: db.prepare(`WITH RECURSIVE up(key) AS (
        SELECT upstream_key FROM ${edges} WHERE downstream_key = @key
        UNION SELECT l.upstream_key FROM ${edges} l JOIN up ON l.downstream_key = up.key)
      SELECT count(*) FROM up WHERE key <> @key`).pluck(),
    countDownstream: db.prepare(`WITH RECURSIVE down(key) AS (
        SELECT downstream_key FROM ${edges} WHERE upstream_key = @key
        UNION SELECT l.downstream_key FROM ${edges} l JOIN down ON l.upstream_key = down.key)
      SELECT count(*) FROM down WHERE key <> @key`).pluck(),
  });
  const tables = graph('table_lineage');
  const columns = graph('column_lineage');

  const tableInfo = db.prepare(`
    SELECT t.id, coalesce((SELECT sum(r.read_count) FROM table_readers r WHERE r.table_id = t.id), 0) AS usage
    FROM tables t WHERE t.key = ?`);
  const tableBadges = db.prepare(`SELECT b.name AS badge_name, b.category FROM table_badges x
    JOIN badges b ON b.id = x.badge_id WHERE x.table_id = ? ORDER BY b.name`);
  const columnInfo = db.prepare(`
    SELECT c.id, coalesce((SELECT sum(r.read_count) FROM table_readers r WHERE r.table_id = t.id), 0) AS usage
    FROM columns c JOIN tables t ON t.id = c.table_id WHERE t.key = ? AND c.name = ?`);
  const columnBadges = db.prepare(`SELECT b.name AS badge_name, b.category FROM column_badges x
    JOIN badges b ON b.id = x.badge_id WHERE x.column_id = ? ORDER BY b.name`);

  type Describe = (key: string) => { badges: AmundsenBadge[]; usage: number; in_amundsen: boolean };
  const describeTable: Describe = (key) => {
    const t = tableInfo.get(key) as { id: number; usage: number } | undefined;
    return t ? { badges: tableBadges.all(t.id) as AmundsenBadge[], usage: t.usage, in_amundsen: true }
      : { badges: [], usage: 0, in_amundsen: false };
  };
  const findColumn = (key: string) => {
    const slash = key.lastIndexOf('/');
    return slash < 0 ? undefined
      : (columnInfo.get(key.slice(0, slash), key.slice(slash + 1)) as { id: number; usage: number } | undefined);
  };
  const describeColumn: Describe = (key) => {
    const c = findColumn(key);
    return c ? { badges: columnBadges.all(c.id) as AmundsenBadge[], usage: c.usage, in_amundsen: true }
      : { badges: [], usage: 0, in_amundsen: false };
  };

  function walk(start: string, next: ReturnType<typeof graph>['upstreamOf'], depth: number, describe: Describe): LineageItem[] {
    const seen = new Set([start]);
    const items: LineageItem[] = [];
    let frontier = [start];
    for (let level = 1; level <= depth && frontier.length; level++) {
      const found: string[] = [];
      for (const edge of next.all(JSON.stringify(frontier)) as Edge[]) {
        if (seen.has(edge.key)) continue; // rows come sorted, so the first parent wins
        seen.add(edge.key);
        found.push(edge.key);
        items.push({ key: edge.key, level, source: sourceOf(edge.key), ...describe(edge.key), parent: edge.parent, link: null });
      }
      frontier = found;
    }
    return items.map(({ key, level, source, badges, usage, parent, link, in_amundsen }) =>
      ({ key, level, source, badges, usage, parent, link, in_amundsen }));
  }

  function buildLineage(key: string, direction: LineageDirection, depth: number, g: ReturnType<typeof graph>, describe: Describe): Lineage {
    return {
      key,
      direction,
      depth,
      upstream_entities: direction === 'downstream' ? [] : walk(key, g.upstreamOf, depth, describe),
      downstream_entities: direction === 'upstream' ? [] : walk(key, g.downstreamOf, depth, describe),
      upstream_count: g.countUpstream.get({ key }) as number,
      downstream_count: g.countDownstream.get({ key }) as number,
    };
  }

  return {
    getTableLineage(key, direction, depth) {
      if (!tableInfo.get(key)) return undefined;
      return buildLineage(key, direction, depth, tables, describeTable);
    },
    getColumnLineage(columnKey, direction, depth) {
      if (!findColumn(columnKey)) return undefined;
      return buildLineage(columnKey, direction, depth, columns, describeColumn);
    },
  };
}

/** Amundsen's `source`: the key's prefix before `://` (`hive://gold.core/x` → `hive`). */
function sourceOf(key: string): string {
  const at = key.indexOf('://');
  return at < 0 ? key : key.slice(0, at);
}
