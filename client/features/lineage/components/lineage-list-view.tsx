// The same lineage as lists (for screen readers, small screens and printing): upstream from the
// farthest table to the nearest, the current table, then downstream, each table with what it feeds.
import { Link } from 'react-router';
import { ExternalLink } from '../../../components/external-link';
import type { LineageGraph, LineageKind, LineageNode } from '../build-lineage-graph';
import { describePlace } from '../describe-lineage-node';

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
  const groups = [
    { id: 'upstream', title: 'Upstream', nodes: graph.nodes.filter((n) => n.role === 'upstream' || n.role === 'both') },
    { id: 'current', title: kind === 'column' ? 'This column' : 'This table', nodes: graph.nodes.filter((n) => n.role === 'current') },
    { id: 'downstream', title: 'Downstream', nodes: graph.nodes.filter((n) => n.role === 'downstream') },
  ];
  return (
    <div className="lineage-list" data-testid="lineage-list">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`lineage-list-${group.id}`} className="lineage-list__group">
          <h2 id={`lineage-list-${group.id}`}>
            {group.title} {group.id === 'current' ? null : <span className="count">{group.nodes.length}</span>}
          </h2>
          {group.nodes.length === 0 ? (
            <p className="muted">None within the depth shown.</p>
          ) : (
            <ol className="lineage-list__items">
              {group.nodes.map((node) => {
                const targets = feeds.get(node.id) ?? [];
                return (
                  <li key={node.id}>
                    <NodeName node={node} />
                    <span className="muted">
                      {' '}
                      · {describePlace(node, kind)}
                      {targets.length > 0 ? ` · feeds ${targets.map((t) => t.label).join(', ')}` : ''}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
