// The filter over a table's columns (the table page's Columns section): which columns a typed filter
// keeps — by name, type or description, in any case — and what the count line says. Words as the
// lineage lists' filter says them (client/components/grow-list.tsx).
import type { Column } from '../../../contract/api-table';
import { formatWholeNumber } from '../../lib/format-number';

/** A table wider than this shows its first COLUMNS_SHOWN_FIRST columns and "Show all N columns". */
export const COLUMNS_SHOWN_FIRST = 50;
/** A table with more columns than this has the filter box (and the skip button) above its columns. */
export const COLUMNS_FILTERED_ABOVE = 10;

/** Whether the column's name, type or description holds `filter` (any case); an empty filter keeps all. */
export function columnMatches(column: Column, filter: string): boolean {
  const wanted = filter.trim().toLocaleLowerCase();
  if (!wanted) return true;
  return [column.name, column.col_type, column.description ?? ''].some((text) => text.toLocaleLowerCase().includes(wanted));
}

const columnsWord = (count: number) => (count === 1 ? 'column' : 'columns');

/** What the count line says: "12 of 245 columns match “id”.", "Showing the first 50 of 245 columns.". */
export function columnsShownInWords({ shown, matching, total, filter }: { shown: number; matching: number; total: number; filter: string }): string {
  const all = `${formatWholeNumber(total)} ${columnsWord(total)}`;
  const wanted = filter.trim();
  if (wanted) {
    if (matching === 0) return `None of the ${all} has “${wanted}” in its name, type or description.`;
    return `${formatWholeNumber(matching)} of ${all} ${matching === 1 ? 'matches' : 'match'} “${wanted}”.`;
  }
  if (shown >= total) return `Showing all ${all}.`;
  return `Showing the first ${formatWholeNumber(shown)} of ${all}.`;
}
