// What `--prune` removes, named, and what people wrote on it. A pruned table or dashboard goes whole:
// its descriptions, tags, badges and owners — a person's among them — with it. The edit log is not
// touched (it has no tie to the rows), so each person's entry stays: their profile's Edits tab lists
// it, and the catalog's GET /edits?parent_key=KEY. The removed table has no page, and with it no
// History tab, until an import brings the key back. The importers' summaries say all that, with the
// keys removed, so a prune that took people's work is never only a count.
import type { CatalogDatabase } from '../store/open-catalog-database';
import type { PersonsEdit } from './dropped-edits';
import { IMPORT_EDITOR_PREFIXES } from './import-state';
import { count, listFirst } from './list-first';
import { PROTECTED_FIELDS, type ProtectedField } from './read-catalog-state';

/** A field of a removed table (its columns, nested fields) or dashboard whose value a person wrote. */
export interface PrunedEdit {
  resource_key: string;
  resource_type: 'table' | 'column' | 'type_metadata' | 'dashboard';
  /** The table or dashboard removed. */
  parent_key: string;
  field: ProtectedField;
  /** Who wrote it (the edit log's user_id). */
  edited_by: string;
}

/** The keys of the tables and dashboards a prune removes (a dry run: would remove). */
export interface RemovedKeys {
  tables: string[];
  dashboards: string[];
}

/**
 * The fields of the tables and dashboards in `removed` that hold a person's value (the guard's rule:
 * their latest edit in the edit log is a person's, newer than the import's last write of the field).
 */
export function findPrunedEdits(db: CatalogDatabase, removed: RemovedKeys, personsEdit: PersonsEdit): PrunedEdit[] {
  const byPeople = IMPORT_EDITOR_PREFIXES.map((prefix) => `AND user_id NOT LIKE '${prefix}%'`).join(' ');
  const fields = db.prepare(`SELECT DISTINCT resource_key, resource_type, field FROM edit_log
    WHERE parent_key = ? AND resource_type IN ('table', 'column', 'type_metadata', 'dashboard')
      AND field IN (${PROTECTED_FIELDS.map((f) => `'${f}'`).join(', ')}) ${byPeople}
    ORDER BY resource_key, field`);
  const edits: PrunedEdit[] = [];
  for (const parent_key of [...removed.tables, ...removed.dashboards]) {
    for (const row of fields.all(parent_key) as { resource_key: string; resource_type: PrunedEdit['resource_type']; field: ProtectedField }[]) {
      const edit = personsEdit(row.resource_key, row.field);
      if (edit) edits.push({ ...row, parent_key, edited_by: edit.user_id });
    }
  }
  return edits;
}

/**
 * The summary's lines (without their indent) on what went with what a prune removed, or none when it
 * removed no table or dashboard: how many fields people wrote, by whom, and where their words stay.
 */
export function describePrunedEdits(removed: RemovedKeys, edits: readonly PrunedEdit[], dryRun: boolean): string[] {
  const gone = removed.tables.length + removed.dashboards.length;
  if (gone === 0) return [];
  const went = dryRun ? 'would go with them' : 'removed with them';
  if (!edits.length) return [`${went}: no field people edited in Nansen`];
  const people = [...new Set(edits.map((e) => e.edited_by))];
  const first = edits[0];
  return [
    `${went}: ${count(edits.length, 'field')} people edited in Nansen, by ${listFirst(people, 3)} ` +
      `(first: ${first.field} of ${first.resource_key} by ${first.edited_by})`,
    '  their entries stay in the edit log (each person\'s profile, Edits tab; the catalog\'s GET /edits?parent_key=KEY); ' +
      'a removed table\'s or dashboard\'s page goes, and its History tab with it; a backup taken before the prune (npm run catalog:backup) has it whole',
  ];
}

/** `removed: KEY, KEY, … and N more (see the JSON report)`, for each kind of which something was removed. */
export const removedLine = (keys: readonly string[], dryRun: boolean) => `${dryRun ? 'would remove' : 'removed'}: ${listFirst(keys)}`;
