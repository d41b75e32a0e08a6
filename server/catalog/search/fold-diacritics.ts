// Diacritics removed exactly as the FTS5 indexes remove them (`tokenize = 'unicode61
// remove_diacritics 2'`, every FTS table of the catalog), so the words the JS side keeps — the
// vocabulary the text tier expands a typed prefix against, `name_norm` of the exact-name tier, the
// query's own tokens — are the words FTS5 indexed. Without it, `ordérs` matched names (FTS5 folds
// the query) but expanded to no vocabulary word, so the text tier matched nothing.
//
// The two tables are SQLite's (fts5_unicode2.c, fts5_remove_diacritic, generated from the Unicode
// data): each entry of DIA is (first code point << 3) | (range length - 1), CHARS the ASCII letter
// that range folds to, HIBIT = folded only by remove_diacritics=2 (letters with two diacritics),
// '\0' = dropped (combining marks). Unicode NFD would fold more than FTS5 does (Greek, Cyrillic),
// and a word folded further than FTS5 folds it matches nothing. fold-diacritics.test.ts checks this
// port against FTS5 itself, code point by code point.

const DIA = [
  0, 1797, 1848, 1859, 1891, 1928, 1940, 1995, 2024, 2040, 2060, 2110, 2168, 2206, 2264, 2286, 2344, 2383, 2472, 2488,
  2516, 2596, 2668, 2732, 2782, 2842, 2894, 2954, 2984, 3000, 3028, 3336, 3456, 3696, 3712, 3728, 3744, 3766, 3832,
  3896, 3912, 3928, 3944, 3968, 4008, 4040, 4056, 4106, 4138, 4170, 4202, 4234, 4266, 4296, 4312, 4344, 4408, 4424,
  4442, 4472, 4488, 4504, 6148, 6198, 6264, 6280, 6360, 6429, 6505, 6529, 61448, 61468, 61512, 61534, 61592, 61610,
  61642, 61672, 61688, 61704, 61726, 61784, 61800, 61816, 61836, 61880, 61896, 61914, 61948, 61998, 62062, 62122,
  62154, 62184, 62200, 62218, 62252, 62302, 62364, 62410, 62442, 62478, 62536, 62554, 62584, 62604, 62640, 62648,
  62656, 62664, 62730, 62766, 62830, 62890, 62924, 62974, 63032, 63050, 63082, 63118, 63182, 63242, 63274, 63310,
  63368, 63390,
];
// Upper case = HIBIT in SQLite's table; '.' = '\0'.
const CHARS =
  '.aceinouyyacdeeghijklnorstuuwyzouaiouUAgkoOjgnAaeiorusthaeOoOy........abCddEeEfghhiIklLlmnOprRrsStuUvwwxyzhtwyaAAAeEEioOOOuUUy';

/**
 * The letter `ch` (one lower-case code point) folds to, '' for a combining mark FTS5 drops, or `ch`
 * itself. Only code points from 128 to 65 535 fold, as in FTS5.
 */
function removeDiacritic(code: number): string | undefined {
  const key = (code << 3) | 7;
  let lo = 0;
  let hi = DIA.length - 1;
  let found = 0;
  while (hi >= lo) {
    const mid = (lo + hi) >> 1;
    if (key >= DIA[mid]) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (code > (DIA[found] >> 3) + (DIA[found] & 7)) return undefined;
  const ch = CHARS[found];
  return ch === '.' ? '' : ch.toLowerCase();
}

// Letters JS lower-cases differently from FTS5, which folds them to the letter they are a form of
// (Unicode case folding): micro sign, long s, final sigma, the Greek symbol forms.
const CASE_FOLDS: Record<number, string> = {
  0xb5: 'μ', 0x17f: 's', 0x1e9b: 's', 0x3c2: 'σ', 0x3d0: 'β', 0x3d1: 'θ', 0x3d5: 'φ', 0x3d6: 'π', 0x3f0: 'κ',
  0x3f1: 'ρ', 0x3f5: 'ε',
};

const FOLDED = new Map<number, string | undefined>();

/**
 * A lower-cased word (letters, digits, combining marks) with its diacritics removed as FTS5 removes
 * them, and the few letters FTS5 case-folds further than JS lower-cases them folded the same way.
 */
export function foldDiacritics(word: string): string {
  let out = '';
  let changed = false;
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (code < 128 || code > 65535) {
      out += ch;
      continue;
    }
    let folded = FOLDED.get(code);
    if (folded === undefined && !FOLDED.has(code)) {
      folded = CASE_FOLDS[code] ?? removeDiacritic(code);
      FOLDED.set(code, folded);
    }
    if (folded === undefined) out += ch;
    else {
      out += folded;
      changed = true;
    }
  }
  return changed ? out : word;
}

/**
 * The combining marks FTS5's unicode61 tokenizer keeps inside a word (and then drops), so `e` + U+0301
 * stays one word: sqlite3Fts5UnicodeIsdiacritic.
 */
export const WORD_DIACRITICS = '\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d\u032e\u0330\u0331';

/**
 * A GLOB character class (`[…]`) of every character `foldDiacritics` changes: a stored word holding
 * none of them is the same word folded. Migration 12 rebuilds only catalogs with words that hold some.
 */
export const FOLDABLE_GLOB_CLASS = (() => {
  const ranges = DIA.slice(1).map((entry) => [entry >> 3, (entry >> 3) + (entry & 7)] as const);
  for (const code of Object.keys(CASE_FOLDS).map(Number)) ranges.push([code, code]);
  const char = (code: number) => String.fromCodePoint(code);
  return `[${ranges.map(([from, to]) => (from === to ? char(from) : `${char(from)}-${char(to)}`)).join('')}]`;
})();

/**
 * The same class with the upper-case forms of those letters (`É` as well as `é`): for text stored as
 * typed, which is folded only after it is lower-cased (filter values: migration 13).
 */
export const FOLDABLE_ANY_CASE_GLOB_CLASS = (() => {
  const codes = new Set<number>();
  const inner = FOLDABLE_GLOB_CLASS.slice(1, -1);
  const chars = [...inner];
  for (let i = 0; i < chars.length; i++) {
    const from = chars[i]!.codePointAt(0)!;
    const to = chars[i + 1] === '-' && i + 2 < chars.length ? chars[(i += 2)]!.codePointAt(0)! : from;
    for (let code = from; code <= to; code++) {
      codes.add(code);
      const upper = String.fromCodePoint(code).toUpperCase();
      if ([...upper].length === 1 && upper.toLowerCase() === String.fromCodePoint(code)) codes.add(upper.codePointAt(0)!);
    }
  }
  return `[${[...codes].sort((a, b) => a - b).map((code) => String.fromCodePoint(code)).join('')}]`;
})();
