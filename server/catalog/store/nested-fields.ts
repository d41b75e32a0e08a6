// A column's nested fields (its type_metadata below the top node, decision 044) as search sees them
// (decision 058): each field's name and description are words of its table's search document, and a
// search hit lists the fields that matched by path (`payload.customer_email`, `items.sku`).
//
// The same walk serves the document writer (trees from records, or read back from the store) and the
// hit highlights, so both see the same fields: depth first in the order of the type, at most
// NESTED_FIELDS_PER_TABLE of a table's fields (its columns in order), so a table with huge struct
// types (ingest allows 10 000 fields per column) keeps a document of bounded size.
import type { CatalogDatabase } from './open-catalog-database';
import { ARRAY_INNER, MAP_KEY, MAP_VALUE } from '../ingest/parse-column-type';

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
/** Left out of the paths below them, as `nested_fields` paths may leave them out (`items.sku`). */
const LEFT_OUT_OF_PATHS = new Set([ARRAY_INNER, MAP_VALUE]);

/**
 * Calls `visit` for the fields below `root` (the column's top node, whose name is the column's),
 * depth first, while `budget.left` lasts (each field spends one). `path` is dotted from the column's
 * name; `named` is false for an array's element and a map's key and value, which have no name of
 * their own but may have a description.
 */
export function walkNestedFields(
  root: NestedNode,
  budget: { left: number },
  visit: (field: NestedNode, path: string, named: boolean) => void,
): void {
  const walk = (node: NestedNode, path: string) => {
    for (const child of node.children ?? []) {
      if (budget.left <= 0) return;
      budget.left--;
      const named = !UNNAMED.has(child.name);
      const childPath = LEFT_OUT_OF_PATHS.has(child.name) ? path : `${path}.${child.name}`;
      visit(child, childPath, named);
      walk(child, childPath);
    }
  };
  walk(root, root.name);
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

/**
 * Reads the nested type trees of tables back from the store: by a JSON array of table ids, or by a
 * range of table ids (a full rebuild). One query each; a column without nested types costs one look
 * in type_metadata's index by column.
 */
export function createNestedTreeReader(db: CatalogDatabase) {
  const head = `SELECT c.table_id, c.name AS column_name, tm.id, tm.parent_id, tm.name, tm.description
    FROM columns c JOIN type_metadata tm ON tm.column_id = c.id`;
  // No ORDER BY (a sort of every row cost a third of the read): a column's rows come through
  // type_metadata_by_column, (column_id, id), so in id order.
  const ofIds = db.prepare(`${head} WHERE c.table_id IN (SELECT value FROM json_each(?))`);
  const inRange = db.prepare(`${head} WHERE c.table_id BETWEEN ? AND ?`);
  return {
    ofTables: (tableIdsJson: string): NestedTreesByTable => assembleTrees(ofIds.all(tableIdsJson) as NestedRow[]),
    inRange: (from: number, to: number): NestedTreesByTable => assembleTrees(inRange.all(from, to) as NestedRow[]),
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
