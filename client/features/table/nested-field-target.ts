// What a deep link to a table page opens (decision 067): `?column=` names a column exactly, `?field=`
// the path of one of its nested fields below it (contract/nested-field-path.ts's text, `address.city`,
// a name holding a dot quoted: `` `geo.lat` ``). A link from before `field` that put a whole path in
// `column` (`?column=payload.address.city`, typed or pasted from a search hit) still opens the field
// when no column has that name: the column is the one whose name, then a dot, starts it and whose
// tree has the rest.
import type { Column, TypeMetadata } from '../../../contract/api-table';
import { LEFT_OUT_OF_PATHS, parseFieldPath } from '../../../contract/nested-field-path';

export interface LinkTarget {
  /** The column the link opens (one of the table's), or null. */
  column: string | null;
  /** The nested fields from the column's top node down to the linked one (each to open; the last is the one), or null. */
  fieldChain: readonly TypeMetadata[] | null;
  /** What the link names that the table does not have: a column, or a field of the column it opened. */
  missing: { kind: 'column'; column: string } | { kind: 'field'; column: string; field: string } | null;
}

/**
 * The nodes from below `root` down to the field named by `names`; an array's element or a map's value
 * (left out of paths) is passed through when no child has the name itself. Null when there is none.
 * A name holding "/" is also found as the names it splits into: a link read from a nested type's key
 * (the History's, decision 067) has it split, as keys join names with "/" (`…/type/payload/a/b/c` is
 * the field `a/b` › `c` as well as `a` › `b` › `c`); a field named whole comes first.
 */
export function findNestedField(root: TypeMetadata, names: readonly string[]): TypeMetadata[] | null {
  if (names.length === 0) return [];
  const [name, ...rest] = names as [string, ...string[]];
  for (const child of root.children) {
    if (child.name !== name) continue;
    const below = findNestedField(child, rest);
    if (below) return [child, ...below];
  }
  for (const child of root.children) {
    if (!child.name.includes('/')) continue;
    const parts = child.name.split('/');
    if (parts.length > names.length || parts.some((part, i) => part !== names[i])) continue;
    const below = findNestedField(child, names.slice(parts.length));
    if (below) return [child, ...below];
  }
  for (const child of root.children) {
    if (!LEFT_OUT_OF_PATHS.has(child.name)) continue;
    const below = findNestedField(child, names);
    if (below) return [child, ...below];
  }
  return null;
}

export function resolveLinkTarget(columns: readonly Column[], column: string | null, field: string | null): LinkTarget {
  if (!column) return { column: null, fieldChain: null, missing: null };
  const named = columns.find((c) => c.name === column);
  if (named) {
    if (!field) return { column, fieldChain: null, missing: null };
    const chain = named.type_metadata ? findNestedField(named.type_metadata, parseFieldPath(field)) : null;
    return chain && chain.length > 0 ? { column, fieldChain: chain, missing: null } : { column, fieldChain: null, missing: { kind: 'field', column, field } };
  }
  if (!field) {
    // An old link with the whole path in `column`: the longest column name that starts it.
    const candidates = columns.filter((c) => c.type_metadata && column.startsWith(`${c.name}.`)).sort((a, b) => b.name.length - a.name.length);
    for (const candidate of candidates) {
      const chain = findNestedField(candidate.type_metadata!, parseFieldPath(column.slice(candidate.name.length + 1)));
      if (chain && chain.length > 0) return { column: candidate.name, fieldChain: chain, missing: null };
    }
  }
  return { column: null, fieldChain: null, missing: { kind: 'column', column } };
}
