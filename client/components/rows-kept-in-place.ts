// A list whose rows stay where they are while it is shown (decision 040): a row that leaves the list
// (a bookmark removed with its star) stays in its place, marked removed, until the list is next
// loaded; if it comes back (the star pressed again) it is where it was. Rows new to the list come
// first, as a new bookmark is the newest. So the rows under the pointer and the page boundaries do
// not move, and a removed row can be put back from where it was.
//
// Only a row the list really had is kept: one seen while the list was `settled` (no change of it on its
// way). A row that came and went while a change was on its way (a bookmark added at once, then refused
// and rolled back) goes, as it never was in the list.

export interface KeptRow<T> {
  item: T;
  /** Gone from the list since it was shown: shown muted, in its place. */
  removed: boolean;
  /** Seen in the list while it was settled: kept, marked removed, when it leaves. */
  confirmed: boolean;
}

/** The rows to show now, given those shown before and the list as it is now. */
export function keepRowsInPlace<T>(shown: readonly KeptRow<T>[], items: readonly T[], keyOf: (item: T) => string, settled = true): KeptRow<T>[] {
  const current = new Map(items.map((item) => [keyOf(item), item]));
  const known = new Set(shown.map((row) => keyOf(row.item)));
  const added = items.filter((item) => !known.has(keyOf(item))).map((item) => ({ item, removed: false, confirmed: settled }));
  const kept = shown.flatMap((row) => {
    const now = current.get(keyOf(row.item));
    if (now !== undefined) return [{ item: now, removed: false, confirmed: row.confirmed || settled }];
    return row.confirmed ? [{ item: row.item, removed: true, confirmed: true }] : [];
  });
  return [...added, ...kept];
}
