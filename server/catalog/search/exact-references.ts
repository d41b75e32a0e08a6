// A query term that names one resource exactly — the key a table or dashboard page shows
// (`hive://gold.sales/orders`, `mode_dashboard://gold.finance/42`), or a table's dotted name
// (`sales.orders`, `gold.sales.orders`) — finds it first (tiered-search.ts, the reference tier).
// The word tiers cannot: a key's database and cluster words are not in the text index, and every
// word of a query must match. Each lookup is a condition on the document row (alias `s`) that
// SQLite answers from a unique index (the key) or the name index (`name_norm`).
import { normalizeName } from './search-terms';

export interface ReferenceLookup {
  /** SQL condition on the document row `s`. */
  where: string;
  params: unknown[];
}

/** Amundsen's keys: `{database}://{cluster}.{schema}/{table}`, `{product}_dashboard://{cluster}.{group}/{id}`. */
const KEY = /^[^\s:/]+:\/\/\S+$/;
/** `schema.table` or `cluster.schema.table` / `database.schema.table`: two or three dotted parts. */
const DOTTED = /^[^\s./:]+(?:\.[^\s./:]+){1,2}$/;

/** Keys are stored as written; a key pasted in other letters is tried lower-cased too. */
const keyParams = (term: string) => [term, term.toLowerCase()];

export function tableReference(queryTerm: string): ReferenceLookup | undefined {
  const term = queryTerm.trim();
  if (KEY.test(term)) {
    return { where: 's.table_id IN (SELECT id FROM tables WHERE key IN (?, ?))', params: keyParams(term) };
  }
  if (!DOTTED.test(term)) return undefined;
  const parts = term.split('.');
  const [table, schema] = [parts.pop()!, parts.pop()!];
  const norm = normalizeName(table);
  if (!norm) return undefined;
  const where = ['s.name_norm = ?', 's.name = ? COLLATE NOCASE', 's.schema_name = ? COLLATE NOCASE'];
  const params: unknown[] = [norm, table, schema];
  if (parts.length) {
    where.push('(s.cluster = ? COLLATE NOCASE OR s.database = ? COLLATE NOCASE)');
    params.push(parts[0], parts[0]);
  }
  return { where: where.join(' AND '), params };
}

export function dashboardReference(queryTerm: string): ReferenceLookup | undefined {
  const term = queryTerm.trim();
  if (!KEY.test(term)) return undefined;
  return { where: 's.dashboard_id IN (SELECT id FROM dashboards WHERE key IN (?, ?))', params: keyParams(term) };
}
