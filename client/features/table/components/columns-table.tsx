// The columns of a table, numbered from 1. A column's name opens its details (statistics, nested
// fields, a link to copy). A deep link (`?column=name`) opens that column, scrolls to it and marks it;
// with a nested field (`&field=address.city`, decision 067) it opens the fields above that one and marks it.
// A column with unsaved text kept for one of its nested fields starts open, so the text shows again.
// A wide table (more than COLUMNS_FILTERED_ABOVE columns) has a filter by name, type or description above
// its columns, with a count, and a button to skip past them; the filter also finds nested fields, listed
// under their column by their path, each a link that opens it. One wider than COLUMNS_SHOWN_FIRST shows
// that many first, then "Show all", which then offers the first ones again (decision 100). A column's type is one line, cut with an ellipsis (whole in its
// title and its details). At narrow widths each column is a block (table.css), never scrolled sideways.
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Column, TypeMetadata } from '../../../../contract/api-table';
import { formatFieldPath } from '../../../../contract/nested-field-path';
import { tablePath } from '../../../app/paths';
import { useHasDescriptionDraftUnder } from '../../../app/use-description-draft';
import { BreakableText } from '../../../components/breakable-text';
import { AppLink } from '../../../components/app-link';
import { Button } from '../../../components/button';
import { BadgeList } from '../../../components/chip';
import { DisclosureButton } from '../../../components/disclosure';
import { FilterBox } from '../../../components/filter-box';
import { cx } from '../../../components/class-names';
import { formatWholeNumber } from '../../../lib/format-number';
import { COLUMNS_FILTERED_ABOVE, COLUMNS_SHOWN_FIRST, columnMatches, columnsShownInWords, hasNestedFields, nestedFieldsMatching, type NestedFieldMatch } from '../column-filter';
import { typeDescriptionDraftPrefixBelow } from '../description-draft-ids';
import type { JoinLinkFor } from '../link-join-hints';
import { ColumnDescription } from './column-description';
import { ColumnDetails } from './column-details';
import { LINKED_FIELD_ID } from './type-metadata-tree';
import { EditableColumnDescription } from './editable-column-description';
import { useTableEditing } from './table-editing';
import { MARKDOWN_PENDING, useMarkdownNearScreen } from '../use-markdown-near-screen';
import { shownDescription } from '../../../lib/description-text';
import '../../../components/grow-list.css';

export const columnRowId = (name: string) => `column-${name}`;

/**
 * Scroll a deep-linked column, or its linked nested field, into view once the page has settled (after
 * the shell's scroll-to-top), and move focus there.
 */
function useRevealColumn(name: string | null, found: boolean, fieldKey: string | null, renderNearNow: () => boolean) {
  useEffect(() => {
    if (!name || !found) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const field = fieldKey ? document.getElementById(LINKED_FIELD_ID) : null;
        const row = document.getElementById(columnRowId(name));
        (field ?? row)?.scrollIntoView({ block: 'center' });
        // The rows now near the window render their Markdown before this paint, which may change their
        // heights: centred again on the rendered rows.
        if (renderNearNow()) (field ?? row)?.scrollIntoView({ block: 'center' });
        (field ?? row?.querySelector<HTMLElement>('.disclosure'))?.focus({ preventScroll: true });
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [name, found, fieldKey, renderNearNow]);
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
  joinLinkFor: JoinLinkFor;
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
  const list = useRef<HTMLDivElement>(null);

  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  // A new deep link (another column, or a nested field) clears a filter that would hide its column; one
  // to a column the filter shows (a nested field listed under it) keeps the filter and the list as they are.
  const fieldKey = targetFieldChain?.at(-1)?.key ?? null;
  useEffect(() => {
    const column = targetColumn ? columns.find((c) => c.name === targetColumn) : undefined;
    if (column) setFilter((current) => (columnMatches(column, current) || nestedFieldsMatching(column, current).length > 0 ? current : ''));
    // Only a new link decides (not a change of the columns' objects, the same table's).
  }, [targetColumn, fieldKey]);
  const filterable = columns.length > COLUMNS_FILTERED_ABOVE;
  const cappable = columns.length > COLUMNS_SHOWN_FIRST;
  const capped = cappable && !showAll;
  const numbered = useMemo(() => columns.map((column, index) => ({ column, number: index + 1 })), [columns]);
  const matching = useMemo(
    () =>
      numbered.flatMap(({ column, number }) => {
        const fields = nestedFieldsMatching(column, filter);
        return columnMatches(column, filter) || fields.length > 0 ? [{ column, number, fields }] : [];
      }),
    [numbered, filter],
  );
  const nestedMatched = matching.reduce((sum, { fields }) => sum + fields.length, 0);
  const searchedNested = useMemo(() => hasNestedFields(columns), [columns]);
  // Unfiltered, a very wide table shows its first columns — and a deep-linked one wherever it is.
  const shown = filter.trim() || !capped ? matching : matching.filter(({ column, number }) => number <= COLUMNS_SHOWN_FIRST || column.name === targetColumn);
  const tableId = `${baseId}-table`;
  const after = useRef<HTMLDivElement>(null);
  // After "Show all", the focus goes to the first column it added.
  const focusAfterShowAll = useRef(false);
  // After "Show the first 50", the focus stays on the same button (now "Show all"), brought into view.
  const showMore = useRef<HTMLButtonElement>(null);
  const revealAfterShowFewer = useRef(false);
  useLayoutEffect(() => {
    if (focusAfterShowAll.current) {
      focusAfterShowAll.current = false;
      list.current?.querySelectorAll<HTMLElement>('[data-testid="column-toggle"]')[COLUMNS_SHOWN_FIRST]?.focus();
    }
    if (revealAfterShowFewer.current) {
      revealAfterShowFewer.current = false;
      showMore.current?.focus();
      showMore.current?.scrollIntoView?.({ block: 'nearest' });
    }
  });
  // After the focus moved above (its layout effect first): the rows near the window where it is now.
  const { isRendered, renderNearNow } = useMarkdownNearScreen(list);
  useRevealColumn(targetColumn, found, fieldKey, renderNearNow);

  const toggle = useCallback(
    (name: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );

  if (columns.length === 0) return <p className="muted">This table has no columns recorded.</p>;

  return (
    <div className="columns">
      {filterable ? (
        <div className="columns__tools">
          {/* For the keyboard: past hundreds of columns' buttons in one press (visible when focused). */}
          <button type="button" className="columns__skip" onClick={() => after.current?.focus()} data-testid="columns-skip">
            Skip past the columns
          </button>
          {/* GrowList's filter box, for the lineage lists: the same look and words. */}
          <FilterBox
            id={`${baseId}-filter`}
            className="columns__filter"
            label={searchedNested ? 'Filter columns by name, type, description or nested field' : 'Filter columns by name, type or description'}
            placeholder="Filter columns"
            value={filter}
            onChange={setFilter}
            controls={shown.length > 0 ? tableId : undefined}
            testId="columns-filter"
          />
          {/* There from the start, its words changing with each letter typed (decision 046). */}
          <p className="columns__shown muted" role="status" data-testid="columns-shown">
            {columnsShownInWords({ shown: shown.length, matching: matching.length, total: columns.length, filter, nested: nestedMatched, searchedNested })}
          </p>
        </div>
      ) : null}
      {shown.length === 0 ? null : (
        <div className="columns-scroll" ref={list}>
          <table className="columns-table" id={tableId} aria-labelledby={labelledBy}>
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
              {shown.map(({ column, number, fields }) => (
                <ColumnRow
                  key={column.key || column.name}
                  tableKey={tableKey}
                  column={column}
                  number={number}
                  fields={fields}
                  detailsId={`${baseId}-details-${number}`}
                  isOpen={expanded.has(column.name)}
                  isTarget={column.name === targetColumn}
                  targetFieldChain={column.name === targetColumn ? targetFieldChain : null}
                  markdownRendered={isRendered(column.name)}
                  joinLinkFor={joinLinkFor}
                  onToggle={toggle}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* One button that changes its words, so the focus stays on it when it shows fewer. Hidden while a
          filter is typed (a filter looks at every column); the choice stays for when it is cleared. */}
      {cappable && !filter.trim() ? (
        <div className="columns__more">
          <Button
            ref={showMore}
            size="sm"
            onClick={() => {
              if (showAll) revealAfterShowFewer.current = true;
              else focusAfterShowAll.current = true;
              setShowAll(!showAll);
            }}
            aria-controls={tableId}
            data-testid="columns-show-all"
          >
            {showAll ? `Show the first ${formatWholeNumber(COLUMNS_SHOWN_FIRST)} columns only` : `Show all ${formatWholeNumber(columns.length)} columns`}
          </Button>
        </div>
      ) : null}
      {filterable ? (
        <div ref={after} tabIndex={-1} className="columns__end visually-hidden" data-testid="columns-end">
          End of the columns
        </div>
      ) : null}
    </div>
  );
}

/**
 * One column's row, and the rows under it (its matching nested fields, its details). Memoized: a step
 * that renders some rows' Markdown (decision 110) or opens one column re-renders those rows only.
 */
const ColumnRow = memo(function ColumnRow({
  tableKey,
  column,
  number,
  fields,
  detailsId,
  isOpen,
  isTarget,
  targetFieldChain,
  markdownRendered,
  joinLinkFor,
  onToggle,
}: {
  tableKey: string;
  column: Column;
  number: number;
  fields: readonly NestedFieldMatch[];
  detailsId: string;
  isOpen: boolean;
  isTarget: boolean;
  targetFieldChain: readonly TypeMetadata[] | null;
  /** False: the description shows as written until the row comes near the screen (use-markdown-near-screen.ts). */
  markdownRendered: boolean;
  joinLinkFor: JoinLinkFor;
  onToggle: (name: string) => void;
}) {
  return (
    <>
      <tr
        id={columnRowId(column.name)}
        data-testid="column-row"
        {...{ [MARKDOWN_PENDING]: shownDescription(column.description) && !markdownRendered ? column.name : undefined }}
        className={cx('columns-table__row', (isOpen || fields.length > 0) && 'columns-table__row--open', isTarget && 'columns-table__row--target')}
      >
        <td className="columns-table__number">{number}</td>
        <th scope="row" className="columns-table__name">
          <DisclosureButton expanded={isOpen} onToggle={() => onToggle(column.name)} controls={detailsId} testId="column-toggle">
            <BreakableText text={column.name} />
          </DisclosureButton>
        </th>
        {/* One line, cut with an ellipsis (a struct of 22 fields made a row 594 px tall); whole in the title and the details. */}
        <td className="columns-table__type">
          <code title={column.col_type}>{column.col_type}</code>
        </td>
        <td className="columns-table__description">
          <EditableColumnDescription columnName={column.name} value={column.description}>
            <ColumnDescription text={column.description} columnName={column.name} joinLinkFor={joinLinkFor} deferred={!markdownRendered} />
          </EditableColumnDescription>
          <BadgeList badges={column.badges.map((b) => b.badge_name)} linked={false} label={`Badges of ${column.name}`} />
        </td>
      </tr>
      {fields.length > 0 ? (
        <tr className="columns-table__details-row columns-table__fields-row">
          <td />
          <td colSpan={3}>
            <MatchingNestedFields tableKey={tableKey} columnName={column.name} fields={fields} />
          </td>
        </tr>
      ) : null}
      {isOpen ? (
        <tr className="columns-table__details-row">
          <td />
          <td colSpan={3} id={detailsId} data-testid="column-details">
            <ColumnDetails column={column} href={tablePath(tableKey, { column: column.name })} targetFieldChain={targetFieldChain} />
          </td>
        </tr>
      ) : null}
    </>
  );
});

/** Listed under a column, at most this many of its nested fields the filter found; the rest are counted. */
const NESTED_MATCHES_LISTED = 10;

/** The nested fields of one column the filter found, by their path from the column, each a link that opens it. */
function MatchingNestedFields({ tableKey, columnName, fields }: { tableKey: string; columnName: string; fields: readonly NestedFieldMatch[] }) {
  const listed = fields.slice(0, NESTED_MATCHES_LISTED);
  const more = fields.length - listed.length;
  return (
    <div className="columns-table__fields" data-testid="column-matching-fields">
      <span className="columns-table__fields-label muted">Matching nested {fields.length === 1 ? 'field' : 'fields'}:</span>
      <ul aria-label={`Nested fields of ${columnName} that match`}>
        {listed.map((field) => (
          <li key={field.key}>
            <AppLink to={tablePath(tableKey, { column: columnName, field: field.path })}>
              <span className="columns-table__field-parent">{formatFieldPath([columnName, ...field.names.slice(0, -1)])}.</span>
              <BreakableText text={formatFieldPath(field.names.slice(-1))} />
            </AppLink>
          </li>
        ))}
        {more > 0 ? <li className="muted">and {formatWholeNumber(more)} more (open {columnName} to see them all)</li> : null}
      </ul>
    </div>
  );
}
