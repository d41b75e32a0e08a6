// Builds the FTS5 MATCH expressions for the ranking tiers from the query tokens. Every token is
// quoted and prefix-matched, so user input can never inject FTS5 syntax.
import { quoteFts } from './search-terms';

export interface FtsQueries {
  /** Tokens joined by spaces, compared with `name_norm` for the exact-name tier. */
  exactName: string;
  /** Name starts with the query tokens in order, the last one a prefix (`^ "a b" *`). */
  namePrefix: string;
  /** Every token prefix-matches some token of the name. */
  nameTokens: string;
  /** Every token prefix-matches some token of the text column (name, description, columns, …). */
  anywhere: string;
}

/**
 * `nameColumn` = the FTS column filter for names (`''` when the FTS table has only the name column).
 * `expandPrefix`, when given, turns the last token into the words it starts (undefined = too many):
 * the text tier then matches earlier tokens as whole words and the last one as an OR of words.
 */
export function buildFtsQueries(
  tokens: readonly string[],
  nameColumn: string,
  expandPrefix?: (prefix: string) => string[] | undefined,
): FtsQueries | undefined {
  if (!tokens.length) return undefined;
  const all = tokens.map((t) => `${quoteFts(t)}*`).join(' AND ');
  const filter = nameColumn ? `${nameColumn} : ` : '';
  let anywhere = all;
  if (expandPrefix) {
    const last = tokens[tokens.length - 1];
    const words = last.length > 3 ? expandPrefix(last) : undefined;
    const lastExpr = words?.length ? `(${words.map(quoteFts).join(' OR ')})` : `${quoteFts(last)}*`;
    anywhere = [...tokens.slice(0, -1).map(quoteFts), lastExpr].join(' AND ');
  }
  return {
    exactName: tokens.join(' '),
    namePrefix: `${filter}^ ${quoteFts(tokens.join(' '))} *`,
    nameTokens: `${filter}(${all})`,
    anywhere: `text : (${anywhere})`,
  };
}
