// Table search over the index that the store keeps in step (table_search + table_search_fts).
//
// Ranking is tiered and top-k from the start; nothing ranks every match:
//   tier 4  exact name (B-tree lookup on name_lc)
//   tier 3  name starts with the query tokens       (FTS5 `name : ^"a b"*`)
//   tier 2  every query token starts a name token    (FTS5 `name : ("a"* AND "b"*)`)
//   tier 1  every query token prefix-matches a token of name, schema, description, column names,
//           tags or badges
// Within a tier, rows come in doc_id order, which IS popularity order (doc_id = inverted quantised
// popularity << 32 | table_id), so each tier query walks the FTS doclist and stops after the rows
// the page needs. Tiers are taken in turn, excluding ids already collected, until offset + limit.
//
// total_results: exact for an unfiltered browse; otherwise the number of matches counted up to
// TOTAL_RESULTS_CAP (10 000, like Elasticsearch's default track_total_hits) — a value equal to the
// cap means "at least this many".
import type { CatalogDatabase } from '../store/open-catalog-database';
import { buildFtsQueries } from './build-fts-query';
import { compileTableFilters } from './compile-table-filters';
import type { SearchFilter } from './parse-search-request';

export const TOTAL_RESULTS_CAP = 10_000;

export interface TableSearchHit {
  key: string;
  description: string | null;
  badges: string[];
  tag: string[];
  schema: string;
  table: string;
  column: string[];
  database: string;
  cluster: string;
  resource_type: 'table';
  search_score: number;
  highlight: Record<string, string[]>;
}

export interface TableSearchQuery {
  queryTerm: string;
  filters: readonly SearchFilter[];
  pageIndex: number;
  resultsPerPage: number;
}

export interface TableSearchResult {
  total_results: number;
  results: TableSearchHit[];
}

interface DocRow {
  table_id: number;
  key: string;
  description: string | null;
  badge_names: string;
  tag_names: string;
  schema_name: string;
  name: string;
  column_names: string;
  database: string;
  cluster: string;
  popularity: number;
}

export function createTableSearch(db: CatalogDatabase) {
  const statements = new Map<string, ReturnType<CatalogDatabase['prepare']>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 256) statements.clear(); // filter shapes vary; keep the cache bounded
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const countAll = db.prepare('SELECT count(*) FROM table_search').pluck();
  const docsByIds = db.prepare(`
    SELECT table_id, key, description, badge_names, tag_names, schema_name, name, column_names, database, cluster, popularity
    FROM table_search WHERE table_id IN (SELECT value FROM json_each(?))`);

  function searchTables(query: TableSearchQuery): TableSearchResult {
    const filter = compileTableFilters(query.filters);
    const offset = query.pageIndex * query.resultsPerPage;
    const need = offset + query.resultsPerPage;
    const fts = buildFtsQueries(query.queryTerm);

    const picked: { id: number; tier: number }[] = [];
    let total: number;

    if (!fts) {
      const ids = prepare(
        `SELECT s.table_id FROM table_search s WHERE ${filter.sql} ORDER BY s.doc_id LIMIT ? OFFSET ?`,
      ).pluck().all(...filter.params, query.resultsPerPage, offset) as number[];
      for (const id of ids) picked.push({ id, tier: 0 });
      total = filter.sql === '1'
        ? (countAll.get() as number)
        : (prepare(`SELECT count(*) FROM (SELECT 1 FROM table_search s WHERE ${filter.sql} LIMIT ${TOTAL_RESULTS_CAP})`)
            .pluck().get(...filter.params) as number);
    } else {
      const seen = new Set<number>();
      const collect = (tier: number, sql: string, params: unknown[]) => {
        if (seen.size >= need) return;
        const ids = prepare(sql).pluck().all(...params, JSON.stringify([...seen]), need - seen.size) as number[];
        for (const id of ids) {
          seen.add(id);
          picked.push({ id, tier });
        }
      };
      const exclude = 's.table_id NOT IN (SELECT value FROM json_each(?))';
      collect(4, `SELECT s.table_id FROM table_search s WHERE s.name_lc = ? AND ${filter.sql} AND ${exclude} ORDER BY s.doc_id LIMIT ?`,
        [fts.exactName, ...filter.params]);
      const ftsTier = `SELECT s.table_id FROM table_search_fts f JOIN table_search s ON s.doc_id = f.rowid
        WHERE table_search_fts MATCH ? AND ${filter.sql} AND ${exclude} ORDER BY f.rowid LIMIT ?`;
      collect(3, ftsTier, [fts.namePrefix, ...filter.params]);
      collect(2, ftsTier, [fts.nameTokens, ...filter.params]);
      collect(1, ftsTier, [fts.anywhere, ...filter.params]);
      total = (filter.sql === '1'
        ? prepare(`SELECT count(*) FROM (SELECT 1 FROM table_search_fts WHERE table_search_fts MATCH ? LIMIT ${TOTAL_RESULTS_CAP})`)
            .pluck().get(fts.anywhere)
        : prepare(`SELECT count(*) FROM (SELECT 1 FROM table_search_fts f JOIN table_search s ON s.doc_id = f.rowid
            WHERE table_search_fts MATCH ? AND ${filter.sql} LIMIT ${TOTAL_RESULTS_CAP})`).pluck().get(fts.anywhere, ...filter.params)) as number;
      // An exact-name hit is always an FTS hit too, but keep total ≥ what we return.
      total = Math.max(total, picked.length);
    }

    const page = fts ? picked.slice(offset, need) : picked;
    const rows = new Map(
      (docsByIds.all(JSON.stringify(page.map((p) => p.id))) as DocRow[]).map((r) => [r.table_id, r]),
    );
    const results: TableSearchHit[] = [];
    for (const { id, tier } of page) {
      const r = rows.get(id);
      if (!r) continue;
      results.push({
        key: r.key,
        description: r.description,
        badges: JSON.parse(r.badge_names) as string[],
        tag: JSON.parse(r.tag_names) as string[],
        schema: r.schema_name,
        table: r.name,
        column: JSON.parse(r.column_names) as string[],
        database: r.database,
        cluster: r.cluster,
        resource_type: 'table',
        // Tier first, popularity as the fraction: scores fall monotonically down the result list.
        search_score: Number((tier + r.popularity / (r.popularity + 1)).toFixed(6)),
        highlight: {},
      });
    }
    return { total_results: total, results };
  }

  return { searchTables };
}

export type TableSearch = ReturnType<typeof createTableSearch>;
