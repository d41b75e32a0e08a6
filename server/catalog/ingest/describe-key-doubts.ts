// Warnings about a table record's key that load it all the same — the record is the truth (a key
// is what the source says) — but tell the person on its line that the key may not mean what they
// think: Amundsen's keys (API.md §1) are plain strings, case-sensitive, split at "://", the last "."
// before the first "/" after it, and that "/".
import { parseTableKey, type TableCoordinates } from '../../../contract/table-key';

/**
 * Doubts about `key`, built from `parts`, that need nothing but the record: a "/" in the table name
 * makes the key equal to a column's key, and a "." in the schema (or a "/" in the cluster or schema)
 * makes the key read back as other parts than the record's.
 */
export function describeKeyShapeDoubts(parts: TableCoordinates, key: string): string[] {
  const doubts: string[] = [];
  const parsed = parseTableKey(key);
  const same = parsed !== null && (['database', 'cluster', 'schema', 'name'] as const).every((p) => parsed[p] === parts[p]);
  if (!same) {
    const readBack = parsed
      ? `database "${parsed.database}", cluster "${parsed.cluster}", schema "${parsed.schema}", name "${parsed.name}"`
      : 'no table key';
    doubts.push(
      `the key "${key}" reads back as ${readBack}, not as this record's parts (a "." in the schema or a "/" in the database, cluster or schema ` +
        'moves where Amundsen\'s keys split): the table page and references by key find it under those parts',
    );
  }
  const slash = parts.name.lastIndexOf('/');
  if (same && slash > 0 && slash < parts.name.length - 1) {
    const table = `${parts.database}://${parts.cluster}.${parts.schema}/${parts.name.slice(0, slash)}`;
    doubts.push(
      `table name "${parts.name}" has a "/": its key "${key}" is also the key of column "${parts.name.slice(slash + 1)}" of table "${table}" ` +
        '(Amundsen\'s keys cannot tell the two apart: column lineage and links by that key may mean either)',
    );
  }
  return doubts;
}

/** The warning for a table key that differs only in case from one the catalog has. */
export function describeCaseTwin(key: string, twin: string): string {
  return `table key "${key}" differs only in case from "${twin}", which the catalog has: keys are case-sensitive, so this is a second table beside it ` +
    '(the importers write keys in lower case; to update that table, write its key as the catalog has it)';
}
