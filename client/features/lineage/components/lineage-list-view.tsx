// The same lineage as lists (for screen readers, small screens and printing): upstream, the current
// table (or column), then downstream, each with what it feeds. A side of more than 10 shows the
// nearest 10, then 100 more at each press, with a filter and a count, as the table page's Lineage
// section does (GrowList, decision 077): 1,500 rows drawn at once made the page slow. Its words say
// columns for a column's lineage ("Filter downstream columns"), tables for a table's.
import { Link } from 'react-router';
import { GrowList } from '../../../components/grow-list';
import { ExternalLink } from '../../../components/external-link';
import type { LineageGraph, LineageKind, LineageNode } from '../build-lineage-graph';
import { describePlace, nodeWords } from '../describe-lineage-node';
import { formatWholeNumber } from '../../../lib/format-number';

const labelOf = (node: LineageNode) => node.label;

/** Names fed, the first FEEDS_NAMED of them: a table feeding 1,500 others made one line of 1,500 names. */
const FEEDS_NAMED = 5;
export function feedsInWords(targets: readonly LineageNode[]): string {
  const named = targets.slice(0, FEEDS_NAMED).map((t) => t.label).join(', ');
  const rest = targets.length - FEEDS_NAMED;
  return rest > 0 ? `${named} and ${formatWholeNumber(rest)} more` : named;
}

function NodeName({ node }: { node: LineageNode }) {
  if (node.href) return <Link to={node.href}>{node.label}</Link>;
  return (
    <ExternalLink href={node.link}>
      {node.label}
      <span className="muted"> (not in the catalog)</span>
    </ExternalLink>
  );
}

export function LineageListView({ graph, kind }: { graph: LineageGraph; kind: LineageKind }) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const feeds = new Map<string, LineageNode[]>();
  for (const edge of graph.edges) {
    const target = byId.get(edge.target);
    if (target) feeds.set(edge.source, [...(feeds.get(edge.source) ?? []), target]);
  }
  const nearestFirst = (nodes: LineageNode[]) => nodes.sort((a, b) => Math.abs(a.level) - Math.abs(b.level) || a.label.localeCompare(b.label));
  const groups = [
    { id: 'upstream', title: 'Upstream', nodes: nearestFirst(graph.nodes.filter((n) => n.role === 'upstream' || n.role === 'both')) },
    { id: 'current', title: kind === 'column' ? 'This column' : 'This table', nodes: graph.nodes.filter((n) => n.role === 'current') },
    // A node of a cycle is on both sides, and listed on both, so each heading counts what the summary does.
    { id: 'downstream', title: 'Downstream', nodes: nearestFirst(graph.nodes.filter((n) => n.role === 'downstream' || n.role === 'both')) },
  ];
  const row = (node: LineageNode) => {
    const targets = feeds.get(node.id) ?? [];
    return (
      <li key={node.id} data-testid="lineage-list-item">
        <NodeName node={node} />
        <span className="muted">
          {' '}
          · {describePlace(node, kind)}
          {targets.length > 0 ? ` · feeds ${feedsInWords(targets)}` : ''}
        </span>
      </li>
    );
  };
  return (
    <div className="lineage-list" data-testid="lineage-list">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`lineage-list-${group.id}`} className="lineage-list__group" data-testid={`lineage-list-${group.id}`}>
          <h2 id={`lineage-list-${group.id}`}>
            {group.title} {group.id === 'current' ? null : <span className="count">{formatWholeNumber(group.nodes.length)}</span>}
          </h2>
          {group.nodes.length === 0 ? (
            <p className="muted">None within the depth shown.</p>
          ) : group.id === 'current' ? (
            <ol className="lineage-list__items">{group.nodes.map(row)}</ol>
          ) : (
            <GrowList items={group.nodes} nameOf={labelOf} side={group.id} rows={nodeWords(kind)} rowSelector='[data-testid="lineage-list-item"]' testId={`lineage-list-${group.id}`}>
              {(shown, listProps) => (
                <div {...listProps}>
                  <ol className="lineage-list__items">{shown.map(row)}</ol>
                </div>
              )}
            </GrowList>
          )}
        </section>
      ))}
    </div>
  );
}
