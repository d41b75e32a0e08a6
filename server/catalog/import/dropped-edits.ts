// What a person wrote that an import drops because the source no longer has the thing it was written
// on: a column gone from a table the import writes, or a nested field gone from a column's new type
// (a struct's field renamed, say). The person's value cannot be kept (there is nowhere to keep it),
// but it must not go without a word: the importers report each such field with who wrote it and what,
// and the edit log keeps the person's entry, which the table's History shows. A whole table that
// disappears from the source is `--prune`'s (counted as removed or disappeared), not listed here.
import type { BadgeRecord } from '../store/catalog-records';
import type { CurrentTable, HumanEdit, ProtectedField } from './read-catalog-state';
import { count, listFirst } from './list-first';

interface DroppedBase {
  /** The column's key (`{table}/{column}`) or the nested field's type_metadata key. */
  resource_key: string;
  resource_type: 'column' | 'type_metadata';
  /** The table whose History has the person's entry. */
  table_key: string;
  /** Who wrote it (the edit log's user_id). */
  edited_by: string;
}

/** A description (`text`) or a badge list (`badges`) a person edited that the import drops. */
export type DroppedEdit = DroppedBase & ({ field: 'description'; text: string } | { field: 'badge'; badges: BadgeRecord[] });

/** The person's latest edit of a field when it is newer than the import's last write of it (the guard's rule). */
export type PersonsEdit = (resource_key: string, field: ProtectedField) => HumanEdit | undefined;

/** Per column the import keeps by name: the keys of its nested fields the new type no longer has. */
export interface GoneNestedFields {
  description: readonly string[];
  badge: readonly string[];
}

/**
 * The fields of `current` a person edited that writing the table with `columns` drops: the
 * descriptions and badges of columns no longer there (and of their nested fields), and those of the
 * nested fields in `goneNested` — only fields that hold a value now (a cleared description loses nothing).
 */
export function findDroppedEdits(
  tableKey: string,
  current: CurrentTable,
  columns: readonly { name: string }[],
  goneNested: ReadonlyMap<string, GoneNestedFields>,
  personsEdit: PersonsEdit,
): DroppedEdit[] {
  const dropped: DroppedEdit[] = [];
  const base = (resource_type: DroppedBase['resource_type'], resource_key: string, field: ProtectedField) => {
    const edit = personsEdit(resource_key, field);
    return edit && { resource_key, resource_type, table_key: tableKey, edited_by: edit.user_id };
  };
  const description = (resource_type: DroppedBase['resource_type'], key: string, text: string | null | undefined) => {
    const by = text != null && text !== '' ? base(resource_type, key, 'description') : undefined;
    if (by && text) dropped.push({ ...by, field: 'description', text });
  };
  const badges = (resource_type: DroppedBase['resource_type'], key: string, list: BadgeRecord[] | undefined) => {
    const by = list?.length ? base(resource_type, key, 'badge') : undefined;
    if (by && list) dropped.push({ ...by, field: 'badge', badges: list });
  };
  const nestedOf = (column: string, gone?: GoneNestedFields) => {
    const texts = current.nested.get(column);
    for (const key of gone?.description ?? [...(texts?.keys() ?? [])].sort()) description('type_metadata', key, texts?.get(key));
    const lists = current.nestedBadges.get(column);
    for (const key of gone?.badge ?? [...(lists?.keys() ?? [])].sort()) badges('type_metadata', key, lists?.get(key));
  };
  const names = new Set(columns.map((c) => c.name));
  for (const column of current.columns) {
    if (names.has(column.name)) {
      nestedOf(column.name, goneNested.get(column.name) ?? { description: [], badge: [] });
      continue;
    }
    description('column', `${tableKey}/${column.name}`, column.description);
    badges('column', `${tableKey}/${column.name}`, column.badges);
    nestedOf(column.name);
  }
  return dropped;
}

const MAX_TEXT = 80;
const quote = (text: string) => JSON.stringify(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
const what = (d: DroppedEdit) => (d.field === 'description'
  ? `description of ${d.resource_key} by ${d.edited_by}: ${quote(d.text)}`
  : `badges of ${d.resource_key} by ${d.edited_by}: ${d.badges.map((b) => `${b.badge_name} (${b.category})`).join(', ')}`);

/**
 * The importers' summary line (without its indent), or none when nothing was dropped:
 * `dropped 1 field people edited in Nansen, no longer in the source (first: description of … by liv…:
 * "Role aboard"); what they wrote stays in the History of {table}`.
 */
export function describeDroppedEdits(dropped: readonly DroppedEdit[], dryRun: boolean): string | undefined {
  if (!dropped.length) return undefined;
  const tables = [...new Set(dropped.map((d) => d.table_key))];
  return `${dryRun ? 'would drop' : 'dropped'} ${count(dropped.length, 'field')} people edited in Nansen, no longer in the source ` +
    `(first: ${what(dropped[0])}); what they wrote stays in the History of ${listFirst(tables, 3)}`;
}
