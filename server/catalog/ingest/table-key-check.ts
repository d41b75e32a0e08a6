// The warnings a table record's key gets as it loads (describe-key-doubts.ts), with what they need
// from the catalog: NDJSON ingest gives them on the record's line, and the importers (dbt, database
// crawls, OpenLineage) for each table they import — one check, so the same key is warned of the same
// way whichever way it came.
import type { TableCoordinates } from '../../../contract/table-key';
import type { CatalogDatabase } from '../store/open-catalog-database';
import { describeCaseTwin, describeKeyShapeDoubts } from './describe-key-doubts';

export interface TableKeyCheck {
  /**
   * Warnings about `key`, built from `parts`: its shape (a "/" in the table name, parts that read
   * back otherwise) and a spelling that differs only in case, in the catalog or among the keys noted.
   */
  warnings(parts: TableCoordinates, key: string): string[];
  /** The spelling of `key`, differing only in case, that the catalog has or that was noted; undefined when none. */
  twin(key: string): string | undefined;
  /** Notes a key this load wrote (or, for a dry run, would write): a later other spelling of it is warned of. */
  note(key: string): void;
}

/**
 * A key's spelling not in lower case, by its (ASCII) lower-case spelling, other than the key itself.
 * Its terms are those of migration 10's partial index, so SQLite uses it: without it, a scan of the
 * tables per record.
 */
export const OTHER_CASE_SQL = 'SELECT key FROM tables WHERE lower(key) = ? AND key <> lower(key) AND key <> ? LIMIT 1';

/** `limit`: the most keys noted (a load of more is warned of only against the first ones and the catalog). */
export function createTableKeyCheck(db: CatalogDatabase, limit = 2_000_000): TableKeyCheck {
  const hasTable = db.prepare('SELECT 1 FROM tables WHERE key = ?').pluck();
  // A spelling not in lower case, by its lower-case one (migration 10's partial index): the catalog's
  // `Hive://Gold.Core/Orders` for a load's `hive://gold.core/orders`.
  const otherCase = db.prepare(OTHER_CASE_SQL).pluck();
  /** As SQLite's lower(): ASCII letters only. */
  const asciiLower = (key: string) => key.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  // The keys noted, by their lower-case spelling: two spellings of one key in a load are said
  // whichever comes first.
  const byLowerCase = new Map<string, string>();
  const twin = (key: string): string | undefined => {
    const lower = key.toLowerCase();
    const seen = byLowerCase.get(lower);
    if (seen !== undefined && seen !== key) return seen;
    if (lower !== key && hasTable.get(lower) !== undefined) return lower;
    return (otherCase.get(asciiLower(key), key) as string | undefined) ?? undefined;
  };
  return {
    warnings(parts, key) {
      const warnings = describeKeyShapeDoubts(parts, key);
      const other = twin(key);
      if (other !== undefined) warnings.push(describeCaseTwin(key, other));
      return warnings;
    },
    twin,
    note(key) {
      if (byLowerCase.size < limit) byLowerCase.set(key.toLowerCase(), key);
    },
  };
}
