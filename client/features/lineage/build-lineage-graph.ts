// A lineage answer (contract/api-table.ts LineageResponse) as a graph: one node per entity, one edge
// per "feeds" relation, pointing the way the data flows (upstream → downstream).
//
// The answer lists each entity with ONE parent (the entity one hop closer to the current table).
// Nansen's catalog lists each entity once; Amundsen's Neo4j proxy lists one row per path, so the same
// entity may come several times with different parents and levels: nodes are deduplicated by key
// (the closest level wins), edges by their ends. Lineage may have cycles (a table both upstream and
// downstream of another, or of the current table): such an entity is one node with the role `both`.
import type { LineageItem, LineageResponse } from '../../../contract/api-table';
import { parseTableKey } from '../../../contract/table-key';
import { tablePath } from '../../app/paths';

export type LineageKind = 'table' | 'column';
export type LineageRole = 'current' | 'upstream' | 'downstream' | 'both';

export interface LineageNode {
  /** The entity key (a table key, a column key `{table_key}/{column}`, or any other lineage key). */
  id: string;
  /** `schema.table` (`schema.table.column` for column lineage); the bare key when it is no table's. */
  label: string;
  /** Where the table lives, for a second line (empty for an entity that is no table's). */
  database: string;
  cluster: string;
  role: LineageRole;
  /** Hops from the current table: negative upstream, 0 the current table, positive downstream. */
  level: number;
  /** The table's page in Nansen, or null when the entity is not in the catalog. */
  href: string | null;
  /** Where an entity outside the catalog lives, when lineage says (a file, a topic, a job). */
  link: string | null;
  inCatalog: boolean;
  badges: string[];
}

export interface LineageEdge {
  /** `${source}→${target}`. */
  id: string;
  /** The entity whose data feeds `target`. */
  source: string;
  target: string;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** How many entities lie upstream / downstream at any depth, when the catalog says (Nansen's does). */
  upstreamTotal: number | null;
  downstreamTotal: number | null;
}

interface Located {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  column?: string | null;
}

function labelOf(entity: Located, key: string): string {
  if (!entity.schema) return entity.name || key;
  const table = `${entity.schema}.${entity.name}`;
  return entity.column ? `${table}.${entity.column}` : table;
}


/** The current entity's coordinates from its key (a table key, or `{table_key}/{column}`). */
export function locateKey(key: string, kind: LineageKind): Located {
  if (kind === 'column') {
    const slash = key.lastIndexOf('/');
    const table = slash > 0 ? parseTableKey(key.slice(0, slash)) : null;
    if (table) return { ...table, column: key.slice(slash + 1) };
  }
  return parseTableKey(key) ?? { database: '', cluster: '', schema: '', name: key };
}

function hrefOf(entity: Located, inCatalog: boolean): string | null {
  if (!inCatalog || !entity.database || !entity.cluster || !entity.schema || !entity.name) return null;
  return tablePath(entity, entity.column ? { column: entity.column } : {});
}

function nodeOfItem(item: LineageItem, role: 'upstream' | 'downstream'): LineageNode {
  // `in_amundsen` is null from services that do not say: then a parsable table key counts as in the catalog.
  const inCatalog = item.in_amundsen !== false && !!item.schema && !!item.database;
  return {
    id: item.key,
    label: labelOf(item, item.key),
    database: item.database,
    cluster: item.cluster,
    role,
    level: role === 'upstream' ? -item.level : item.level,
    href: hrefOf(item, inCatalog),
    link: item.link,
    inCatalog,
    badges: item.badges.map((b) => b.badge_name),
  };
}

/**
 * Nodes and edges of a lineage answer, up to `depth` hops each way (entities farther away are left
 * out, for services that answer more than asked). Nodes come in a stable order: upstream from the
 * farthest level, the current entity, then downstream; by label within a level.
 */
export function buildLineageGraph(lineage: LineageResponse, options: { kind: LineageKind; depth?: number }): LineageGraph {
  const { kind, depth = Infinity } = options;
  const current = locateKey(lineage.key, kind);
  const nodes = new Map<string, LineageNode>();
  nodes.set(lineage.key, {
    id: lineage.key,
    label: labelOf(current, lineage.key),
    database: current.database,
    cluster: current.cluster,
    role: 'current',
    level: 0,
    href: hrefOf(current, true),
    link: null,
    inCatalog: true,
    badges: [],
  });
  const edges = new Map<string, LineageEdge>();
  const addEdge = (source: string, target: string) => {
    if (source === target) return;
    const id = `${source}→${target}`;
    if (!edges.has(id)) edges.set(id, { id, source, target });
  };

  const sides = [
    ['upstream', lineage.upstream_entities],
    ['downstream', lineage.downstream_entities],
  ] as const;
  for (const [role, items] of sides) {
    for (const item of items) {
      if (!(item.level >= 1 && item.level <= depth)) continue;
      const known = nodes.get(item.key);
      if (!known) nodes.set(item.key, nodeOfItem(item, role));
      else if (known.role !== 'current' && known.role !== role) known.role = 'both';
      else if (known.role === role && Math.abs(known.level) > item.level) known.level = role === 'upstream' ? -item.level : item.level;
    }
  }
  // Edges once every node is known: a parent listed after its child still counts. A parent that is
  // not in the answer leaves its child attached to the current entity. The current entity listed in
  // its own lineage (a cycle) adds its edge, not a node.
  for (const [role, items] of sides) {
    for (const item of items) {
      if (!(item.level >= 1 && item.level <= depth)) continue;
      const parent = item.parent && nodes.has(item.parent) ? item.parent : lineage.key;
      if (role === 'upstream') addEdge(item.key, parent);
      else addEdge(parent, item.key);
    }
  }

  const order = [...nodes.values()].sort((a, b) => a.level - b.level || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  return { nodes: order, edges: [...edges.values()], upstreamTotal: lineage.upstream_count, downstreamTotal: lineage.downstream_count };
}

/** Whether the edges go round in a circle somewhere (then the graph draws one edge of it backwards). */
export function hasCycle(graph: { nodes: readonly Pick<LineageNode, 'id'>[]; edges: readonly Pick<LineageEdge, 'source' | 'target'>[] }): boolean {
  // Kahn's algorithm: take away the nodes nothing feeds, again and again; a cycle's nodes stay.
  const feeding = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const fed = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (!feeding.has(edge.source) || !feeding.has(edge.target)) continue;
    feeding.set(edge.target, feeding.get(edge.target)! + 1);
    const targets = fed.get(edge.source);
    if (targets) targets.push(edge.target);
    else fed.set(edge.source, [edge.target]);
  }
  const free = [...feeding].filter(([, n]) => n === 0).map(([id]) => id);
  let removed = 0;
  while (free.length > 0) {
    const id = free.pop()!;
    removed++;
    for (const target of fed.get(id) ?? []) {
      const left = feeding.get(target)! - 1;
      feeding.set(target, left);
      if (left === 0) free.push(target);
    }
  }
  return removed < feeding.size;
}
