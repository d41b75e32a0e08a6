// Lists in the importers' human summaries: the first few items, then how many more (the JSON report has them all).

/** `a, b, c` or `a, b, … and 7 more (see the JSON report)`. */
export function listFirst(items: readonly string[], shown = 10): string {
  const first = items.slice(0, shown).join(', ');
  return items.length > shown ? `${first} … and ${items.length - shown} more (see the JSON report)` : first;
}

/** `1 schema`, `2 schemas`; `plural` when adding `s` does not make it. */
export const count = (n: number, singular: string, plural = `${singular}s`) => `${n} ${n === 1 ? singular : plural}`;
