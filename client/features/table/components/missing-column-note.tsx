// A deep link to a column the table does not have (`?column=nope`), or to a nested field its column
// does not have (`?column=payload&field=nope`): a short note at the top of the page, rather than
// nothing (the column table opens and marks only what the table has).
import type { LinkTarget } from '../nested-field-target';
import '../../../components/notice.css';

export function MissingColumnNote({ missing }: { missing: LinkTarget['missing'] }) {
  if (!missing) return null;
  return (
    <p className="notice notice--info" role="status" data-testid="missing-column">
      <span className="notice__label">Note</span>
      <span className="notice__message">
        {missing.kind === 'column'
          ? <>This table has no column “{missing.column}”. The link may be old, or the column renamed.</>
          : <>The column “{missing.column}” has no nested field “{missing.field}”. The link may be old, or the field renamed.</>}
      </span>
    </p>
  );
}
