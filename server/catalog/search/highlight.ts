// Highlights for the hits of one page: Elasticsearch-style fragments where every word that starts
// with a query token is wrapped in <em>…</em>. All other text is HTML-escaped, so the only markup a
// fragment can contain is <em> and </em>.

import { escapeHighlightText } from '../../../contract/search-highlight';
import { formatFieldPath } from '../../../contract/nested-field-path';
import { foldWord } from './search-terms';

const WORD = /[\p{L}\p{N}]+/gu;
const FRAGMENT_SIZE = 160;
const MAX_LIST_FRAGMENTS = 10;

// The fragment format is decided once, in contract/search-highlight.ts.
const escapeHtml = escapeHighlightText;

/** Lower-cases and strips diacritics the way the FTS tokenizer compares words (search-terms.ts). */
const fold = foldWord;

/** The text with matching words wrapped in <em>, or null when no word matches. */
export function highlightText(text: string | null | undefined, tokens: readonly string[]): string | null {
  if (!text || !tokens.length) return null;
  const folded = tokens.map(fold);
  let out = '';
  let last = 0;
  let matched = false;
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    if (!folded.some((t) => word.startsWith(t))) continue;
    matched = true;
    out += `${escapeHtml(text.slice(last, m.index))}<em>${escapeHtml(m[0])}</em>`;
    last = m.index + m[0].length;
  }
  if (!matched) return null;
  return out + escapeHtml(text.slice(last));
}

/** One fragment of a long text around its first match (whole text when short). */
export function highlightFragment(text: string | null | undefined, tokens: readonly string[]): string | null {
  if (!text) return null;
  if (text.length <= FRAGMENT_SIZE) return highlightText(text, tokens);
  const folded = tokens.map(fold);
  let first = -1;
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    if (folded.some((t) => word.startsWith(t))) {
      first = m.index;
      break;
    }
  }
  if (first < 0) return null;
  let start = Math.max(0, first - FRAGMENT_SIZE / 4);
  let end = Math.min(text.length, start + FRAGMENT_SIZE);
  // Do not cut words in half.
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) start--;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end++;
  return highlightText(text.slice(start, end), tokens);
}

/**
 * Highlighted entries of a list, at most 10. Short entries (column names, chart names, …) are
 * highlighted whole; long ones (column descriptions) pass `highlightFragment` so each is cut to one
 * fragment, as a description is.
 */
export function highlightList<T = string>(
  values: readonly T[],
  tokens: readonly string[],
  highlightEntry: (entry: T, tokens: readonly string[]) => string | null = highlightText as (entry: T, tokens: readonly string[]) => string | null,
): string[] {
  const out: string[] = [];
  for (const v of values) {
    const h = highlightEntry(v, tokens);
    if (h !== null) out.push(h);
    if (out.length >= MAX_LIST_FRAGMENTS) break;
  }
  return out;
}

/** A list field whose entries are long free text (column descriptions), not names. */
export interface LongTextList {
  longTexts: readonly string[];
}

/**
 * A list of paths, each the names from a column down (nested fields, `payload.customer_email`): an
 * entry counts when its last name matches, so a query naming the column alone does not list every
 * field of it. Written as text by formatFieldPath (a name holding a dot is quoted, decision 067).
 */
export interface PathList {
  paths: readonly (readonly string[])[];
}

/** The path as text, highlighted whole, when its last name holds a match; else null. */
export function highlightPath(path: readonly string[], tokens: readonly string[]): string | null {
  return highlightText(path[path.length - 1], tokens) === null ? null : highlightText(formatFieldPath(path), tokens);
}

export type HighlightField = string | null | readonly string[] | LongTextList | PathList;

/** Builds a highlight object from named fields, leaving out fields without a match. */
export function buildHighlight(fields: Record<string, HighlightField>, tokens: readonly string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === null) continue;
    let fragments: string[];
    if (typeof value === 'string') fragments = [highlightFragment(value, tokens)].filter((f): f is string => f !== null);
    else if ('longTexts' in value) fragments = highlightList(value.longTexts, tokens, highlightFragment);
    else if ('paths' in value) fragments = highlightList(value.paths, tokens, highlightPath);
    else fragments = highlightList(value, tokens);
    if (fragments.length) result[name] = fragments;
  }
  return result;
}
