// A column's nested fields (its type_metadata below the top node, decision 044) as search sees them
// (decision 058): each field's name and description are words of its table's search document, and a
// search hit lists the fields that matched by path (`payload.customer_email`, `items.sku`).
//
// Every reader sees the same fields: depth first in the order of the type, at most
// NESTED_FIELDS_PER_TABLE of a table's fields (its columns in order), so a table with huge struct
// types (ingest allows 10 000 fields per column) keeps a document of bounded size. Documents take a
// column's fields as a flat list in that order (NestedFieldText: from a record's tree, or read back
// from the store in id order, which the writer gives depth first); the hit highlights read trees,
// for the paths.
import type { CatalogDatabase } from './open-catalog-database';
import { ARRAY_INNER, MAP_KEY, MAP_VALUE } from '../ingest/parse-column-type';
import { LEFT_OUT_OF_PATHS } from '../../../contract/nested-field-path';

/** The nested fields of one table a search document holds, at most (the first ones, columns in order). */
export const NESTED_FIELDS_PER_TABLE = 1000;

/** A node of a column's type tree: what search reads of it (a TypeMetadataRecord is one). */
export interface NestedNode {
  name: string;
  description?: string | null;
  children?: readonly NestedNode[];
}

/** The element of an array, a map's key and value: no field name of their own (no words, not listed). */
const UNNAMED = new Set([ARRAY_INNER, MAP_KEY, MAP_VALUE]);
// LEFT_OUT_OF_PATHS: an array's element and a map's value are left out of the paths below them, as
// `nested_fields` paths may leave them out (`items.sku`).

/**
 * Calls `visit` for the fields below `root` (the column's top node, whose name is the column's),
 * depth first, while `budget.left` lasts (each field spends one). `path` is the names from the
 * column's (contract/nested-field-path.ts writes them as text); `named` is false for an array's
 * element and a map's key and value, which have no name of their own but may have a description.
 */
export function walkNestedFields(
  root: NestedNode,
  budget: { left: number },
  visit: (field: NestedNode, path: readonly string[], named: boolean) => void,
): void {
  const walk = (node: NestedNode, path: readonly string[]) => {
    for (const child of node.children ?? []) {
      if (budget.left <= 0) return;
      budget.left--;
      const named = !UNNAMED.has(child.name);
      const childPath = LEFT_OUT_OF_PATHS.has(child.name) ? path : [...path, child.name];
      visit(child, childPath, named);
      walk(child, childPath);
    }
  };
  walk(root, [root.name]);
}

/**
 * A nested field as a search document takes it: its name, its description and its path (the names
 * from the column's, as walkNestedFields gives them): the `column` filter's values (decision 067).
 */
export type NestedFieldText = readonly [name: string, description: string | null, path: readonly string[]];

/** The fields below a column's top node as a document takes them, depth first (every one: the bound is the reader's). */
export function listNestedFields(root: NestedNode): NestedFieldText[] {
  const fields: NestedFieldText[] = [];
  walkNestedFields(root, { left: Infinity }, (field, path) => fields.push([field.name, field.description ?? null, path]));
  return fields;
}

/**
 * Calls `visit` with the words a document takes from each field of `fields` while `budget.left`
 * lasts: the field's name (not for an array's element or a map's key or value) and its description;
 * and `visitPath` with the path of each named field (the `column` filter matches it, decision 067).
 */
export function forEachNestedFieldText(
  fields: readonly NestedFieldText[],
  budget: { left: number },
  visit: (text: string | null) => void,
  visitPath: (path: readonly string[]) => void = () => {},
): void {
  for (const field of fields) {
    if (budget.left <= 0) return;
    budget.left--;
    if (!UNNAMED.has(field[0])) {
      visit(field[0]);
      visitPath(field[2]);
    }
    visit(field[1]);
  }
}

/** Nested fields by table id, then by column name (only columns that have some). */
export type NestedFieldsByTable = Map<number, Map<string, NestedFieldText[]>>;

/**
 * Reads the nested fields of tables back from the store for their documents, by a JSON array of table
 * ids. One query; a column without nested types costs one look in type_metadata's index by column. Rows as arrays, no tree: a third of the time
 * the trees took (docs/benchmarks.md, "Nested fields in search").
 */
export function createNestedFieldReader(db: CatalogDatabase) {
  // Below the top node; no ORDER BY (a sort of every row cost a third of the read): a column's rows
  // come through type_metadata_by_column, (column_id, id), so in id order — depth first.
  // A field's path is its parent's and its name; a parent that is not among the rows is the column's
  // top node (ids are depth first, so a parent comes before its children).
  const head = `SELECT tm.name, tm.description, c.table_id, c.name, tm.id, tm.parent_id FROM columns c JOIN type_metadata tm ON tm.column_id = c.id`;
  const ofIds = db.prepare(`${head} WHERE c.table_id IN (SELECT value FROM json_each(?)) AND tm.parent_id IS NOT NULL`).raw();
  type Row = [name: string, description: string | null, tableId: number, column: string, id: number, parentId: number];
  const group = (rows: Row[]): NestedFieldsByTable => {
    const byTable: NestedFieldsByTable = new Map();
    let columns: Map<string, NestedFieldText[]> | undefined;
    let fields: NestedFieldText[] | undefined;
    let lastTable = -1;
    let lastColumn = '';
    const paths = new Map<number, readonly string[]>();
    for (const row of rows) {
      if (row[2] !== lastTable) {
        lastTable = row[2];
        columns = byTable.get(lastTable);
        if (!columns) byTable.set(lastTable, (columns = new Map()));
        lastColumn = '';
        fields = undefined;
      }
      if (row[3] !== lastColumn || !fields) {
        lastColumn = row[3];
        fields = columns!.get(lastColumn);
        if (!fields) columns!.set(lastColumn, (fields = []));
      }
      const parentPath = paths.get(row[5]) ?? [lastColumn];
      const path = LEFT_OUT_OF_PATHS.has(row[0]) ? parentPath : [...parentPath, row[0]];
      paths.set(row[4], path);
      fields.push([row[0], row[1], path]);
    }
    return byTable;
  };
  return {
    ofTables: (tableIdsJson: string) => group(ofIds.all(tableIdsJson) as Row[]),
  };
}

/** Nested type trees by table id, then by column name (only columns that have one). */
export type NestedTreesByTable = Map<number, Map<string, NestedNode>>;

interface NestedRow {
  table_id: number;
  column_name: string;
  id: number;
  parent_id: number | null;
  name: string;
  description: string | null;
}

/** Reads the nested type trees of tables (a JSON array of ids) back from the store: the hit highlights' paths. */
export function createNestedTreeReader(db: CatalogDatabase) {
  const ofIds = db.prepare(`SELECT c.table_id, c.name AS column_name, tm.id, tm.parent_id, tm.name, tm.description
    FROM columns c JOIN type_metadata tm ON tm.column_id = c.id WHERE c.table_id IN (SELECT value FROM json_each(?))`);
  return {
    ofTables: (tableIdsJson: string): NestedTreesByTable => assembleTrees(ofIds.all(tableIdsJson) as NestedRow[]),
  };
}

/**
 * Trees from rows in id order within each column: the writer gives ids depth first, so siblings come
 * in their order. A child may come before its parent (children are linked once every node exists).
 */
function assembleTrees(rows: readonly NestedRow[]): NestedTreesByTable {
  const byTable: NestedTreesByTable = new Map();
  if (!rows.length) return byTable;
  const nodes = new Map<number, { name: string; description: string | null; children?: NestedNode[] }>();
  for (const r of rows) nodes.set(r.id, { name: r.name, description: r.description });
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    if (r.parent_id === null) {
      let columns = byTable.get(r.table_id);
      if (!columns) byTable.set(r.table_id, (columns = new Map()));
      columns.set(r.column_name, node);
    } else {
      const parent = nodes.get(r.parent_id);
      if (parent) (parent.children ??= []).push(node);
    }
  }
  return byTable;
}
