// Amundsen lineage → contract/api-table.ts LineageResponse. Each entity gets the table coordinates
// the Amundsen frontend adds (`marshall_lineage_table`): database, cluster, schema and name parsed
// from its key; column lineage lists column keys (`{table_key}/{column}`), so there the last path
// segment is the column and the rest the table key.
import type { LineageDirection, LineageItem, LineageResponse } from '../../contract/bff-api';
import { parseTableKey, type TableCoordinates } from '../../contract/table-key';
import type { AmundsenLineage, AmundsenLineageItem } from '../upstream/amundsen-schemas';

export type LineageKind = 'table' | 'column';

/**
 * A key that is no table key (lineage may reach a file or a topic) keeps its scheme as the database
 * and the rest as the name, where Amundsen's frontend would fail the whole answer.
 */
function coordinatesOfOther(key: string): TableCoordinates {
  const scheme = key.indexOf('://');
  return scheme < 0
    ? { database: '', cluster: '', schema: '', name: key }
    : { database: key.slice(0, scheme), cluster: '', schema: '', name: key.slice(scheme + 3) };
}

function locate(key: string, kind: LineageKind): TableCoordinates & { column: string | null } {
  if (kind === 'column') {
    const slash = key.lastIndexOf('/');
    const table = slash < 0 ? null : parseTableKey(key.slice(0, slash));
    if (table && slash < key.length - 1) return { ...table, column: key.slice(slash + 1) };
  }
  return { ...(parseTableKey(key) ?? coordinatesOfOther(key)), column: null };
}

export function toLineageItem(item: AmundsenLineageItem, kind: LineageKind): LineageItem {
  return {
    key: item.key,
    level: item.level,
    source: item.source,
    badges: item.badges,
    usage: item.usage,
    parent: item.parent,
    link: item.link,
    in_amundsen: item.in_amundsen,
    ...locate(item.key, kind),
  };
}

/** `direction` and `depth` are what the BFF asked for (the service echoes them, Amundsen's loosely). */
export function toLineageResponse(
  lineage: AmundsenLineage,
  asked: { direction: LineageDirection; depth: number },
  kind: LineageKind,
): LineageResponse {
  return {
    msg: 'Success',
    key: lineage.key,
    direction: asked.direction,
    depth: asked.depth,
    upstream_entities: lineage.upstream_entities.map((item) => toLineageItem(item, kind)),
    downstream_entities: lineage.downstream_entities.map((item) => toLineageItem(item, kind)),
    upstream_count: lineage.upstream_count,
    downstream_count: lineage.downstream_count,
  };
}
