// Typo-tolerant fallback: when a query finds nothing, each query token that is not a word of any
// name (or, for the last token, the start of one) is replaced by the most frequent name word within
// edit distance 1 (insert, delete, substitute or swap two neighbours). The vocabulary is the set of
// words in table, dashboard and user names, read from the FTS5 indexes and cached briefly.
import type { CatalogDatabase } from '../store/open-catalog-database';

const VOCABULARY_TTL_MS = 30_000;
const MIN_FUZZY_LENGTH = 3;

interface Vocabulary {
  /** word → number of documents whose name holds it */
  words: Map<string, number>;
  loadedAt: number;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
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
      vocabulary = { words, loadedAt: Date.now() };
    }
    return vocabulary;
  };

  /** Corrected tokens, or undefined when no token needs (or has) a correction. */
  function correct(tokens: readonly string[]): string[] | undefined {
    if (!tokens.length) return undefined;
    const { words } = load();
    let changed = false;
    const out = tokens.map((token, index) => {
      const isLast = index === tokens.length - 1;
      if (words.has(token)) return token;
      let best: string | undefined;
      let bestCount = 0;
      for (const [word, docs] of words) {
        if (isLast && word.startsWith(token)) return token; // a prefix of a name word: fine as typed
        if (token.length < MIN_FUZZY_LENGTH || docs <= bestCount) continue;
        // The last token is being typed: compare it with the start of each word.
        const hit = isLast
          ? [token.length - 1, token.length, token.length + 1].some((n) => n <= word.length && n > 0 && isWithinOneEdit(token, word.slice(0, n)))
          : isWithinOneEdit(token, word);
        if (hit) {
          best = word;
          bestCount = docs;
        }
      }
      if (best === undefined) return token;
      changed = true;
      return best;
    });
    return changed ? out : undefined;
  }

  return { correct, invalidate: () => (vocabulary = undefined) };
}

export type Corrector = ReturnType<typeof createCorrector>;
