// Turns Amundsen search filters into one SQL predicate over `table_search s`. Values are ES-style
// wildcard patterns (`*`, `?`), matched case-insensitively via GLOB on lower-cased columns.
// Filter names the table index does not know are ignored, as Amundsen does.
import type { SearchFilter } from './parse-search-request';

const SCALAR_FIELDS: Record<string, string> = {
  database: 's.database_lc',
  cluster: 's.cluster_lc',
  schema: 's.schema_lc',
  table: 's.name_lc',
  key: 's.key_lc',
  description: 'lower(s.description)',
};
/** Multi-valued fields, stored one value per row in table_search_values. */
const LIST_FIELDS = new Set(['tag', 'badges', 'column']);

export interface SqlPredicate {
  sql: string; // "1" when there is nothing to filter
  params: string[];
}

export function convertWildcardToGlob(pattern: string): string {
  // `[` starts a character class in GLOB; everything else maps 1:1 (`*`, `?`).
  return pattern.toLowerCase().replace(/\[/g, '[[]');
}

export function compileTableFilters(filters: readonly SearchFilter[]): SqlPredicate {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const filter of filters) {
    const values = filter.values.filter((v) => v !== '');
    if (!values.length) continue;
    const joiner = filter.operation === 'AND' ? ' AND ' : ' OR ';
    if (filter.name === 'resource_type') {
      const matches = values.map((v) => globMatches(convertWildcardToGlob(v), 'table'));
      const ok = filter.operation === 'AND' ? matches.every(Boolean) : matches.some(Boolean);
      if (!ok) clauses.push('0');
      continue;
    }
    const column = SCALAR_FIELDS[filter.name];
    if (column) {
      clauses.push(`(${values.map(() => `${column} GLOB ?`).join(joiner)})`);
      params.push(...values.map(convertWildcardToGlob));
    } else if (LIST_FIELDS.has(filter.name)) {
      const lookup = `s.table_id IN (SELECT v.table_id FROM table_search_values v WHERE v.field = ? AND v.value GLOB ?)`;
      if (filter.operation === 'AND') {
        // Every value must match some element of the list (possibly different elements).
        clauses.push(`(${values.map(() => lookup).join(' AND ')})`);
        for (const v of values) params.push(filter.name, convertWildcardToGlob(v));
      } else {
        clauses.push(
          `s.table_id IN (SELECT v.table_id FROM table_search_values v WHERE v.field = ? AND (${values.map(() => 'v.value GLOB ?').join(' OR ')}))`,
        );
        params.push(filter.name, ...values.map(convertWildcardToGlob));
      }
    }
  }
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params };
}

function globMatches(glob: string, text: string): boolean {
  const regex = glob.replace(/\[\[\]|[.+^${}()|\\]|\*|\?/g, (m) => (m === '*' ? '.*' : m === '?' ? '.' : m === '[[]' ? '\\[' : `\\${m}`));
  return new RegExp(`^${regex}$`).test(text);
}
