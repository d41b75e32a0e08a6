// How a nested field is named in text and in links (decision 067). Search hits list the nested
// fields that matched by path (decision 058), the table page opens one from a link, the history names
// one. A path is its names joined by "."; a name that holds a "." or a "`" (a column `a.b` from a
// flattened BigQuery export, an NDJSON field) is quoted in backticks, a "`" in it doubled, as Spark,
// Hive and BigQuery quote such names: `a.b`.c is the field c of the column "a.b", a.b.c the field b.c
// of the column "a". A path nobody quoted reads as it always did (split at every dot).
// Its own module, not page-paths.ts: that one is in the first page's bundle.

/** An array's element and a map's value: left out of paths (`items.sku`, not `items._inner_.sku`). */
export const LEFT_OUT_OF_PATHS: ReadonlySet<string> = new Set(['_inner_', '_map_value']);

const needsQuotes = (name: string) => name === '' || name.includes('.') || name.includes('`');

/** `["a.b", "c"]` → "`a.b`.c"; `["payload", "city"]` → "payload.city". */
export function formatFieldPath(names: readonly string[]): string {
  return names.map((name) => (needsQuotes(name) ? `\`${name.replaceAll('`', '``')}\`` : name)).join('.');
}

/**
 * The names of a path formatFieldPath wrote ("`a.b`.c" → ["a.b", "c"]). Unquoted text splits at every
 * dot; a quote that is never closed runs to the end.
 */
export function parseFieldPath(text: string): string[] {
  const names: string[] = [];
  let i = 0;
  for (;;) {
    let name = '';
    if (text[i] === '`') {
      i++;
      while (i < text.length) {
        if (text[i] === '`') {
          if (text[i + 1] !== '`') break;
          i++;
        }
        name += text[i];
        i++;
      }
      i++; // the closing quote
      // Text between a closing quote and the next dot belongs to the same name.
      const dot = text.indexOf('.', i);
      name += text.slice(i, dot < 0 ? text.length : dot);
      i = dot < 0 ? text.length : dot;
    } else {
      const dot = text.indexOf('.', i);
      name = text.slice(i, dot < 0 ? text.length : dot);
      i = dot < 0 ? text.length : dot;
    }
    names.push(name);
    if (i >= text.length) return names;
    i++; // the dot
  }
}

/** A nested field as a link names it: its column, and the names below the column (none: the column itself). */
export interface NestedFieldRef {
  column: string;
  field: string[];
}

/**
 * The column and field of a path as search hits list them, column first (`payload.address.city`,
 * "`a.b`.c"): the column is the first name, quoted when it holds a dot.
 */
export function nestedFieldOfPath(path: string): NestedFieldRef {
  const [column = '', ...field] = parseFieldPath(path);
  return { column, field };
}

/**
 * The column and field of a nested type's key (`{table}/{column}/type/{column}/{field}/…`, as the
 * catalog keys type_metadata), or null when the key is not below `tableKey`. The column is found by
 * its name repeated around "/type/", so a "/" or "/type/" in a column's name does not mislead; an
 * array's element and a map's value are left out of the field, as in search hits.
 */
export function nestedFieldOfTypeKey(tableKey: string, typeKey: string): NestedFieldRef | null {
  if (!typeKey.startsWith(`${tableKey}/`)) return null;
  const rest = typeKey.slice(tableKey.length + 1);
  for (let at = rest.indexOf('/type/'); at >= 0; at = rest.indexOf('/type/', at + 1)) {
    const column = rest.slice(0, at);
    const below = rest.slice(at + '/type/'.length);
    if (below === column) return { column, field: [] };
    if (!below.startsWith(`${column}/`)) continue;
    const field = below.slice(column.length + 1).split('/').filter((name) => !LEFT_OUT_OF_PATHS.has(name));
    return { column, field };
  }
  return null;
}

/** tablePath's options opening a nested field: its column, and the field below it as text (none for the column itself). */
export function nestedFieldLinkOptions({ column, field }: NestedFieldRef): { column: string; field?: string } {
  return field.length > 0 ? { column, field: formatFieldPath(field) } : { column };
}
