// One table on the graph: a card whose name is a real link to the table's page (so a click, Enter,
// a middle-click and a screen reader all work as on any link). Tables outside the catalog link to
// their own address when lineage gives a safe one, else show plain text.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, useContext, useId } from 'react';
import { Link } from 'react-router';
import { useUiConfig } from '../../../app/app-data';
import { BreakableText } from '../../../components/breakable-text';
import { cx } from '../../../components/class-names';
import { ExternalLink } from '../../../components/external-link';
import type { LineageKind, LineageNode } from '../build-lineage-graph';
import { describeNode, describePlace, describePlaceShort } from '../describe-lineage-node';

export type LineageFlowNode = Node<{ node: LineageNode; kind: LineageKind }, 'lineage'>;

/** Brings a node into view when its link gets the keyboard focus. */
export const RevealNodeContext = createContext<(id: string) => void>(() => {});

export function LineageNodeCard({ id, data }: NodeProps<LineageFlowNode>) {
  const { node, kind } = data;
  const reveal = useContext(RevealNodeContext);
  const sources = useUiConfig().resourceConfig.table.supportedSources;
  const source = sources[node.database]?.displayName ?? node.database;
  const name = describeNode(node, kind);
  // Where the table lives (source, cluster): the card shows it; the link carries it too, as its
  // description (for a table outside the catalog, in its hidden text), for those who hear only the link.
  const whereId = useId();
  const where = [source, node.cluster && `cluster ${node.cluster}`].filter(Boolean).join(', ');
  return (
    <div
      className={cx('lineage-node', `lineage-node--${node.role}`, !node.inCatalog && 'lineage-node--external')}
      data-testid="lineage-node"
      data-role={node.role}
      title={name}
      onFocus={() => reveal(id)}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="lineage-node__handle" />
      {node.href ? (
        <Link to={node.href} className="lineage-node__name" aria-label={name} aria-describedby={where ? whereId : undefined}>
          <BreakableText text={node.label} />
        </Link>
      ) : (
        <ExternalLink href={node.link} className="lineage-node__name">
          <BreakableText text={node.label} />
          <span className="visually-hidden">, {[describePlace(node, kind), where, 'not in the catalog'].filter(Boolean).join(', ')}</span>
        </ExternalLink>
      )}
      <span className="lineage-node__detail" aria-hidden="true">
        {[describePlaceShort(node), source, node.cluster].filter(Boolean).join(' · ')}
      </span>
      {where && node.href ? (
        <span id={whereId} hidden>
          {where}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="lineage-node__handle" />
    </div>
  );
}
