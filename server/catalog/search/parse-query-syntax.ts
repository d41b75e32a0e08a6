// The little query syntax of the embedded catalog's search (decision 097, README "Search"):
//
//   "core customers"   a phrase: these words, next to each other, in this order
//   -legacy            leaves out what holds the word (`-"old orders"`: the phrase)
//   orders OR refunds  either (upper-case OR, between two words or phrases)
//
// Anything else is words, every one of which must match, as before. A term with none of these is
// not "syntax" at all (`parseQuerySyntax` answers undefined) and takes the plain path unchanged.
// The parser never fails: an unclosed quote runs to the end of the term (its last word is then being
// typed, a prefix), an empty phrase, a lone `-` and a dangling `OR` (`orders OR`, being typed) are
// dropped, and `OR` alone is the word "or". Only tokens (search-terms.ts) come out, and every token is quoted when
// it goes into FTS5, so no input can reach FTS5 as syntax.
import { tokenizeQuery } from './search-terms';

/** A word (one token) or a phrase (its tokens next to each other, in order). */
export interface QueryPart {
  tokens: string[];
  phrase: boolean;
  /** Typed in quotes: whole words (but the last one while its quote is open). */
  quoted: boolean;
}

export interface QuerySyntax {
  /** Every clause must hold; a clause holds when one of its parts does (`a OR b`). */
  clauses: QueryPart[][];
  /** A document holding one of these is left out. */
  excluded: QueryPart[];
  /** The term ends inside its last part (no closing quote, no space after): its last word is a prefix. */
  lastIsPrefix: boolean;
  /** The term is one closed phrase and nothing else: its text, for the reference tier (`"core.customers"`). */
  quotedTerm?: string;
}

/** Bounds the work a term can cause: parts past these are ignored. */
export const MAX_SYNTAX_PARTS = 16;
export const MAX_PHRASE_TOKENS = 8;

interface PartLexeme { kind: 'part'; part: QueryPart; negated: boolean; closed: boolean; raw: string }
type Lexeme = { kind: 'or' } | PartLexeme;

// A phrase (to the closing quote or the end), or a run of anything else but spaces and quotes.
const LEXEME = /(-?)"([^"]*)("?)|[^\s"]+/gu;

export function parseQuerySyntax(term: string): QuerySyntax | undefined {
  if (!term.includes('"') && !/(^|\s)-[^\s-]/u.test(term) && !/\sOR\s/u.test(` ${term} `)) return undefined;
  const lexemes: Lexeme[] = [];
  let endsInPart = false;
  for (const match of term.matchAll(LEXEME)) {
    const [text, minus, inner, close] = match;
    endsInPart = match.index + text.length === term.length;
    if (inner !== undefined) {
      const tokens = tokenizeQuery(inner).slice(0, MAX_PHRASE_TOKENS);
      if (tokens.length) lexemes.push({ kind: 'part', part: { tokens, phrase: tokens.length > 1, quoted: true }, negated: minus === '-', closed: close === '"', raw: inner });
      continue;
    }
    if (text === 'OR') {
      lexemes.push({ kind: 'or' });
      continue;
    }
    const negated = text.startsWith('-');
    const tokens = tokenizeQuery(text);
    if (!tokens.length) continue;
    if (negated) {
      // `-order_id` leaves out the column's words next to each other, as typed.
      lexemes.push({ kind: 'part', part: { tokens: tokens.slice(0, MAX_PHRASE_TOKENS), phrase: tokens.length > 1, quoted: false }, negated, closed: true, raw: text });
    } else {
      // Plain words: each its own clause, as in the plain path (`core.customers` is two words).
      for (const token of tokens) lexemes.push({ kind: 'part', part: { tokens: [token], phrase: false, quoted: false }, negated, closed: true, raw: token });
    }
  }

  const clauses: QueryPart[][] = [];
  const excluded: QueryPart[] = [];
  let parts = 0;
  let joinNext = false;
  let lastPart: PartLexeme | undefined;
  for (let i = 0; i < lexemes.length && parts < MAX_SYNTAX_PARTS; i++) {
    const lexeme = lexemes[i];
    if (lexeme.kind === 'or') {
      const before = lexemes[i - 1];
      const after = lexemes[i + 1];
      const joins = before?.kind === 'part' && !before.negated && after?.kind === 'part' && !after.negated;
      if (joins) joinNext = true;
      continue; // a dangling OR (`orders OR`, being typed) is dropped; `OR` alone is the plain word
    }
    parts++;
    lastPart = lexeme;
    if (lexeme.negated) excluded.push(lexeme.part);
    else if (joinNext && clauses.length) clauses[clauses.length - 1].push(lexeme.part);
    else clauses.push([lexeme.part]);
    joinNext = false;
  }

  if (!clauses.length && !excluded.length) return undefined;
  const only = lexemes.length === 1 && lexemes[0].kind === 'part' ? lexemes[0] : undefined;
  return {
    clauses,
    excluded,
    // The last part is being typed when the term ends in it (an unquoted word, or an unclosed quote).
    lastIsPrefix: endsInPart && lastPart !== undefined && !lastPart.negated && lastPart === lexemes[lexemes.length - 1]
      && (!lastPart.closed || !term.endsWith('"')),
    quotedTerm: only && !only.negated && only.closed && term.trim().startsWith('"') ? only.raw.trim() : undefined,
  };
}

/** The tokens a document must hold for the term to match it: for highlights. */
export function positiveTokens(syntax: QuerySyntax): string[] {
  return [...new Set(syntax.clauses.flat().flatMap((p) => p.tokens))];
}
