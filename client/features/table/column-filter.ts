// The filter over a table's columns (the table page's Columns section): which columns a typed filter
// keeps — by name, type or description, in any case, or by one of its nested fields' names or
// descriptions — and what the count line says. Words as the lineage lists' filter says them
// (client/components/grow-list.tsx). Descriptions are Markdown: the filter reads their words, as the
// page shows them, not their syntax (`**`, a link's address): decision 105.
import type { Column, TypeMetadata } from '../../../contract/api-table';
import { markdownToPlainText } from '../../../contract/markdown-plain-text';
import { formatFieldPath, LEFT_OUT_OF_PATHS } from '../../../contract/nested-field-path';
import { formatWholeNumber } from '../../lib/format-number';

/** A table wider than this shows its first COLUMNS_SHOWN_FIRST columns and "Show all N columns". */
export const COLUMNS_SHOWN_FIRST = 50;
/** A table with more columns than this has the filter box (and the skip button) above its columns. */
export const COLUMNS_FILTERED_ABOVE = 10;

// Each description's words in lower case, worked out once (a filter reads every column at each letter typed).
const wordsOf = new Map<string, string>();
const WORDS_KEPT = 5000;

/** The words of a Markdown description, in lower case: "**Net** [amount](https://…)" → "net amount". */
export function descriptionWords(description: string | null): string {
  if (!description) return '';
  let words = wordsOf.get(description);
  if (words === undefined) {
    words = markdownToPlainText(description).toLocaleLowerCase();
    if (wordsOf.size >= WORDS_KEPT) wordsOf.clear();
    wordsOf.set(description, words);
  }
  return words;
}

/** Whether the column's name, type or description (its words) holds `filter` (any case); an empty filter keeps all. */
export function columnMatches(column: Column, filter: string): boolean {
  const wanted = filter.trim().toLocaleLowerCase();
  if (!wanted) return true;
  return [column.name, column.col_type].some((text) => text.toLocaleLowerCase().includes(wanted)) || descriptionWords(column.description).includes(wanted);
}

/** A nested field the filter found: its names below the column (an array's element left out) and its path as a link names it. */
export interface NestedFieldMatch {
  key: string;
  names: readonly string[];
  /** formatFieldPath's text of `names` ("geo.city"), the `field` of the link that opens it. */
  path: string;
}

const MAP_KEY = '_map_key';

/** The order the tree lists a node's fields in (type-metadata-tree.tsx): by sort_order, then name. */
export const byFieldOrder = (a: TypeMetadata, b: TypeMetadata) => a.sort_order - b.sort_order || a.name.localeCompare(b.name);

/**
 * The nested fields of `column` whose name or description holds `filter` (any case), in the order the
 * tree lists them; none for an empty filter. Not their types: the column's own type spells those out,
 * and "string" would find every field. An array's element (`_inner_`) is no field of its own.
 */
export function nestedFieldsMatching(column: Column, filter: string): NestedFieldMatch[] {
  const wanted = filter.trim().toLocaleLowerCase();
  if (!wanted || !column.type_metadata) return [];
  const found: NestedFieldMatch[] = [];
  const visit = (node: TypeMetadata, names: readonly string[]) => {
    for (const child of [...node.children].sort(byFieldOrder)) {
      if (LEFT_OUT_OF_PATHS.has(child.name)) {
        visit(child, names);
        continue;
      }
      const below = [...names, child.name];
      // A map's key (`_map_key`) is found by its description only: its name is no word of anyone's.
      if ((child.name !== MAP_KEY && child.name.toLocaleLowerCase().includes(wanted)) || descriptionWords(child.description).includes(wanted)) {
        found.push({ key: child.key, names: below, path: formatFieldPath(below) });
      }
      visit(child, below);
    }
  };
  visit(column.type_metadata, []);
  return found;
}

/** Whether any column has a nested field (the empty state then says the filter looked there too). */
export const hasNestedFields = (columns: readonly Column[]) => columns.some((c) => (c.type_metadata?.children.length ?? 0) > 0);

const columnsWord = (count: number) => (count === 1 ? 'column' : 'columns');

/**
 * What the count line says: "12 of 245 columns match “id”.", "2 of 24 columns match “city”, with 3
 * matching nested fields.", "Showing the first 50 of 245 columns.". `nested`: how many nested fields
 * match; `searchedNested`: whether the table has any (the empty state names them then).
 */
export function columnsShownInWords({ shown, matching, total, filter, nested = 0, searchedNested = false }: {
  shown: number;
  matching: number;
  total: number;
  filter: string;
  nested?: number;
  searchedNested?: boolean;
}): string {
  const all = `${formatWholeNumber(total)} ${columnsWord(total)}`;
  const wanted = filter.trim();
  if (wanted) {
    if (matching === 0) return `None of the ${all} has “${wanted}” in its name, type${searchedNested ? ', description or nested fields' : ' or description'}.`;
    const fields = nested > 0 ? `, with ${formatWholeNumber(nested)} matching nested ${nested === 1 ? 'field' : 'fields'}` : '';
    return `${formatWholeNumber(matching)} of ${all} ${matching === 1 ? 'matches' : 'match'} “${wanted}”${fields}.`;
  }
  if (shown >= total) return `Showing all ${all}.`;
  return `Showing the first ${formatWholeNumber(shown)} of ${all}.`;
}
