// Whole numbers as the pages show them ("12,345"), without Intl. The first `toLocaleString` or
// `Intl.NumberFormat` in a fresh tab loads ICU's locale data, 10–40 ms of the main thread in
// Chromium on the 2-core test machine; on the search page that sat between the first answer (already
// in the page, decision 020) and the first results on screen (docs/benchmarks.md, "Search results in
// the browser"). Same text as `n.toLocaleString('en-US')` for every safe integer but -0, written "0"
// (a rounded -0.2 is -0, and "-0" means nothing on a page); anything else (fractions, NaN, huge
// numbers) still goes through it.

/** `n.toLocaleString('en-US')` for whole numbers: digits grouped by three with commas. */
export function formatWholeNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}
