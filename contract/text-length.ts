// How long a description is, counted the same way by the page's live count and the BFF's limit:
// in Unicode code points, so an emoji such as 😀 is one character (JavaScript's `length` counts
// UTF-16 units, two for it). Not grapheme clusters: those would let one "character" hold any number
// of combining marks, so the limit would no longer bound the stored size, and their rules change
// with each browser's and Node's Unicode data, so page and server could disagree at the limit
// (docs/decisions/025-description-length-in-code-points.md).

/** The number of Unicode code points in `text` (a lone surrogate counts as one). */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: skip the low one.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * The most characters an edit of a description may save: the UI config's limit, or — when the text the
 * edit began from (`base`) was already longer, as an imported description may be — that text's length.
 * So a typo in a 56,000-character import can be fixed without cutting it down, and no edit makes an
 * over-long text longer; the BFF holds `base` to the stored text (a different one is a 409), so no one
 * gets a longer text in by claiming a long `base` (docs/decisions/059-imported-text-as-stored-and-long-text-clamped.md).
 */
export function allowedDescriptionLength(limit: number, base: string | null | undefined): number {
  return base ? Math.max(limit, countCharacters(base)) : limit;
}
