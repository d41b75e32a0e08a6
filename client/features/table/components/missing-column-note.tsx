// A deep link to a column the table does not have (`?column=nope`): a short note at the top of the
// page, rather than nothing (the column table opens and marks only a column it has).
import type { Column } from '../../../../contract/api-table';
import '../../../components/notice.css';

export function MissingColumnNote({ column, columns }: { column: string | null; columns: readonly Column[] }) {
  if (!column || columns.some((c) => c.name === column)) return null;
  return (
    <p className="notice notice--info" role="status" data-testid="missing-column">
      <span className="notice__label">Note</span>
      <span className="notice__message">
        This table has no column “{column}”. The link may be old, or the column renamed.
      </span>
    </p>
  );
}
