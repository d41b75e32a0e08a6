// Where a long identifier may wrap: after `_`, `.` and `/` (customer_lifetime_value_usd), never in
// the middle of a word. The search results (search-result-item.tsx) and the BFF's preview of them
// (first-results-html.ts) both put a <wbr> between the parts this returns, so a long name wraps at
// the same places in both, and not one letter from its end beside the bookmark star.

/**
 * `text` cut after each `_`, `.` and `/`: joined with <wbr> between them, it may wrap only there. One
 * that ends in such a character ends in an empty part, so a <wbr> follows it too: a name is drawn in
 * parts (its matches marked), and "apac_" then "<mark>charge</mark>backs" may wrap between them.
 */
export function partsBetweenBreaks(text: string): string[] {
  return text.split(/(?<=[_./])/).concat(/[_./]$/.test(text) ? [''] : []);
}
