// "Updated 3 days ago" under a table search result (decision 107): how long ago an instant was, in
// the largest whole unit, as the app and the BFF's first-results preview both write it. The exact
// date goes beside it (useFormatDate's, in the reader's zone); this only says how long ago.

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

let words: Intl.RelativeTimeFormat | undefined;

/** "Updated 3 days ago", "Updated yesterday", "Updated just now"; a time ahead of `nowMs` (clocks apart) is "just now". */
export function updatedAgo(epochSeconds: number, nowMs: number): string {
  const seconds = Math.max(0, nowMs / 1000 - epochSeconds);
  words ??= new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return `Updated ${words.format(-Math.floor(seconds / size), unit)}`;
  }
  return 'Updated just now';
}
