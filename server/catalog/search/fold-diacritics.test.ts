// The JS tokens (search-terms.ts) are the words FTS5 indexes: checked against FTS5 itself, with the
// tokenizer every catalog FTS table uses, for every assigned code point of the scripts whose letters
// carry diacritics (Latin, Greek, Cyrillic, the combining marks).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { normalizeName, tokenize, tokenizeQuery } from './search-terms';

const RANGES: [number, number][] = [[0x80, 0x52f], [0x1e00, 0x1fff]];
const UNASSIGNED = /\p{Cn}/u;

describe('words as FTS5 folds them', () => {
  it('match FTS5 unicode61 remove_diacritics 2, code point by code point', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
    const texts = new Map<number, string>();
    for (const [from, to] of RANGES) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCodePoint(c);
        // Unassigned in this Node's Unicode: SQLite's older tables may call them letters.
        if (!UNASSIGNED.test(ch)) texts.set(c, `a${ch}b ${ch}x E${ch}`);
      }
    }
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    for (const [c, text] of texts) insert.run(c, text);
    const indexed = new Map<number, string[]>();
    for (const { term, doc } of db.prepare('SELECT term, doc FROM v ORDER BY doc, offset').all() as { term: string; doc: number }[]) {
      indexed.set(doc, [...(indexed.get(doc) ?? []), term]);
    }
    const differ: string[] = [];
    for (const [c, text] of texts) {
      const js = tokenize(text);
      const fts = indexed.get(c) ?? [];
      if (js.join(' ') !== fts.join(' ')) differ.push(`U+${c.toString(16)}: ${JSON.stringify(js)} ≠ ${JSON.stringify(fts)}`);
    }
    // JS knows lower-case forms of a few letters added to Unicode after SQLite's tables (Cyrillic
    // U+0528–U+052F, Greek U+037F): FTS5 keeps the upper-case letter. Nothing else may differ.
    const newer = /^U\+(52[89a-f]|37f|1fbe):/;
    expect(differ.filter((d) => !newer.test(d))).toEqual([]);
    expect(differ.length).toBeLessThan(10);
  });

  it('removes accents from query words, names and text alike', () => {
    expect(tokenizeQuery('ordérs')).toEqual(['orders']);
    // Ø, Ł and Æ are letters of their own, not letters with a diacritic: FTS5 keeps them.
    expect(tokenize('Crème Brûlée, naïve façade; Ærø Øst Łódź')).toEqual(['creme', 'brulee', 'naive', 'facade', 'ærø', 'øst', 'łodz']);
    expect(normalizeName('Commandes_réglées')).toBe('commandes reglees');
    // A combining accent stays in its word, and goes: "e" + U+0301.
    expect(tokenize('cafe\u0301s')).toEqual(['cafes']);
    // FTS5 removes Latin diacritics only: Greek keeps its tonos (the search matches it as typed), and
    // a final sigma is a sigma.
    expect(tokenize('ΣΟΦΊΑ σοφίας')).toEqual(['σοφία', 'σοφίασ']);
  });
});
