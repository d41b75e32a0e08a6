// Words for a lineage node: where it stands relative to the current table, for its card, its
// accessible name and the list view; and what a node is, a table or (in a column's lineage) a column.
import { formatWholeNumber } from '../../lib/format-number';
import type { LineageKind, LineageNode } from './build-lineage-graph';

/** What a node is, one and many: tables, or columns in a column's lineage (the graph's, the list's and GrowList's words). */
export function nodeWords(kind: LineageKind): readonly [one: string, many: string] {
  return kind === 'column' ? ['column', 'columns'] : ['table', 'tables'];
}

/** "1,501 tables", "1 column". */
export function nodesInWords(count: number, kind: LineageKind): string {
  const [one, many] = nodeWords(kind);
  return `${formatWholeNumber(count)} ${count === 1 ? one : many}`;
}

const steps = (n: number) => (n === 1 ? '1 step' : `${n} steps`);

/** "current table", "upstream, 2 steps away", "downstream and upstream (a cycle)". */
export function describePlace(node: Pick<LineageNode, 'role' | 'level'>, kind: 'table' | 'column' = 'table'): string {
  switch (node.role) {
    case 'current':
      return kind === 'column' ? 'current column' : 'current table';
    case 'both':
      return 'upstream and downstream (a cycle)';
    default:
      return `${node.role}, ${steps(Math.abs(node.level))} away`;
  }
}

/** The accessible name of a node's link: its label, where it stands, and when it is outside the catalog. */
export function describeNode(node: LineageNode, kind: 'table' | 'column' = 'table'): string {
  return [node.label, describePlace(node, kind), node.inCatalog ? null : 'not in the catalog'].filter(Boolean).join(', ');
}

/** The short form on a node's card: "1 step up", "2 steps down", "both ways"; nothing for the current one. */
export function describePlaceShort(node: Pick<LineageNode, 'role' | 'level'>): string | null {
  if (node.role === 'current') return null;
  if (node.role === 'both') return 'both ways';
  return `${steps(Math.abs(node.level))} ${node.role === 'upstream' ? 'up' : 'down'}`;
}
