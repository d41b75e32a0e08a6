// How fast could ANY SQLite + FTS5 catalog load the demo tables on this machine? A lower bound for
// the load rate, measured on a deliberately minimal design, to judge the real loader against:
//   npm run bench:floor -- --tables 100000
//
// Each step adds work to the one before and is timed on a fresh file (journal off, 1 GiB cache,
// 25 000 tables per transaction, one thread), demo generation included as in `npm run bench`:
//   generate      demo records only
//   table rows    + one row per table: key, name, description, and ALL columns, their stats and
//                   badges as one compact JSON value (no column rows at all)
//   + links       + tag, owner and reader rows (the ones the user and tag pages need), indexes
//                   built after the load
//   + search      + a names FTS5 index (prefix indexes 1–3) and a text FTS5 index of the distinct
//                   words and facet tokens (detail = none, no prefix indexes), merged at the end
// It writes nothing the catalog can open; the file is deleted afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { generateDemoTables } from '../demo/generate-demo-tables';
import { facetToken, normalizeName, tokenize, type FacetField } from '../search/search-terms';

type Step = 'generate' | 'table rows' | '+ links' | '+ search';
const STEPS: Step[] = ['generate', 'table rows', '+ links', '+ search'];

interface Measured {
  seconds: number;
  /** Time inside SQLite's FTS5 calls (inserts, the final merge): the part no other thread can take. */
  ftsSeconds: number;
}

function measure(count: number, upTo: Step, dir: string): Measured {
  const level = STEPS.indexOf(upTo);
  const path = join(dir, `floor-${level}.db`);
  const db = new Database(path);
  db.unsafeMode(true); // journal_mode = OFF is refused in defensive mode
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec(`
    CREATE TABLE tables (id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL,
      description TEXT, popularity INTEGER NOT NULL, columns TEXT NOT NULL);
    CREATE TABLE table_tags (table_id INTEGER, tag_id INTEGER, PRIMARY KEY (table_id, tag_id)) WITHOUT ROWID;
    CREATE TABLE table_owners (table_id INTEGER, user_id INTEGER, PRIMARY KEY (table_id, user_id)) WITHOUT ROWID;
    CREATE TABLE table_readers (table_id INTEGER, user_id INTEGER, read_count INTEGER, PRIMARY KEY (table_id, user_id)) WITHOUT ROWID;
    CREATE VIRTUAL TABLE names USING fts5(name, content = '', prefix = '1 2 3');
    CREATE VIRTUAL TABLE words USING fts5(text, content = '', detail = none);
    INSERT INTO names(names, rank) VALUES ('automerge', 0);
    INSERT INTO words(words, rank) VALUES ('automerge', 0);`);
  const insertTable = db.prepare('INSERT INTO tables VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertTag = db.prepare('INSERT INTO table_tags VALUES (?, ?)');
  const insertOwner = db.prepare('INSERT INTO table_owners VALUES (?, ?)');
  const insertReader = db.prepare('INSERT INTO table_readers VALUES (?, ?, ?)');
  const insertName = db.prepare('INSERT INTO names (rowid, name) VALUES (?, ?)');
  const insertWords = db.prepare('INSERT INTO words (rowid, text) VALUES (?, ?)');
  const ids = new Map<string, number>();
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size + 1));
    return id;
  };
  const tokensOf = new Map<string, string[]>(); // column names and descriptions repeat: tokenise once
  const cachedTokens = (text: string | null | undefined) => {
    if (!text) return [];
    let tokens = tokensOf.get(text);
    if (!tokens) tokensOf.set(text, (tokens = tokenize(text)));
    return tokens;
  };
  const facets = new Map<string, string>();
  const facet = (field: FacetField, value: string) => {
    const cacheKey = `${field}\u0000${value}`;
    let token = facets.get(cacheKey);
    if (!token) facets.set(cacheKey, (token = facetToken(field, value)));
    return token;
  };

  let ftsMs = 0;
  const timedFts = (work: () => void) => {
    const t = performance.now();
    work();
    ftsMs += performance.now() - t;
  };

  const started = performance.now();
  let id = 0;
  db.exec('BEGIN');
  for (const t of generateDemoTables({ count })) {
    id++;
    if (level === 0) continue;
    const reads = (t.readers ?? []).reduce((sum, r) => sum + r.read_count, 0);
    const columns = t.columns.map((c) => [c.name, c.col_type, c.description ?? null, c.badges?.map((b) => b.badge_name) ?? 0, c.stats ?? 0]);
    insertTable.run(id, `${t.database}://${t.cluster}.${t.schema}/${t.name}`, t.name, normalizeName(t.name), t.description ?? null, reads,
      JSON.stringify(columns));
    if (level >= 2) {
      for (const tag of t.tags ?? []) insertTag.run(id, idOf(`tag:${tag}`));
      for (const owner of t.owners ?? []) insertOwner.run(id, idOf(owner));
      for (const reader of t.readers ?? []) insertReader.run(id, idOf(reader.user_id), reader.read_count);
    }
    if (level >= 3) {
      const words = new Set<string>([...tokenize(t.name), ...tokenize(t.description), ...cachedTokens(t.schema)]);
      const facetTokens = [facet('database', t.database), facet('cluster', t.cluster), facet('schema', t.schema)];
      for (const tag of t.tags ?? []) {
        for (const w of cachedTokens(tag)) words.add(w);
        facetTokens.push(facet('tag', tag));
      }
      for (const c of t.columns) {
        for (const w of cachedTokens(c.name)) words.add(w);
        for (const w of cachedTokens(c.description)) words.add(w);
        facetTokens.push(facet('column', c.name));
      }
      const name = tokenize(t.name).join(' ');
      const text = `${[...words].join(' ')} ${facetTokens.join(' ')}`;
      timedFts(() => {
        insertName.run(id, name);
        insertWords.run(id, text);
      });
    }
    if (id % 25_000 === 0) db.exec('COMMIT; BEGIN');
  }
  db.exec('COMMIT');
  if (level >= 1) db.exec('CREATE INDEX tables_by_key ON tables(key); CREATE INDEX tables_by_name ON tables(name_norm, popularity)');
  if (level >= 2) {
    db.exec(`CREATE INDEX readers_by_user ON table_readers(user_id, read_count DESC);
      CREATE INDEX owners_by_user ON table_owners(user_id); CREATE INDEX tags_by_tag ON table_tags(tag_id)`);
  }
  if (level >= 3) timedFts(() => db.exec("INSERT INTO names(names) VALUES ('optimize'); INSERT INTO words(words) VALUES ('optimize')"));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(path, { force: true });
  return { seconds, ftsSeconds: ftsMs / 1000 };
}

function main(): void {
  const { values } = parseArgs({ options: { tables: { type: 'string', default: '100000' } } });
  const count = Number(values.tables.replace(/_/g, ''));
  if (!Number.isInteger(count) || count < 1000) throw new Error('--tables must be a whole number ≥ 1000');
  const dir = mkdtempSync(join(tmpdir(), 'nansen-floor-'));
  try {
    process.stdout.write(`Load-rate floor, ${count.toLocaleString('en')} demo tables, one thread:\n\n| step | µs per table | tables/s |\n|---|---|---|\n`);
    let ftsSeconds = 0;
    for (const step of STEPS) {
      const measured = measure(count, step, dir);
      ftsSeconds = measured.ftsSeconds;
      process.stdout.write(`| ${step} | ${((measured.seconds / count) * 1e6).toFixed(1)} | ${Math.round(count / measured.seconds).toLocaleString('en')} |\n`);
    }
    // The COMMITs also flush FTS5's pending terms; that part is counted with the rows, not here.
    process.stdout.write(`\nOf the last step, ${((ftsSeconds / count) * 1e6).toFixed(1)} µs per table were spent inside FTS5 (inserts and the final merge).\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`bench:floor: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
