// Whether a phrase's words stand next to each other, in order, in one of a document's texts
// (decision 097). The table text index has no positions (decision 005), so FTS5 finds the documents
// holding every word of a phrase and this checks the order, per candidate, on the texts the search
// document row holds (not column descriptions: reading them per candidate cost 5× more). Texts are tokenized as the index tokenizes them; a JSON array (column names,
// tags) is checked item by item, so a phrase never runs from one column name into the next.
import type { CatalogDatabase } from '../store/open-catalog-database';
import { tokenize } from './search-terms';

const SPACE = ' ';

function holds(text: string, words: string, prefix: boolean): boolean {
  const spaced = `${SPACE}${tokenize(text).join(SPACE)}${SPACE}`;
  return spaced.includes(`${SPACE}${words}${prefix ? '' : SPACE}`);
}

/** True when `words` (tokens joined by one space) stand together in one of `texts`; `prefix`: the last word may go on. */
export function containsPhrase(words: string, prefix: boolean, texts: readonly unknown[]): boolean {
  for (const text of texts) {
    if (typeof text !== 'string' || !text) continue;
    if (text.startsWith('[')) {
      let items: unknown;
      try {
        items = JSON.parse(text);
      } catch {
        items = undefined;
      }
      if (Array.isArray(items)) {
        if (items.some((item) => typeof item === 'string' && holds(item, words, prefix))) return true;
        continue;
      }
    }
    if (holds(text, words, prefix)) return true;
  }
  return false;
}

/** `nansen_phrase(words, prefix, text, …)`: containsPhrase as SQL. */
export function registerPhraseFunction(db: CatalogDatabase): void {
  db.function('nansen_phrase', { deterministic: true, varargs: true }, (words: unknown, prefix: unknown, ...texts: unknown[]) =>
    (typeof words === 'string' && containsPhrase(words, prefix === 1, texts) ? 1 : 0));
}
