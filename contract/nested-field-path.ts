// Search hits list the nested fields that matched by dotted path (`payload.address.city`, decision
// 058); the search page and the BFF's first-results preview link each to its table. Its own module,
// not page-paths.ts: that one is in the first page's bundle, this one only with the search results.

/**
 * The column a nested field's dotted path starts with (`payload` of `payload.address.city`, as search
 * hits list nested fields): a link to the field opens that column on the table page, whose nested
 * tree shows the field. A column whose own name holds a dot is not told apart (the page then says the
 * column is not there).
 */
export function columnOfNestedField(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}
