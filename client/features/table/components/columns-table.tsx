import type { Column } from '../../../../contract/bff-api';
import { BadgeList } from '../../../components/chip';

export function ColumnsTable({ columns }: { columns: Column[] }) {
  if (columns.length === 0) return <p className="muted">This table has no columns recorded.</p>;
  const sorted = [...columns].sort((a, b) => a.sort_order - b.sort_order);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Columns">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((column) => (
            <tr key={column.key || column.name} data-testid="column-row" id={`column-${column.name}`}>
              <td className="num">{column.sort_order}</td>
              <th scope="row" className="column-name">
                {column.name}
              </th>
              <td>
                <code>{column.col_type}</code>
              </td>
              <td className="pre-line">
                {column.description ?? <span className="muted">—</span>}
                <BadgeList badges={column.badges.map((b) => b.badge_name)} label="Column badges" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
