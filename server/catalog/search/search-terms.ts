// The vocabulary shared by the index writer (store/search-index.ts) and the search queries:
// how text becomes tokens, and how exact filter values become "facet" tokens in the full-text index.
//
// Tokens are runs of letters/digits, lower-cased and without diacritics — the split and the folding
// FTS5's unicode61 tokenizer makes (remove_diacritics 2, fold-diacritics.ts), so `_`, `.`, `/`, `:`
// separate tokens, `ordérs` is `orders` on both sides, and user input can never inject FTS5 syntax
// once each token is quoted.
//
// Facet tokens let FTS5 itself apply the equality filters (database, cluster, schema, tag, badges,
// column): every table document carries one token per (field, lower-cased value), e.g. the schema
// `finance` becomes `ǂs` + hash("finance"). A filter is then an FTS5 OR over those tokens, ANDed
// with the query; FTS5 intersects rowid-ordered doclists, so even a very selective filter costs
// only the rows it skips over. `ǂ` (U+01C2, a letter to unicode61) never starts a token a user
// types in practice, and query tokens are stripped of it anyway.

import { foldDiacritics, WORD_DIACRITICS } from './fold-diacritics';

// A word starts with a letter, digit or private-use character and goes on through those and the
// combining marks FTS5 keeps in a word (and drops when folding).
const TOKEN_PATTERN = new RegExp(`[\\p{L}\\p{N}\\p{Co}][\\p{L}\\p{N}\\p{Co}${WORD_DIACRITICS}]*`, 'gu');
const NON_ASCII = /[^\0-\x7f]/;
const FACET_MARK = 'ǂ';

/** The words of a text as FTS5 indexes them: lower-cased, diacritics removed. ASCII text is only lower-cased. */
function words(text: string): string[] | null {
  const lower = text.toLowerCase();
  const found = lower.match(TOKEN_PATTERN);
  if (!found || !NON_ASCII.test(lower)) return found;
  for (let i = 0; i < found.length; i++) found[i] = foldDiacritics(found[i]);
  return found;
}

/** Lower-cased, diacritic-free tokens of a text, in order, duplicates kept. */
export function tokenize(text: string | null | undefined): string[] {
  if (!text) return [];
  return words(text) ?? [];
}

/**
 * One word (a run of letters and digits) lower-cased and folded as `tokenize` folds it. Any text is
 * folded letter by letter alike: filter values and their wildcard patterns use it too.
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? foldDiacritics(lower) : lower;
}

/** Query tokens: as `tokenize`, minus the facet mark so a query can never address facet tokens. */
export function tokenizeQuery(queryTerm: string): string[] {
  return tokenize(queryTerm.replaceAll(FACET_MARK, ' '));
}

/** Tokens joined by one space: the normalised form used for "exact name" comparisons. */
export function normalizeName(text: string): string {
  return tokenize(text).join(' ');
}

/** Adds the distinct tokens of `text` to `into`. */
export function addTokens(into: Set<string>, text: string | null | undefined): void {
  if (!text) return;
  const found = words(text);
  if (found) for (const t of found) into.add(t);
}

export type FacetField = 'database' | 'cluster' | 'schema' | 'tag' | 'badges' | 'column';

const FACET_CODES: Record<FacetField, string> = {
  database: 'd',
  cluster: 'c',
  schema: 's',
  tag: 't',
  badges: 'b',
  column: 'k',
};

/**
 * The FTS token standing for `field = value`, case and accents aside (`foldWord`, as words are folded:
 * `schema:café` is `cafe`, decision 076). ASCII values hash as they always did (lower-cased).
 */
export function facetToken(field: FacetField, value: string): string {
  return `${FACET_MARK}${FACET_CODES[field]}${hashString(foldWord(value))}`;
}

/** 53-bit string hash (cyrb53) in base 36: stable, fast, collisions negligible at catalog scale. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Quotes a token for an FTS5 expression (tokens never contain `"`, but be safe). */
export function quoteFts(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/**
 * Rank part of a doc_id: documents are stored under (inverted quantised popularity << 32) | row id,
 * so walking an FTS5 doclist or the doc table in rowid order IS walking in popularity order, and
 * `ORDER BY rowid LIMIT k` stops after k rows. Popularity is quantised on a log scale
 * (log2(1 + p) in 1/65 536 steps, 21 bits), so doc ids stay below 2^53 and are exact JS numbers.
 */
export function buildDocId(popularity: number, rowId: number): number {
  const q = Math.min(Math.round(Math.log2(1 + Math.max(popularity, 0)) * 65536), MAX_RANK);
  return (MAX_RANK - q) * ROW_ID_SPAN + rowId;
}
const MAX_RANK = 2097151;
/** 2^32: a doc_id is rank × this + row id (also in SQL: `doc_id % ROW_ID_SPAN` is the row id). */
export const ROW_ID_SPAN = 4294967296;

/** The row id inside a doc_id. */
export function rowIdOfDoc(docId: number): number {
  return docId % ROW_ID_SPAN;
}

/** Table popularity from its readers: reader_count × ln(1 + total reads). */
export function computePopularity(readerCount: number, totalReads: number): number {
  return totalReads > 0 ? readerCount * Math.log(1 + totalReads) : 0;
}
