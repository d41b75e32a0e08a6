// Builds the FTS5 MATCH expressions for the ranking tiers from the query tokens. Every token is
// quoted, so user input can never inject FTS5 syntax.
import type { QueryPart, QuerySyntax } from './parse-query-syntax';
import { quoteFts } from './search-terms';

export interface FtsQueries {
  /** Tokens joined by spaces, compared with `name_norm` for the exact-name tier. */
  exactName: string;
  /** Name starts with the query tokens in order, the last one a prefix (`^ "a b" *`). */
  namePrefix: string;
  /** Every token prefix-matches some token of the name. */
  nameTokens: string;
  /** Every token is a word of the text (name, description, columns, …), the last one a prefix; null = nothing can match. */
  anywhere: string | null;
}

export interface TextQueryOptions {
  /** The FTS column holding the text (`''` when the text FTS table has only that column). */
  column: string;
  /**
   * When given, a last token longer than `indexedPrefixLength` is matched as an OR of the words it
   * starts (the most common ones) instead of an FTS5 prefix query, which would merge the doclists
   * of every such word first (the index has prefix indexes up to that length only). Earlier tokens
   * are then whole words. An empty list means no indexed word starts with it.
   */
  expandPrefix?: (prefix: string) => string[];
  indexedPrefixLength?: number;
}

/** `nameColumn` = the FTS column filter for names (`''` when the FTS table has only the name column). */
export function buildFtsQueries(tokens: readonly string[], nameColumn: string, text: TextQueryOptions): FtsQueries | undefined {
  if (!tokens.length) return undefined;
  const all = tokens.map((t) => `${quoteFts(t)}*`).join(' AND ');
  const filter = nameColumn ? `${nameColumn} : ` : '';
  let anywhere: string | null = all;
  if (text.expandPrefix) {
    const last = tokens[tokens.length - 1];
    const words = last.length > (text.indexedPrefixLength ?? 0) ? text.expandPrefix(last) : undefined;
    const lastExpr = words ? `(${words.map(quoteFts).join(' OR ')})` : `${quoteFts(last)}*`;
    anywhere = words?.length === 0 ? null : [...tokens.slice(0, -1).map(quoteFts), lastExpr].join(' AND ');
  }
  return {
    exactName: tokens.join(' '),
    namePrefix: `${filter}^ ${quoteFts(tokens.join(' '))} *`,
    nameTokens: `${filter}(${all})`,
    anywhere: anywhere === null ? null : text.column ? `${text.column} : (${anywhere})` : `(${anywhere})`,
  };
}

/** A check of one part of a clause the text index cannot make alone (no positions: decision 005). */
export type PartCheck =
  /** The phrase's words next to each other in some text of the document (`words` joined by spaces). */
  | { kind: 'phrase'; words: string; prefix: boolean }
  /** A word part of the same clause: an FTS5 expression checked against the document's row id. */
  | { kind: 'match'; expr: string };

export interface SyntaxQueries extends Omit<FtsQueries, 'exactName'> {
  /** Names equal to one way of reading the term (`a OR b c`: "a c", "b c"), at most MAX_EXACT_NAMES. */
  exactNames: string[];
  /** Clauses holding a phrase: each must pass one of its checks (the words are already in `anywhere`). */
  phraseClauses: PartCheck[][];
  /** Excluded words as one FTS5 expression over the text, or null. */
  excludedWords: string | null;
  /** Excluded phrases, words joined by spaces. */
  excludedPhrases: string[];
}

const MAX_EXACT_NAMES = 16;

/** The FTS5 queries of a term with phrases, exclusions or OR (parse-query-syntax.ts). */
export function buildSyntaxQueries(syntax: QuerySyntax, nameColumn: string, text: TextQueryOptions): SyntaxQueries {
  const filter = nameColumn ? `${nameColumn} : ` : '';
  const lastClause = syntax.clauses[syntax.clauses.length - 1];
  const lastPart = lastClause?.[lastClause.length - 1];
  const isPrefix = (part: QueryPart) => syntax.lastIsPrefix && part === lastPart;

  // A word as the text index matches it: whole, or, the word being typed, a prefix (expanded as in the
  // plain path); null: no indexed word starts with it.
  const textWord = (word: string, prefix: boolean): string | null => {
    if (!prefix) return quoteFts(word);
    const words = text.expandPrefix && word.length > (text.indexedPrefixLength ?? 0) ? text.expandPrefix(word) : undefined;
    if (!words) return `${quoteFts(word)}*`;
    return words.length ? `(${words.map(quoteFts).join(' OR ')})` : null;
  };
  const textPart = (part: QueryPart): string | null => {
    const words = part.tokens.map((w, i) => textWord(w, isPrefix(part) && i === part.tokens.length - 1));
    return words.includes(null) ? null : `(${words.join(' AND ')})`;
  };

  let anywhere: string | null = syntax.clauses.length ? '' : null;
  const phraseClauses: PartCheck[][] = [];
  for (const clause of syntax.clauses) {
    const exprs = clause.map(textPart);
    const possible = exprs.filter((e): e is string => e !== null);
    if (!possible.length) {
      anywhere = null;
      break;
    }
    anywhere = `${anywhere ? `${anywhere} AND ` : ''}(${possible.join(' OR ')})`;
    if (clause.some((p) => p.phrase)) {
      phraseClauses.push(clause.flatMap((part, i): PartCheck[] => {
        if (exprs[i] === null) return [];
        return part.phrase ? [{ kind: 'phrase', words: part.tokens.join(' '), prefix: isPrefix(part) }] : [{ kind: 'match', expr: exprs[i]! }];
      }));
    }
  }
  const excludedWords = syntax.excluded.filter((p) => !p.phrase).map((p) => quoteFts(p.tokens[0]));
  const excludedWordsExpr = excludedWords.length ? `(${excludedWords.join(' OR ')})` : null;
  if (anywhere !== null && excludedWordsExpr) anywhere = `(${anywhere}) NOT ${excludedWordsExpr}`;

  // Name tiers: phrases keep their order there (the name index has positions).
  // A plain word starts a word of the name (as in the plain path's tier 3); a quoted one is whole.
  const namePart = (part: QueryPart) => `${quoteFts(part.tokens.join(' '))}${isPrefix(part) ? ' *' : part.quoted ? '' : '*'}`;
  const nameTokens = syntax.clauses.length
    ? `${filter}(${syntax.clauses.map((c) => `(${c.map(namePart).join(' OR ')})`).join(' AND ')})`
    : `${filter}("")`;

  // Every way of reading the term as one name, in order (`a OR b c`: "a c", "b c").
  let readings: string[][] = [[]];
  for (const clause of syntax.clauses) {
    readings = readings.flatMap((r) => clause.map((p) => [...r, ...p.tokens]));
    if (readings.length > MAX_EXACT_NAMES) {
      readings = [];
      break;
    }
  }
  const exactNames = syntax.clauses.length ? readings.map((r) => r.join(' ')) : [];
  const namePrefix = exactNames.length
    ? `${filter}(${exactNames.map((n) => `^ ${quoteFts(n)}${syntax.lastIsPrefix ? ' *' : ''}`).join(' OR ')})`
    : nameTokens;

  return {
    exactNames,
    namePrefix,
    nameTokens,
    anywhere: anywhere === null ? null : text.column ? `${text.column} : (${anywhere})` : `(${anywhere})`,
    phraseClauses,
    excludedWords: excludedWordsExpr === null ? null : text.column ? `${text.column} : ${excludedWordsExpr}` : excludedWordsExpr,
    excludedPhrases: syntax.excluded.filter((p) => p.phrase).map((p) => p.tokens.join(' ')),
  };
}
