// The columns of a table, numbered from 1. A column's name opens its details (statistics, nested
// fields, a link to copy). A deep link (`?column=name`) opens that column, scrolls to it and marks it;
// with a nested field (`&field=address.city`, decision 067) it opens the fields above that one and marks it.
// A column with unsaved text kept for one of its nested fields starts open, so the text shows again.
import { Fragment, useEffect, useId, useState } from 'react';
import type { Column, TypeMetadata } from '../../../../contract/api-table';
import { tablePath } from '../../../app/paths';
import { useHasDescriptionDraftUnder } from '../../../app/use-description-draft';
import { BreakableText } from '../../../components/breakable-text';
import { BadgeList } from '../../../components/chip';
import { DisclosureButton } from '../../../components/disclosure';
import { cx } from '../../../components/class-names';
import { typeDescriptionDraftPrefixBelow } from '../description-draft-ids';
import type { JoinHint } from '../join-hints';
import { ColumnDescription } from './column-description';
import { ColumnDetails } from './column-details';
import { LINKED_FIELD_ID } from './type-metadata-tree';
import { EditableColumnDescription } from './editable-column-description';
import { useTableEditing } from './table-editing';

export const columnRowId = (name: string) => `column-${name}`;

/**
 * Scroll a deep-linked column, or its linked nested field, into view once the page has settled (after
 * the shell's scroll-to-top), and move focus there.
 */
function useRevealColumn(name: string | null, found: boolean, fieldKey: string | null) {
  useEffect(() => {
    if (!name || !found) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const field = fieldKey ? document.getElementById(LINKED_FIELD_ID) : null;
        const row = document.getElementById(columnRowId(name));
        (field ?? row)?.scrollIntoView({ block: 'center' });
        (field ?? row?.querySelector<HTMLElement>('.disclosure'))?.focus({ preventScroll: true });
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [name, found, fieldKey]);
}

export function ColumnsTable({
  tableKey,
  columns,
  targetColumn,
  targetFieldChain = null,
  joinLinkFor,
  labelledBy,
}: {
  tableKey: string;
  columns: Column[];
  targetColumn: string | null;
  /** The nested fields from the target column's top node down to the linked one, or null. */
  targetFieldChain?: readonly TypeMetadata[] | null;
  joinLinkFor: (hint: JoinHint) => { to: string; direct: boolean };
  /** The id of the heading that names the table ("Columns 12"): a table needs a name of its own. */
  labelledBy?: string;
}) {
  const baseId = useId();
  const found = !!targetColumn && columns.some((c) => c.name === targetColumn);
  const mayEdit = useTableEditing()?.rights.descriptions ?? false;
  const hasDraftUnder = useHasDescriptionDraftUnder();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const withDrafts = mayEdit ? columns.filter((c) => c.type_metadata && hasDraftUnder(typeDescriptionDraftPrefixBelow(tableKey, c.type_metadata.key))).map((c) => c.name) : [];
    return new Set([...(found ? [targetColumn!] : []), ...withDrafts]);
  });
  useEffect(() => {
    if (found) setExpanded((current) => (current.has(targetColumn!) ? current : new Set([...current, targetColumn!])));
  }, [found, targetColumn]);
  useRevealColumn(targetColumn, found, targetFieldChain?.at(-1)?.key ?? null);

  if (columns.length === 0) return <p className="muted">This table has no columns recorded.</p>;

  const toggle = (name: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  return (
    <div className="columns-scroll">
      <table className="columns-table" aria-labelledby={labelledBy}>
        {/* The widths of a fixed-layout table: a long word in a cell wraps there, the table keeps its width. */}
        <colgroup>
          <col className="columns-table__col--number" />
          <col className="columns-table__col--name" />
          <col className="columns-table__col--type" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="columns-table__number">
              #
            </th>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => {
            const isOpen = expanded.has(column.name);
            const detailsId = `${baseId}-details-${index}`;
            return (
              <Fragment key={column.key || column.name}>
                <tr
                  id={columnRowId(column.name)}
                  data-testid="column-row"
                  className={cx('columns-table__row', isOpen && 'columns-table__row--open', column.name === targetColumn && 'columns-table__row--target')}
                >
                  <td className="columns-table__number">{index + 1}</td>
                  <th scope="row" className="columns-table__name">
                    <DisclosureButton expanded={isOpen} onToggle={() => toggle(column.name)} controls={detailsId} testId="column-toggle">
                      <BreakableText text={column.name} />
                    </DisclosureButton>
                  </th>
                  <td className="columns-table__type">
                    <code>
                      <BreakableText text={column.col_type} breakAfter=",<:" />
                    </code>
                  </td>
                  <td className="columns-table__description">
                    <EditableColumnDescription columnName={column.name} value={column.description}>
                      <ColumnDescription text={column.description} columnName={column.name} joinLinkFor={joinLinkFor} />
                    </EditableColumnDescription>
                    <BadgeList badges={column.badges.map((b) => b.badge_name)} linked={false} label={`Badges of ${column.name}`} />
                  </td>
                </tr>
                {isOpen ? (
                  <tr className="columns-table__details-row">
                    <td />
                    <td colSpan={3} id={detailsId} data-testid="column-details">
                      <ColumnDetails column={column} href={tablePath(tableKey, { column: column.name })} targetFieldChain={column.name === targetColumn ? targetFieldChain : null} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
