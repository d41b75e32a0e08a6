// OpenLineage's schema facet nests fields (`fields` inside a field, spec 1-1-0 on): a struct column
// from Spark or a warehouse arrives as a tree of names, types and descriptions, not a type string.
// The catalog reads nested types from the column's type string (ingest/parse-column-type.ts), so the
// tree is written as one (`struct<…>`, `array<…>`, `map<…>`), and its descriptions become the
// column's `nested_fields`, by path. The spec only says "nested struct fields"; a field typed as an
// array with one nested field, or a map with two, is read as that array's element or that map's key
// and value, as producers such as the Spark integration send them.
import { parseColumnType } from '../../ingest/parse-column-type';

export interface SchemaFieldTree {
  name: string;
  type?: string | null;
  description?: string | null;
  fields?: readonly SchemaFieldTree[] | null;
}

export interface NestedFieldDescription {
  path: string[];
  description: string;
}

export interface ColumnFromSchemaField {
  /** The column's type; with nested fields, as a type string the catalog parses. Null when the field has none. */
  type: string | null;
  /** Descriptions of nested fields, by their path from the top of the column's type. */
  nested: NestedFieldDescription[];
}

const quoteName = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const scalarType = (field: SchemaFieldTree) => field.type?.trim() || 'unknown';

/**
 * A schema facet field as a column: its type string, built from its nested fields when it has any,
 * and their descriptions. A tree the catalog could not read back (a duplicate name, a type with
 * stray brackets, nested too deep) leaves the column flat, with the type as the event gave it.
 */
export function columnFromSchemaField(field: SchemaFieldTree): ColumnFromSchemaField {
  const flat = { type: field.type?.trim() || null, nested: [] };
  if (!field.fields?.length) return flat;
  const nested: NestedFieldDescription[] = [];
  const describe = (node: SchemaFieldTree, path: string[]) => {
    const description = node.description?.trim();
    if (description) nested.push({ path, description });
  };
  const typeOf = (node: SchemaFieldTree, path: string[]): string => {
    const children = node.fields ?? [];
    if (!children.length) return scalarType(node);
    const kind = (node.type ?? '').trim().toLowerCase();
    if (kind.startsWith('array') && children.length === 1) {
      const [element] = children;
      // An array of a scalar has no node of its own for the element (parse-column-type.ts).
      if (element.fields?.length) describe(element, [...path, '_inner_']);
      return `array<${typeOf(element, [...path, '_inner_'])}>`;
    }
    if (kind.startsWith('map') && children.length === 2) {
      const [key, value] = children;
      describe(key, [...path, '_map_key']);
      describe(value, [...path, '_map_value']);
      return `map<${typeOf(key, [...path, '_map_key'])},${typeOf(value, [...path, '_map_value'])}>`;
    }
    return `struct<${children
      .map((child) => {
        describe(child, [...path, child.name]);
        return `${quoteName(child.name)}:${typeOf(child, [...path, child.name])}`;
      })
      .join(',')}>`;
  };
  let type: string;
  try {
    type = typeOf(field, []);
    parseColumnType(type, field.name);
  } catch {
    return flat;
  }
  return { type, nested };
}
