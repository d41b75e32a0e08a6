// Builds the FTS5 MATCH expressions for the ranking tiers from the query tokens. Every token is
// quoted, so user input can never inject FTS5 syntax.
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
