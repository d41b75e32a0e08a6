// A column record's nested type for the store: its type string parsed (parse-column-type.ts), with
// the descriptions and badges its `nested_fields` give per path. A path names fields from the top
// (`["address", "city"]`, or `"address.city"` when no name has a dot); it may leave out the `_inner_`
// of an array and the `_map_value` of a map (`items.sku` for `items array<struct<sku:string>>`).
import type { BadgeRecord, TypeMetadataRecord } from '../store/catalog-records';
import { ARRAY_INNER, ColumnTypeError, MAP_VALUE, parseColumnType } from './parse-column-type';

export interface NestedFieldInput {
  path: string | string[];
  description?: string | null;
  badges?: BadgeRecord[];
}

/** Why a column's nested type cannot be built; the message names the column (the caller adds the table). */
export class ColumnTreeError extends Error {
  override name = 'ColumnTreeError';
}

export function buildColumnTypeTree(column: {
  name: string;
  col_type: string;
  nested_fields?: NestedFieldInput[];
}): TypeMetadataRecord | null {
  let root: TypeMetadataRecord | null;
  try {
    root = parseColumnType(column.col_type, column.name);
  } catch (err) {
    if (err instanceof ColumnTypeError) throw new ColumnTreeError(`column "${column.name}": malformed type: ${err.message}`);
    throw err;
  }
  const nested = column.nested_fields ?? [];
  if (!nested.length) return root;
  if (!root || !root.children?.length) {
    throw new ColumnTreeError(
      `column "${column.name}": nested_fields given, but its type "${clip(column.col_type)}" has no nested fields (not a struct, an array of one or a map)`,
    );
  }
  nested.forEach((input, i) => {
    const path = typeof input.path === 'string' ? input.path.split('.') : input.path;
    const node = findNode(root, path, column.name, i);
    if (input.description !== undefined) node.description = input.description;
    if (input.badges !== undefined) node.badges = input.badges;
  });
  return root;
}

function findNode(root: TypeMetadataRecord, path: string[], columnName: string, index: number): TypeMetadataRecord {
  if (!path.length || path.some((p) => p === '')) {
    throw new ColumnTreeError(`column "${columnName}": nested_fields[${index}].path must name at least one field, with no empty names`);
  }
  let node = root;
  for (let depth = 0; depth < path.length; depth++) {
    const name = path[depth];
    let next = node.children?.find((c) => c.name === name);
    // Step through an array's element or a map's value when the path does not name it.
    for (let hop: TypeMetadataRecord | undefined = node; !next && hop; ) {
      hop = hop.children?.find((c) => c.name === ARRAY_INNER || c.name === MAP_VALUE);
      next = hop?.children?.find((c) => c.name === name);
    }
    if (!next) {
      const at = depth ? `under "${path.slice(0, depth).join('.')}"` : 'at the top';
      const names = listNames(node);
      throw new ColumnTreeError(
        `column "${columnName}": nested_fields[${index}]: no field "${name}" ${at}${names ? ` (there: ${names})` : ' (it has no fields)'}`,
      );
    }
    node = next;
  }
  return node;
}

/** The names under `node`, at most ten: what the path could have said. */
function listNames(node: TypeMetadataRecord): string {
  const names = (node.children ?? []).map((c) => c.name);
  const shown = names.slice(0, 10).map((n) => `"${n}"`).join(', ');
  return names.length > 10 ? `${shown}, … ${names.length - 10} more` : shown;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
