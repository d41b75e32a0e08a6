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

/**
 * "Updated 3 days ago", "Updated yesterday", "Updated 1 year ago", "Updated just now"; a time ahead of
 * `nowMs` (clocks apart) is "just now". Only a day is said in words ("yesterday"): "last year" or
 * "last month" would read as the calendar's, which 13 months ago is not.
 */
export function updatedAgo(epochSeconds: number, nowMs: number): string {
  const seconds = Math.max(0, nowMs / 1000 - epochSeconds);
  words ??= new Intl.RelativeTimeFormat('en-US', { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return count === 1 && unit === 'day' ? 'Updated yesterday' : `Updated ${words.format(-count, unit)}`;
  }
  return 'Updated just now';
}
