// Nested-field descriptions across a re-import. A table record replaces its columns and with them
// their nested types (type_metadata rows), which ingest builds from `col_type` and the column's
// `nested_fields`; an importer that wants a description the catalog holds to survive must put it in
// `nested_fields`. This walks the tree the record will produce, asks `choose` for each field the
// catalog describes (or a person once edited) whether to keep the catalog's text, and adds what it
// keeps to `nested_fields` by full path. Fields the new type no longer has are left out (a path to
// a field that is not there would reject the record).
import type { TableIngestRecord } from '../ingest/ingest-record-schemas';
import type { TypeMetadataRecord } from '../store/catalog-records';
import { buildColumnTypeTree, ColumnTreeError } from '../ingest/build-column-type-tree';

type IngestColumn = TableIngestRecord['columns'][number];

/** A nested field the import writes or the catalog held: its key, the catalog's text (undefined: not listed) and the one written. */
export interface NestedFieldOutcome {
  key: string;
  current: string | null | undefined;
  written: string | null;
}

/**
 * The text to write for one field: `current` is the catalog's (undefined when the catalog does not
 * list the field: no description, never edited, or not there), `imported` the record's.
 */
export type ChooseNestedDescription = (key: string, imported: string | null, current: string | null | undefined) => string | null;

/**
 * `column` with `nested_fields` extended by the descriptions `choose` keeps, and the fields whose text
 * is or was set (for comparing with the catalog and logging changes). A column with no nested
 * descriptions on either side is returned as it is, without parsing its type; so is one whose type
 * or paths are malformed (ingest rejects it with the reason).
 */
export function carryNestedDescriptions(
  tableKey: string,
  column: IngestColumn,
  current: ReadonlyMap<string, string | null> | undefined,
  choose: ChooseNestedDescription,
): { column: IngestColumn; fields: NestedFieldOutcome[] } {
  if (!current?.size && !column.nested_fields?.length) return { column, fields: [] };
  let root: TypeMetadataRecord | null;
  try {
    root = buildColumnTypeTree(column);
  } catch (err) {
    if (err instanceof ColumnTreeError) return { column, fields: [] };
    throw err;
  }
  if (!root) return { column, fields: [] };
  const fields: NestedFieldOutcome[] = [];
  const kept: { path: string[]; description: string | null }[] = [];
  const walk = (node: TypeMetadataRecord, key: string, path: string[]) => {
    for (const child of node.children ?? []) {
      const childKey = `${key}/${child.name}`;
      const childPath = [...path, child.name];
      const imported = child.description ?? null;
      const before = current?.get(childKey);
      const written = choose(childKey, imported, before);
      if (written !== imported) kept.push({ path: childPath, description: written });
      if (before !== undefined || written !== null) fields.push({ key: childKey, current: before, written });
      walk(child, childKey, childPath);
    }
  };
  walk(root, `${tableKey}/${column.name}/type/${root.name}`, []);
  if (!kept.length) return { column, fields };
  return { column: { ...column, nested_fields: [...(column.nested_fields ?? []), ...kept] }, fields };
}

/** The texts a column's nested fields will have, `[key, text]` sorted by key (none: an empty list). */
export const describedNestedFields = (fields: readonly NestedFieldOutcome[]): [string, string][] =>
  fields.filter((f) => f.written !== null).map((f): [string, string] => [f.key, f.written as string]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The same of what the catalog holds for a column. */
export const describedNestedFieldsNow = (current: ReadonlyMap<string, string | null> | undefined): [string, string][] =>
  [...(current ?? [])].filter((e): e is [string, string] => e[1] !== null).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
