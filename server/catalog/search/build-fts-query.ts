// Builds the FTS5 MATCH expressions for the ranking tiers from a free-text query term.
// Tokens are runs of letters/digits (the same split FTS5's unicode61 tokenizer makes, so `_`, `.`,
// `/`, `:` separate tokens); each is quoted and prefix-matched, so user input can never inject
// FTS5 syntax.

export interface FtsQueries {
  /** Lower-cased, trimmed query term, for the exact-name tier. */
  exactName: string;
  /** Name starts with the query tokens in order (`^"a b"*`). */
  namePrefix: string;
  /** Every token prefix-matches some token of the name. */
  nameTokens: string;
  /** Every token prefix-matches some token anywhere (name, schema, description, columns, tags, badges). */
  anywhere: string;
}

export function tokenizeQuery(queryTerm: string): string[] {
  return queryTerm.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function buildFtsQueries(queryTerm: string): FtsQueries | undefined {
  const tokens = tokenizeQuery(queryTerm);
  if (!tokens.length) return undefined;
  const all = tokens.map((t) => `"${t}"*`).join(' AND ');
  return {
    exactName: queryTerm.trim().toLowerCase(),
    namePrefix: `name : ^ "${tokens.join(' ')}" *`,
    nameTokens: `name : (${all})`,
    anywhere: all,
  };
}
