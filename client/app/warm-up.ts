// Work the first page will need, done while its data is on the way rather than when it renders.
// Formatting the first number for a locale loads that locale's data (ICU): 10–40 ms in a fresh tab of
// Chromium on the 2-core test machine, which the search page paid while showing its first results
// (the tab counts; docs/benchmarks.md, "Search results in the browser").

/** Load the number formatting the pages use (`toLocaleString('en-US')`) ahead of their first render. */
export function warmUpNumberFormatting(): void {
  void (0).toLocaleString('en-US');
}
