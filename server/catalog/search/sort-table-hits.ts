// Table hits in another order than relevance (decision 107): by name, or most recently updated first.
// The tiers (tiered-search.ts) give the matches in relevance order and stop at SORT_CANDIDATES; those
// are then ordered here and the page is cut from them, in one query over their ids. So the cost is
// bounded whatever the catalog's size: a term with more matches than that orders its SORT_CANDIDATES
// most relevant ones (total_results says "at least" then, as it does at TOTAL_RESULTS_CAP).
import type { Statement } from 'better-sqlite3';
import type { TableSearchSort } from '../../../contract/search-sort';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { ROW_ID_SPAN } from './search-terms';
import { TOTAL_RESULTS_CAP, type RankedDoc } from './tiered-search';

/** How many of the most relevant matches a sorted search orders: as many as total_results counts. */
export const SORT_CANDIDATES = TOTAL_RESULTS_CAP;

// Name: `name_norm` is the name's words, lower-cased and without accents (search-terms.ts), so
// `Orders`, `orders_daily` and `órders` sort as people read them. Last updated: the metadata's own
// column, read by the table's row id (the low part of a doc_id, search-terms.ts rowIdOfDoc) — no
// search-document column, so no migration; 10 000 lookups take ~15 ms at 100 k tables, where going
// through the document row too took ~40 ms. Ties (one name in several schemas) and tables never
// updated go by popularity (doc_id order), as in relevance.
const SQL: Record<TableSearchSort, string> = {
  name: `SELECT s.doc_id FROM json_each(?) j JOIN table_search s ON s.doc_id = j.value
    ORDER BY s.name_norm, s.name, s.doc_id LIMIT ? OFFSET ?`,
  last_updated: `SELECT j.value FROM json_each(?) j JOIN tables t ON t.id = j.value % ${ROW_ID_SPAN}
    ORDER BY t.last_updated_timestamp IS NULL, t.last_updated_timestamp DESC, j.value LIMIT ? OFFSET ?`,
};

export function createTableHitSorter(db: CatalogDatabase) {
  const statements = Object.fromEntries(Object.entries(SQL).map(([sort, sql]) => [sort, db.prepare<unknown[]>(sql).pluck()])) as
    Record<TableSearchSort, Statement<unknown[]>>;

  /** The page at `offset` of `matches` (relevance order, at most SORT_CANDIDATES) in `sort` order; tiers kept for the scores. */
  return (matches: readonly RankedDoc[], sort: TableSearchSort, offset: number, limit: number): RankedDoc[] => {
    if (offset >= matches.length) return [];
    const tiers = new Map(matches.map((m) => [m.docId, m.tier]));
    const ids = statements[sort].all(JSON.stringify([...tiers.keys()]), limit, offset) as number[];
    return ids.map((docId) => ({ docId, tier: tiers.get(docId) ?? 0 }));
  };
}
