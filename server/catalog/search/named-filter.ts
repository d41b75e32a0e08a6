// A term that finds nothing but is a table source (database), cluster or schema name — `snowflake`,
// `gold`, `sales` are not words of the tables' text (they are filters) — is answered with the tables
// of that filter, and `did_you_mean` says which filter: `database:snowflake`, which typed in the box
// is that filter (decision 072). Read only when a search found nothing (decision 097).
import type { CatalogDatabase } from '../store/open-catalog-database';
import { foldWord } from './search-terms';

export interface NamedFilter {
  /** The table filter's name, as the search request and the typed filters spell it. */
  field: 'database' | 'cluster' | 'schema';
  value: string;
}

export function createNamedFilterLookup(db: CatalogDatabase) {
  // `nansen_fold` is compile-filters.ts's: case and accents aside, as filters compare values. The
  // schemas table has one row per schema: a scan costs far less than the search that found nothing.
  const lookup = db.prepare(`
    SELECT field, value FROM (
      SELECT 'database' AS field, database AS value, 1 AS rank FROM schemas WHERE nansen_fold(database) = @value
      UNION ALL SELECT 'cluster', cluster, 2 FROM schemas WHERE nansen_fold(cluster) = @value
      UNION ALL SELECT 'schema', name, 3 FROM schemas WHERE nansen_fold(name) = @value)
    ORDER BY rank LIMIT 3`);
  return (term: string): NamedFilter[] => {
    const value = term.trim();
    if (!value || value.length > 200) return [];
    const found = lookup.all({ value: foldWord(value) }) as NamedFilter[];
    return found.filter((f, i) => found.findIndex((g) => g.field === f.field) === i);
  };
}

/** `field:value` as typed in the box (quoted when the value has a space or a quote). */
export function typedFilter({ field, value }: NamedFilter): string {
  return /[\s"]/u.test(value) ? `${field}:"${value.replaceAll('"', '')}"` : `${field}:${value}`;
}
