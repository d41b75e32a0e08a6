// The ranking engine shared by table, dashboard and user search. Nothing ranks every match: each
// tier is a query that walks rows in doc_id order — which IS popularity order (search-terms.ts
// buildDocId) — and stops after the rows the page still needs.
//
//   tier 6  the term names the resource: its key, or a table's schema.table (exact-references.ts)
//   tier 5  exact name (tokens equal; B-tree lookup on name_norm)
//   tier 4  name starts with the query, last token a prefix   (name FTS: ^ "a b" *)
//   tier 3  every query token starts a word of the name       (name FTS: "a"* AND "b"*)
//   tier 2  tables: the term is the whole name of a column    (text FTS: the column's facet token)
//   tier 1  the text — name, schema, description, columns, their nested fields and their
//           descriptions, tags, badges —
//           holds every query token as a word, the last one as a prefix. For tables the text index
//           has prefix indexes for 1–2 characters only (more made loads slow): a typed prefix of 3+
//           characters is expanded to the MAX_PREFIX_EXPANSION most common words it starts
//           (vocabulary table, document counts), and FTS5 walks that OR lazily in rowid order. A
//           rare word that shares its first letters with 32 commoner ones is found by the text tier
//           once more letters are typed; the name tiers use prefix indexes 1–3 and are exact.
//
// Tiers are taken in turn, skipping documents already taken, until offset + page size. Within a
// tier, usage (popularity) decides. Filters: both indexes hold facet tokens, so FTS5 applies the
// facet filters (database, cluster, schema, tag, badges; the text index also column) while it
// walks the matches; the others (table, key, description, wildcard column; column in the name
// tiers) are checked per candidate, walking the matches in doc_id order until the page is full. A
// selective filter of that kind reads further, but never drops a match or moves it to a lower tier.
//
// total_results: the number of hits, counted up to TOTAL_RESULTS_CAP; a value equal to the cap
// means "at least this many" (like Elasticsearch's track_total_hits). Every hit is a text-tier, a
// tier-3 (tiers 4–5 are tier-3 matches too), a column (tier 2) or a reference (tier 6) match. Below
// NAME_COUNT_BELOW text matches the union of them all is counted exactly; above, the text matches
// are. An unfiltered browse is counted exactly.
//
// A term with "phrases", -exclusions or OR (parse-query-syntax.ts, decision 097) runs the same tiers
// with its own FTS5 expressions (build-fts-query.ts buildSyntaxQueries); what FTS5 cannot check
// there (a phrase's word order in the text index, exclusions in the name tiers) is one more
// per-candidate condition, like a residual filter.
import type { Statement } from 'better-sqlite3';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { buildFtsQueries, buildSyntaxQueries, type SyntaxQueries } from './build-fts-query';
import type { CompiledFilters } from './compile-filters';
import type { ReferenceLookup } from './exact-references';
import type { QuerySyntax } from './parse-query-syntax';
import { registerPhraseFunction } from './phrase-match';
import { facetToken, quoteFts } from './search-terms';

export const TOTAL_RESULTS_CAP = 10_000;
/**
 * Below this many text matches, total_results is their union with the first this-many tier-3
 * (name) matches (and the reference and column matches): listing those walks every name match of the query when they are fewer, 1–20 ms
 * at 1 M tables for multi-word prefixes, so it is not done for broad queries.
 */
export const NAME_COUNT_BELOW = 1_000;

export interface TieredSearchTables {
  /** Document table (aliased `s`) with doc_id, name_norm. */
  docs: string;
  /** FTS table searched by the name tiers, and the column holding the name ('' = its only column). */
  nameFts: string;
  nameColumn: string;
  /**
   * Column of `nameFts` holding the facet tokens of `nameFacetExpr` (tables): given, the name tiers
   * let FTS5 apply those filters and check only the rest per candidate.
   */
  nameFacetsColumn?: string;
  /** FTS table searched by the text tier, and its text column ('' = its only column). */
  textFts: string;
  textColumn: string;
  /**
   * Table of the words of the text index (`term`, `docs`): given, a last token longer than
   * `textPrefixIndexes` characters is expanded to the most common words it starts.
   */
  vocabulary?: string;
  /** The longest prefix the text index has a prefix index for (0 = none). */
  textPrefixIndexes?: number;
  /** The documents a query term names exactly (tier 6), if it names any. */
  reference?: (term: string) => ReferenceLookup | undefined;
  /** The text index holds column facet tokens: a term that is a whole column name is tier 2. */
  columnFacets?: boolean;
  /** SQL expressions over `s` holding the texts a quoted phrase is looked for in (phrase-match.ts). */
  phraseTexts: string[];
}

/**
 * A phrase's word order is checked per text-tier candidate (the text index has no positions): only
 * the this-many most popular documents holding every word are checked, and counted.
 */
export const PHRASE_CANDIDATES = 1_000;

/** Longest OR a typed prefix expands to in the text tier. */
export const MAX_PREFIX_EXPANSION = 32;

export interface TieredSearchInput {
  tokens: readonly string[];
  /** The query as typed, for the reference and column tiers (none: those tiers do not run). */
  term?: string;
  /** Phrases, exclusions or OR (parse-query-syntax.ts): given, `tokens` are only for highlights. */
  syntax?: QuerySyntax;
  filters: CompiledFilters;
  offset: number;
  limit: number;
}

export interface RankedDoc {
  docId: number;
  tier: number;
}

export interface TieredSearchOutput {
  total: number;
  page: RankedDoc[];
}

export function createTieredSearch(db: CatalogDatabase, t: TieredSearchTables) {
  const statements = new Map<string, Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 256) statements.clear(); // filter shapes vary; keep the cache bounded
      statement = db.prepare<unknown[]>(sql).pluck();
      statements.set(sql, statement);
    }
    return statement;
  };
  const ids = (sql: string, params: unknown[]) => prepare(sql).all(...params) as number[];
  const count = (sql: string, params: unknown[]) => prepare(sql).get(...params) as number;

  // count(*) of the whole document table only changes with writes: cache it per data version.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let cachedCount: { version: string; count: number } | undefined;
  const countAll = () => {
    const version = `${dataVersion.get() as number}:${totalChanges.get() as number}`;
    if (cachedCount?.version !== version) {
      cachedCount = { version, count: count(`SELECT count(*) FROM ${t.docs}`, []) };
    }
    return cachedCount.count;
  };

  const expandPrefix = t.vocabulary
    ? createPrefixExpander(db, t.vocabulary, () => `${dataVersion.get() as number}:${totalChanges.get() as number}`)
    : undefined;

  function browse({ filters, offset, limit }: TieredSearchInput): TieredSearchOutput {
    let page: number[];
    let total: number;
    if (filters.facetExpr) {
      const [sql, params] = filtered(filters.facetExpr, filters, `LIMIT ? OFFSET ?`);
      page = ids(sql, [...params, limit, offset]);
      const [countSql, countParams] = filtered(filters.facetExpr, filters, `LIMIT ${TOTAL_RESULTS_CAP}`);
      total = count(`SELECT count(*) FROM (${countSql})`, countParams);
    } else if (filters.sql === '1') {
      page = ids(`SELECT doc_id FROM ${t.docs} ORDER BY doc_id LIMIT ? OFFSET ?`, [limit, offset]);
      total = countAll();
    } else {
      page = ids(`SELECT s.doc_id FROM ${t.docs} s WHERE ${filters.sql} ORDER BY s.doc_id LIMIT ? OFFSET ?`,
        [...filters.params, limit, offset]);
      total = count(`SELECT count(*) FROM (SELECT 1 FROM ${t.docs} s WHERE ${filters.sql} LIMIT ${TOTAL_RESULTS_CAP})`, filters.params);
    }
    return { total, page: page.map((docId) => ({ docId, tier: 0 })) };
  }

  /**
   * Text-FTS matches of `expr` (AND facets) passing the residual SQL filter, in doc_id order. FTS5
   * walks its doclists in rowid order and the ORDER BY is satisfied by that walk, so LIMIT stops the
   * scan as soon as enough rows passed: a selective residual filter reads further, never misses one.
   */
  function filtered(expr: string, filters: CompiledFilters, tail: string, candidates?: number): [string, unknown[]] {
    const match = filters.facetExpr && expr !== filters.facetExpr ? `(${expr}) AND ${filters.facetExpr}` : expr;
    if (filters.residualSql === '1') {
      return [`SELECT rowid FROM ${t.textFts} WHERE ${t.textFts} MATCH ? ORDER BY rowid ${tail}`, [match]];
    }
    // `candidates`: only the first this-many FTS matches are checked (a phrase's order, decision 097).
    const first = candidates ? ` ORDER BY rowid LIMIT ${candidates}` : '';
    return [
      `SELECT s.doc_id FROM (SELECT rowid FROM ${t.textFts} WHERE ${t.textFts} MATCH ?${first}) m
       JOIN ${t.docs} s ON s.doc_id = m.rowid WHERE ${filters.residualSql} ORDER BY m.rowid ${tail}`,
      [match, ...filters.residualParams],
    ];
  }

  /**
   * Name-FTS matches of `expr` passing every filter, in doc_id order: facet filters inside FTS5 when
   * the name index holds them, the rest per candidate (lazily, as in `filtered`).
   */
  function nameMatches(expr: string, filters: CompiledFilters): [string, unknown[]] {
    const inFts = t.nameFacetsColumn !== undefined && filters.nameFacetExpr !== null;
    const match = inFts ? `(${expr}) AND ${t.nameFacetsColumn} : (${filters.nameFacetExpr})` : expr;
    const [residual, residualParams] = inFts ? [filters.nameResidualSql, filters.nameResidualParams] : [filters.sql, filters.params];
    if (residual === '1') return [`SELECT rowid FROM ${t.nameFts} WHERE ${t.nameFts} MATCH ? ORDER BY rowid`, [match]];
    return [
      `SELECT s.doc_id FROM (SELECT rowid FROM ${t.nameFts} WHERE ${t.nameFts} MATCH ?) m
       JOIN ${t.docs} s ON s.doc_id = m.rowid WHERE ${residual} ORDER BY m.rowid`,
      [match, ...residualParams],
    ];
  }

  /** `filters` and one more SQL condition on `s`, for every tier ('1' = none). */
  function withCondition(filters: CompiledFilters, sql: string, params: unknown[]): CompiledFilters {
    if (sql === '1') return filters;
    const and = (a: string) => (a === '1' ? sql : `(${a}) AND ${sql}`);
    return {
      ...filters,
      sql: and(filters.sql), params: [...filters.params, ...params],
      residualSql: and(filters.residualSql), residualParams: [...filters.residualParams, ...params],
      nameResidualSql: and(filters.nameResidualSql), nameResidualParams: [...filters.nameResidualParams, ...params],
    };
  }

  registerPhraseFunction(db);
  const phraseSql = `nansen_phrase(?, ?, ${t.phraseTexts.join(', ')})`;
  const textMatchSql = `EXISTS (SELECT 1 FROM ${t.textFts} WHERE ${t.textFts} MATCH ? AND rowid = s.doc_id)`;
  // A term of exclusions only (`-the`) browses every document: the ones holding an excluded word are
  // then read once (one doclist, kept as a set), not one MATCH per row (3.3 s for `-the` at 100 k
  // tables, 0.1 s this way). With words to find, the few candidates are each checked (NOT textMatchSql):
  // reading a common word's whole doclist would cost more.
  const textExcludedSql = `s.doc_id NOT IN (SELECT rowid FROM ${t.textFts} WHERE ${t.textFts} MATCH ?)`;

  /**
   * What the FTS5 expressions of a term with syntax cannot say, as SQL on the document row: the
   * excluded words (for the name tiers; the text tier has them as NOT), the excluded phrases, and the
   * order of a phrase's words (for the text tier; the name index keeps positions).
   */
  function syntaxConditions(q: SyntaxQueries, onlyExclusions: boolean): { name: [string, unknown[]]; text: [string, unknown[]] } {
    const common: string[] = [];
    const commonParams: unknown[] = [];
    for (const words of q.excludedPhrases) {
      common.push(`NOT ${phraseSql}`);
      commonParams.push(words, 0);
    }
    const name = [...common];
    const nameParams = [...commonParams];
    if (q.excludedWords) {
      name.push(onlyExclusions ? textExcludedSql : `NOT ${textMatchSql}`);
      nameParams.push(q.excludedWords);
    }
    const text = [...common];
    const textParams = [...commonParams];
    for (const checks of q.phraseClauses) {
      text.push(`(${checks.map((c) => (c.kind === 'phrase' ? phraseSql : textMatchSql)).join(' OR ')})`);
      for (const c of checks) textParams.push(...(c.kind === 'phrase' ? [c.words, c.prefix ? 1 : 0] : [t.textColumn ? `${t.textColumn} : ${c.expr}` : c.expr]));
    }
    const joined = (parts: string[]) => (parts.length ? parts.join(' AND ') : '1');
    return { name: [joined(name), nameParams], text: [joined(text), textParams] };
  }

  function search(input: TieredSearchInput): TieredSearchOutput {
    const { tokens, offset, limit, term, syntax } = input;
    if (input.filters.impossible) return { total: 0, page: [] };
    const textOptions = { column: t.textColumn, expandPrefix, indexedPrefixLength: t.textPrefixIndexes };
    let filters = input.filters;
    let textFilters = filters;
    let phraseChecked = false;
    let fts: Pick<SyntaxQueries, 'exactNames' | 'namePrefix' | 'nameTokens' | 'anywhere'> | undefined;
    if (syntax) {
      const q = buildSyntaxQueries(syntax, t.nameColumn, textOptions);
      const conditions = syntaxConditions(q, syntax.clauses.length === 0);
      filters = withCondition(input.filters, ...conditions.name);
      textFilters = withCondition(input.filters, ...conditions.text);
      phraseChecked = q.phraseClauses.length > 0 || q.excludedPhrases.length > 0;
      // Only exclusions (`-legacy`): everything else, most popular first.
      if (!syntax.clauses.length) return browse({ ...input, filters });
      fts = q;
    } else {
      const plain = buildFtsQueries(tokens, t.nameColumn, textOptions);
      fts = plain && { ...plain, exactNames: [plain.exactName] };
    }
    if (!fts) return browse(input);

    const need = offset + limit;
    const seen = new Set<number>();
    const picked: RankedDoc[] = [];
    const take = (tier: number, found: number[]) => {
      for (const docId of found) {
        if (seen.has(docId) || picked.length >= need) continue;
        seen.add(docId);
        picked.push({ docId, tier });
      }
    };
    const want = () => need - picked.length + seen.size; // rows to read so that skipping `seen` still fills the page

    // Reference and column matches the word tiers may not see (a key's database and cluster words
    // are not indexed): read whole — a reference is one document or a few — and counted in total.
    const extra: number[] = [];
    const reference = term !== undefined ? t.reference?.(term) : undefined;
    if (reference) {
      const found = ids(`SELECT s.doc_id FROM ${t.docs} s WHERE ${reference.where} AND ${filters.sql} ORDER BY s.doc_id LIMIT ?`,
        [...reference.params, ...filters.params, want()]);
      take(6, found);
      extra.push(...found);
    }
    if (picked.length < need && fts.exactNames.length) {
      take(5, ids(`SELECT s.doc_id FROM ${t.docs} s WHERE s.name_norm IN (${fts.exactNames.map(() => '?').join(', ')}) AND ${filters.sql}
        ORDER BY s.doc_id LIMIT ?`, [...fts.exactNames, ...filters.params, want()]));
    }
    let nameTier: number[] | undefined; // every tier-3 match, when the tier-3 query read them all
    for (const [tier, expr] of [[4, fts.namePrefix], [3, fts.nameTokens]] as const) {
      if (picked.length >= need) break;
      const limit = want();
      const [sql, params] = nameMatches(expr, filters);
      const found = ids(`${sql} LIMIT ?`, [...params, limit]);
      take(tier, found);
      if (tier === 3 && found.length < limit) nameTier = found;
    }
    // A column named exactly as the term (case and accents aside): the column facet token the filters use, one
    // doclist walked in doc_id order.
    const column = t.columnFacets && !syntax && term?.trim();
    if (column && picked.length < need) {
      const limit = want();
      const [sql, params] = filtered(`${t.textColumn ? `${t.textColumn} : ` : ''}${quoteFts(facetToken('column', column))}`, filters, 'LIMIT ?');
      const found = ids(sql, [...params, limit]);
      take(2, found);
      if (found.length < limit) extra.push(...found);
    }

    // The text tier, and total_results. Every hit is a tier-3 (name) or a tier-1 (text) match, or a
    // reference or column match (`extra`: counted with the name matches). The
    // text tier usually finds them all, but not a name match whose earlier words were typed in part
    // ("cust ord"), nor one whose last word is a rare word beyond the prefix expansion. So the
    // first NAME_COUNT_BELOW text matches are listed (the page takes its share): fewer than that is
    // all of them, and the total is the size of their union with the first NAME_COUNT_BELOW tier-3
    // matches. More are counted up to the cap, name-only matches left out (the total is then at
    // least NAME_COUNT_BELOW). Either way the total does not depend on the page. With a residual
    // filter every text match costs a row read, so they are listed once, up to the cap.
    let total = 0;
    let textIds: number[] = [];
    if (fts.anywhere !== null) {
      const [sql, params] = filtered(fts.anywhere, textFilters, 'LIMIT ?', phraseChecked ? Math.max(PHRASE_CANDIDATES, want()) : undefined);
      const residual = textFilters.residualSql !== '1';
      const first = Math.max(residual ? TOTAL_RESULTS_CAP : NAME_COUNT_BELOW, want());
      textIds = ids(sql, [...params, first]);
      if (picked.length < need) take(1, textIds);
      total = textIds.length < first || residual
        ? Math.min(textIds.length, TOTAL_RESULTS_CAP)
        : count(`SELECT count(*) FROM (${sql})`, [...params, TOTAL_RESULTS_CAP]);
    }
    if (total < NAME_COUNT_BELOW) {
      const [sql, params] = nameMatches(fts.nameTokens, filters);
      const names = nameTier ?? ids(`${sql} LIMIT ?`, [...params, NAME_COUNT_BELOW]);
      const union = new Set(textIds);
      for (const docId of names.slice(0, NAME_COUNT_BELOW)) union.add(docId);
      for (const docId of extra) union.add(docId);
      total = union.size;
    }
    return { total: Math.max(total, picked.length), page: picked.slice(offset, need) };
  }

  return { search };
}

export type TieredSearch = ReturnType<typeof createTieredSearch>;

/**
 * The words a typed prefix stands for in the text tier: the word itself if it is indexed, then the
 * most common words starting with the prefix, MAX_PREFIX_EXPANSION in all. Short prefixes scan many
 * vocabulary rows, so answers are cached until the database changes.
 */
function createPrefixExpander(db: CatalogDatabase, vocabulary: string, readVersion: () => string) {
  const common = db.prepare(
    `SELECT term FROM ${vocabulary} WHERE term >= ? AND term < ? ORDER BY docs DESC, term LIMIT ${MAX_PREFIX_EXPANSION}`).pluck();
  const exact = db.prepare(`SELECT 1 FROM ${vocabulary} WHERE term = ?`).pluck();
  let cache = new Map<string, string[]>();
  let cachedVersion = '';
  return (prefix: string): string[] => {
    const version = readVersion();
    if (version !== cachedVersion || cache.size >= 1000) {
      cache = new Map();
      cachedVersion = version;
    }
    let words = cache.get(prefix);
    if (!words) {
      words = common.all(prefix, `${prefix}\u{10FFFF}`) as string[];
      if (!words.includes(prefix) && exact.get(prefix)) words = [prefix, ...words.slice(0, MAX_PREFIX_EXPANSION - 1)];
      cache.set(prefix, words);
    }
    return words;
  };
}
