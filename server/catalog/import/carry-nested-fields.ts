// Nested-field descriptions and badges across a re-import. A table record replaces its columns and
// with them their nested types (type_metadata rows), which ingest builds from `col_type` and the
// column's `nested_fields`; an importer that wants a description or badges the catalog holds to
// survive must put them in `nested_fields`. This walks the tree the record will produce, asks
// `choose` for each field the catalog describes or badges (or a person once edited) whether to keep
// the catalog's value, and adds what it keeps to `nested_fields` by full path. Fields the new type no
// longer has are left out (a path to a field that is not there would reject the record) and named in
// `gone`, so the import can report the ones a person had edited (dropped-edits.ts).
import type { NestedFieldInput } from '../ingest/build-column-type-tree';
import type { TableIngestRecord } from '../ingest/ingest-record-schemas';
import type { BadgeRecord, TypeMetadataRecord } from '../store/catalog-records';
import { buildColumnTypeTree, ColumnTreeError } from '../ingest/build-column-type-tree';
import { sortBadges } from './read-catalog-state';

type IngestColumn = TableIngestRecord['columns'][number];

/** A nested field the import writes or the catalog held: its key, the catalog's value (undefined: not listed) and the one written. */
export interface NestedFieldOutcome<V = string | null> {
  key: string;
  current: V | undefined;
  written: V;
}

/**
 * The value to write for one field: `current` is the catalog's (undefined when the catalog does not
 * list the field: no value, never edited, or not there), `imported` the record's.
 */
export type ChooseNested<V> = (key: string, imported: V, current: V | undefined) => V;
export type ChooseNestedDescription = ChooseNested<string | null>;
export type ChooseNestedBadges = ChooseNested<BadgeRecord[]>;

/**
 * The column to write, the fields whose value is or was set, and `gone`: the keys of the fields the
 * catalog lists (`current`) that the column's new type no longer has, sorted.
 */
export interface CarriedNested<V> {
  column: IngestColumn;
  fields: NestedFieldOutcome<V>[];
  gone: string[];
}

/** One part of a nested field an import carries: how to read it from the tree and put it back by path. */
interface NestedPart<V> {
  /** Whether a `nested_fields` entry gives this part. */
  given(entry: NestedFieldInput): boolean;
  read(node: TypeMetadataRecord): V;
  isSet(value: V): boolean;
  same(a: V, b: V): boolean;
  entry(path: string[], value: V): NestedFieldInput;
}

const DESCRIPTION: NestedPart<string | null> = {
  given: (entry) => entry.description !== undefined,
  read: (node) => node.description ?? null,
  isSet: (value) => value !== null,
  same: (a, b) => a === b,
  entry: (path, description) => ({ path, description }),
};

const BADGES: NestedPart<BadgeRecord[]> = {
  given: (entry) => entry.badges !== undefined,
  read: (node) => sortBadges(node.badges),
  isSet: (value) => value.length > 0,
  same: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  entry: (path, badges) => ({ path, badges }),
};

function carryNested<V>(
  part: NestedPart<V>,
  tableKey: string,
  column: IngestColumn,
  current: ReadonlyMap<string, V> | undefined,
  choose: ChooseNested<V>,
): CarriedNested<V> {
  if (!current?.size && !column.nested_fields?.some((entry) => part.given(entry))) return { column, fields: [], gone: [] };
  let root: TypeMetadataRecord | null;
  try {
    root = buildColumnTypeTree(column);
  } catch (err) {
    // The ingest rejects the record with the reason: nothing of the catalog's goes.
    if (err instanceof ColumnTreeError) return { column, fields: [], gone: [] };
    throw err;
  }
  // A type without nested fields (struct became string): every field the catalog lists goes.
  if (!root) return { column, fields: [], gone: [...(current?.keys() ?? [])].sort() };
  const visited = new Set<string>();
  const fields: NestedFieldOutcome<V>[] = [];
  const kept: NestedFieldInput[] = [];
  const walk = (node: TypeMetadataRecord, key: string, path: string[]) => {
    for (const child of node.children ?? []) {
      const childKey = `${key}/${child.name}`;
      const childPath = [...path, child.name];
      visited.add(childKey);
      const imported = part.read(child);
      const before = current?.get(childKey);
      const written = choose(childKey, imported, before);
      if (!part.same(written, imported)) kept.push(part.entry(childPath, written));
      if (before !== undefined || part.isSet(written)) fields.push({ key: childKey, current: before, written });
      walk(child, childKey, childPath);
    }
  };
  walk(root, `${tableKey}/${column.name}/type/${root.name}`, []);
  const gone = [...(current?.keys() ?? [])].filter((key) => !visited.has(key)).sort();
  if (!kept.length) return { column, fields, gone };
  return { column: { ...column, nested_fields: [...(column.nested_fields ?? []), ...kept] }, fields, gone };
}

/**
 * `column` with `nested_fields` extended by the descriptions `choose` keeps, and the fields whose text
 * is or was set (for comparing with the catalog and logging changes). A column with no nested
 * descriptions on either side is returned as it is, without parsing its type; so is one whose type
 * or paths are malformed (ingest rejects it with the reason).
 */
export const carryNestedDescriptions = (
  tableKey: string, column: IngestColumn, current: ReadonlyMap<string, string | null> | undefined, choose: ChooseNestedDescription,
) => carryNested(DESCRIPTION, tableKey, column, current, choose);

/** The same for nested fields' badges (lists by name, then category: sortBadges). */
export const carryNestedBadges = (
  tableKey: string, column: IngestColumn, current: ReadonlyMap<string, BadgeRecord[]> | undefined, choose: ChooseNestedBadges,
) => carryNested(BADGES, tableKey, column, current, choose);

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The texts a column's nested fields will have, `[key, text]` sorted by key (none: an empty list). */
export const describedNestedFields = (fields: readonly NestedFieldOutcome[]): [string, string][] =>
  fields.filter((f) => f.written !== null).map((f): [string, string] => [f.key, f.written as string]).sort(byKey);

/** The same of what the catalog holds for a column. */
export const describedNestedFieldsNow = (current: ReadonlyMap<string, string | null> | undefined): [string, string][] =>
  [...(current ?? [])].filter((e): e is [string, string] => e[1] !== null).sort(byKey);

/** The badges a column's nested fields will have, `[key, badges]` sorted by key, fields without badges left out. */
export const badgedNestedFields = (fields: readonly NestedFieldOutcome<BadgeRecord[]>[]): [string, BadgeRecord[]][] =>
  fields.filter((f) => f.written.length > 0).map((f): [string, BadgeRecord[]] => [f.key, f.written]).sort(byKey);

/** The same of what the catalog holds for a column. */
export const badgedNestedFieldsNow = (current: ReadonlyMap<string, BadgeRecord[]> | undefined): [string, BadgeRecord[]][] =>
  [...(current ?? [])].filter((e) => e[1].length > 0).sort(byKey);
