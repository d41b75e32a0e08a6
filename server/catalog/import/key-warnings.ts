// The key warnings NDJSON ingest gives a table record on its line (a key that differs only in case
// from one the catalog has, a table name with a "/" whose key is also a column's, parts that read back
// otherwise), given by the importers for each table they import: the same check
// (../ingest/table-key-check.ts), listed in the report as `keyWarnings` and in the summary.
import type { TableCoordinates } from '../../../contract/table-key';
import type { TableKeyCheck } from '../ingest/table-key-check';

export interface KeyWarning {
  /** The table's key. */
  resource_key: string;
  /** The source object the table came from (a dbt node's unique_id, `schema.table`), when the source names one. */
  uniqueId?: string;
  message: string;
}

/** Checks one imported table's key (and notes it, for the other spellings that follow), adding its warnings to `into`. */
export function checkImportedKey(check: TableKeyCheck, parts: TableCoordinates, key: string, into: KeyWarning[], uniqueId?: string): void {
  for (const message of check.warnings(parts, key)) into.push({ resource_key: key, ...(uniqueId !== undefined ? { uniqueId } : {}), message });
  check.note(key);
}

/** The summary's lines (without their indent): how many, then the first `shown`, each under the object it came from. */
export function describeKeyWarnings(warnings: readonly KeyWarning[], shown = 20): string[] {
  if (!warnings.length) return [];
  const lines = [
    `${warnings.length} key ${warnings.length === 1 ? 'warning' : 'warnings'} (the ${warnings.length === 1 ? 'table loads' : 'tables load'} all the same):`,
    ...warnings.slice(0, shown).map((w) => `  ${w.uniqueId !== undefined ? `${w.uniqueId}: ` : ''}${w.message}`),
  ];
  if (warnings.length > shown) lines.push(`  … and ${warnings.length - shown} more (see the JSON report)`);
  return lines;
}
