// What the colours and lines of the graph mean.
import type { LineageKind } from '../build-lineage-graph';
import { nodeWords } from '../describe-lineage-node';

/** `cycle`: the graph has one, so one of its edges is drawn backwards (dashed, round the tables). */
export function LineageLegend({ kind, cycle = false }: { kind: LineageKind; cycle?: boolean }) {
  const [thing] = nodeWords(kind);
  const entries = [
    { key: 'current', label: `This ${thing}` },
    { key: 'upstream', label: `Upstream: feeds this ${thing}` },
    { key: 'downstream', label: `Downstream: built from this ${thing}` },
    { key: 'both', label: 'Both ways (a cycle)' },
    { key: 'external', label: 'Not in the catalog' },
  ];
  return (
    <ul className="lineage-legend" aria-label="Legend">
      {entries.map((entry) => (
        <li key={entry.key} className="lineage-legend__item">
          <span className={`lineage-legend__swatch lineage-legend__swatch--${entry.key}`} aria-hidden="true" />
          {entry.label}
        </li>
      ))}
      <li className="lineage-legend__item">
        <span className="lineage-legend__arrow" aria-hidden="true">
          →
        </span>
        Data flows along the arrows
      </li>
      {cycle ? (
        <li className="lineage-legend__item">
          <span className="lineage-legend__back" aria-hidden="true" />
          Dashed arrow: data flowing back to an earlier {thing}, closing a cycle
        </li>
      ) : null}
    </ul>
  );
}
