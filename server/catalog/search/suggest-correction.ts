// Typo-tolerant fallback: when a query finds nothing, each query token that is not a word of any
// name (or, for the last token, the start of one) is replaced by the most frequent name word within
// reach. The vocabulary is the set of words in table, dashboard and user names, read from the FTS5
// indexes and cached briefly.
//
// Reach, per token (Elasticsearch's `fuzziness: AUTO`): a token of 3–5 letters may be one edit away
// (insert, delete, substitute or swap two neighbours), one of 6 or more letters two edits; fewer
// edits win over more documents. Every token is corrected on its own, so `custmer ordrs` becomes
// `customers orders`. Cost: one pass over the vocabulary per token, a length check first, and at
// most MAX_CORRECTED_TOKENS tokens.
//
// Letters FTS5 keeps (ø, æ, ß, ł, …: unicode61 removes diacritics, and these have none to remove)
// are compared spelled out (`letterFold`): `odegard` is the name word `ødegard` with no edit at all,
// and the correction says so (`folded`), so the search shows it without "nothing matched".
import type { CatalogDatabase } from '../store/open-catalog-database';

const VOCABULARY_TTL_MS = 30_000;
const MIN_FUZZY_LENGTH = 3;
const TWO_EDITS_FROM_LENGTH = 6;
const MAX_CORRECTED_TOKENS = 8;

interface Vocabulary {
  /** word → number of documents whose name holds it */
  words: Map<string, number>;
  /** letterFold(word) → the words spelled with a letter FTS5 keeps, most documents first */
  spelledOut: Map<string, string[]>;
  loadedAt: number;
}

/** Letters unicode61 does not fold (no diacritic to remove), as people type them on a plain keyboard. */
const SPELLED_OUT: Record<string, string> = {
  'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l', 'ŧ': 't',
};
const HAS_SPELLED_OUT = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'u');
const ALL_SPELLED_OUT = new RegExp(HAS_SPELLED_OUT.source, 'gu');

/** A folded word with the letters FTS5 keeps spelled out in ASCII (`ødegard` → `odegard`). */
export function letterFold(word: string): string {
  return word.replace(ALL_SPELLED_OUT, (ch) => SPELLED_OUT[ch]);
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function isWithinOneEdit(a: string, b: string): boolean {
  return editDistance(a, b, 1) <= 1;
}

/**
 * Optimal string alignment distance (insert, delete, substitute, swap neighbours) of a and b, or
 * `max + 1` as soon as it is certainly more than `max`. `toAStartOfB`: the distance of a to the
 * nearest non-empty start of b instead (one pass: the last row of the table holds them all).
 */
export function editDistance(a: string, b: string, max: number, toAStartOfB = false): number {
  if (a === b) return 0;
  if (toAStartOfB) b = b.slice(0, a.length + max);
  else if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(toAStartOfB ? Math.min(...previous.slice(1)) : previous[b.length], max + 1);
}

/** The edits a token of this length may be away from a word (`fuzziness: AUTO`). */
const allowedEdits = (length: number) => (length < MIN_FUZZY_LENGTH ? 0 : length < TWO_EDITS_FROM_LENGTH ? 1 : 2);

export interface Correction {
  tokens: string[];
  /** Every change only spells out a letter FTS5 keeps (`odegard` for `ødegard`): not a misspelling. */
  folded: boolean;
}

export function createCorrector(db: CatalogDatabase) {
  // Per column ('col'): only the words of names count here, not the facet tokens of the table name
  // index nor the text columns of the dashboard and user indexes.
  for (const fts of ['table_name_fts', 'dashboard_search_fts', 'user_search_fts']) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${fts}_names USING fts5vocab(main, ${fts}, 'col')`);
  }
  const read = db.prepare(`
    SELECT term, doc FROM temp.table_name_fts_names WHERE col = 'name'
    UNION ALL SELECT term, doc FROM temp.dashboard_search_fts_names WHERE col = 'name'
    UNION ALL SELECT term, doc FROM temp.user_search_fts_names WHERE col = 'name'`);
  let vocabulary: Vocabulary | undefined;
  const load = (): Vocabulary => {
    if (!vocabulary || Date.now() - vocabulary.loadedAt > VOCABULARY_TTL_MS) {
      const words = new Map<string, number>();
      for (const { term, doc } of read.iterate() as Iterable<{ term: string; doc: number }>) {
        words.set(term, (words.get(term) ?? 0) + doc);
      }
      const spelledOut = new Map<string, string[]>();
      for (const word of words.keys()) {
        if (!HAS_SPELLED_OUT.test(word)) continue;
        const key = letterFold(word);
        spelledOut.set(key, [...(spelledOut.get(key) ?? []), word]);
      }
      for (const list of spelledOut.values()) list.sort((a, b) => words.get(b)! - words.get(a)!);
      vocabulary = { words, spelledOut, loadedAt: Date.now() };
    }
    return vocabulary;
  };

  /** Corrected tokens, or undefined when no token needs (or has) a correction. */
  function correct(tokens: readonly string[]): Correction | undefined {
    if (!tokens.length || tokens.length > MAX_CORRECTED_TOKENS) return undefined;
    const { words, spelledOut } = load();
    let changed = false;
    let folded = true;
    const out = tokens.map((token, index) => {
      const isLast = index === tokens.length - 1;
      if (words.has(token)) return token;
      const sameLetters = spelledOut.get(token)?.[0];
      if (sameLetters) {
        changed = true;
        return sameLetters;
      }
      const max = allowedEdits(token.length);
      let best: string | undefined;
      let bestEdits = max + 1;
      let bestCount = 0;
      for (const [word, docs] of words) {
        if (isLast && word.startsWith(token)) return token; // a prefix of a name word: fine as typed
        if (max === 0 || word.length < token.length - max || (!isLast && word.length > token.length + max)) continue;
        // The last token is being typed: it is compared with the starts of each word.
        const edits = editDistance(token, word, max, isLast);
        if (edits < bestEdits || (edits === bestEdits && edits <= max && docs > bestCount)) {
          best = word;
          bestEdits = edits;
          bestCount = docs;
        }
      }
      if (best === undefined) return token;
      changed = true;
      folded = false;
      return best;
    });
    return changed ? { tokens: out, folded } : undefined;
  }

  return { correct, invalidate: () => (vocabulary = undefined) };
}

export type Corrector = ReturnType<typeof createCorrector>;
