// What opens under a column: its whole type (the row shows one line of it), its statistics, its nested
// fields and a link to copy.
import type { Column, TypeMetadata } from '../../../../contract/api-table';
import { useFormatDay } from '../use-day-formats';
import { BreakableText } from '../../../components/breakable-text';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { describeStats, statPeriodDays } from '../format';
import { countNestedFields, describeNestedCount, TypeMetadataTree } from './type-metadata-tree';

function CopyColumnLink({ columnName, href }: { columnName: string; href: string }) {
  const toast = useToast();
  async function copy() {
    const url = new URL(href, window.location.origin).href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      toast({ title: 'Link copied', description: `The link to ${columnName} is on your clipboard.`, tone: 'success' });
    } catch {
      toast({ title: 'Could not copy the link', description: url, tone: 'error' });
    }
  }
  return (
    <Button size="sm" variant="secondary" onClick={() => void copy()} data-testid="copy-column-link">
      Copy link<span className="visually-hidden"> to the column {columnName}</span>
    </Button>
  );
}

/** `targetFieldChain`: the nested fields down to one a link opened (decision 067), or null. */
export function ColumnDetails({ column, href, targetFieldChain = null }: { column: Column; href: string; targetFieldChain?: readonly TypeMetadata[] | null }) {
  const formatDay = useFormatDay();
  const stats = describeStats(column.stats);
  const nested = column.type_metadata ? countNestedFields(column.type_metadata) : 0;
  return (
    <div className="column-details">
      <p className="column-details__type" data-testid="column-type">
        <span className="column-details__type-label">Type</span>{' '}
        <code>
          <BreakableText text={column.col_type} breakAfter=",<:" />
        </code>
      </p>
      {stats.length > 0 ? (
        <table className="column-stats">
          <caption>Statistics</caption>
          <thead>
            <tr>
              <th scope="col">Statistic</th>
              <th scope="col">Value</th>
              <th scope="col">Measured</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((stat, i) => {
              const days = statPeriodDays(stat.start, stat.end);
              const start = formatDay(days.first);
              const end = formatDay(days.last);
              return (
                <tr key={i}>
                  <th scope="row">{stat.label}</th>
                  <td className="column-stats__value">{stat.value}</td>
                  <td>{start && end ? (start === end ? start : `${start} – ${end}`) : (end ?? start ?? '—')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {column.type_metadata && nested > 0 ? (
        <div className="column-details__nested">
          <p className="column-details__heading">
            {describeNestedCount(column.type_metadata)}
          </p>
          <TypeMetadataTree root={column.type_metadata} columnName={column.name} targetChain={targetFieldChain} />
        </div>
      ) : null}
      {stats.length === 0 && nested === 0 ? <p className="muted column-details__none">No statistics or nested fields recorded for this column.</p> : null}
      <div className="column-details__actions">
        <CopyColumnLink columnName={column.name} href={href} />
      </div>
    </div>
  );
}
