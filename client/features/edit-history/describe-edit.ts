// What an edit-log entry means in words: which field it changed ("Description of column order_id"),
// which values a tag or owner edit added and removed, and which resource it belongs to.
import type { EditEntry } from '../../../contract/api-edits';
import { parseTableKey } from '../../../contract/table-key';
import { nestedFieldLinkOptions, nestedFieldOfTypeKey } from '../../../contract/nested-field-path';
import { dashboardPath, tablePath } from '../../app/paths';

const FIELD_NAMES: Record<EditEntry['field'], string> = { description: 'Description', tags: 'Tags', owners: 'Owners', badges: 'Badges' };

/** "Description", "Tags", "Description of column order_id", "Description of nested type address.city". */
export function describeField(entry: Pick<EditEntry, 'field' | 'resource_type' | 'subject'>): string {
  const field = FIELD_NAMES[entry.field];
  if (!entry.subject) return field;
  if (entry.resource_type === 'column') return `${field} of column ${entry.subject}`;
  if (entry.resource_type === 'type_metadata') return `${field} of nested type ${entry.subject}`;
  return field;
}

const asList = (value: EditEntry['before']): string[] => (value === null ? [] : typeof value === 'string' ? [value] : value);

/** The values a tag, owner or badge edit added and removed (the log keeps the whole list before and after). */
export function listChange(entry: Pick<EditEntry, 'before' | 'after'>): { added: string[]; removed: string[] } {
  const before = asList(entry.before);
  const after = asList(entry.after);
  return { added: after.filter((v) => !before.includes(v)), removed: before.filter((v) => !after.includes(v)) };
}

/** A description's text before or after, or null (a list where a text was expected counts as lines). */
export function textOf(value: EditEntry['before']): string | null {
  return value === null ? null : typeof value === 'string' ? value : value.join('\n');
}

/**
 * The table or dashboard an edit belongs to: its name and page (a column edit opens that column, a
 * nested type's its column and the field, read from the type's key: decision 067).
 * A dashboard is named as the catalog names it; when the entry has no name (a dashboard since removed,
 * an older BFF), by the last part of its uri.
 */
export function resourceOf(entry: Pick<EditEntry, 'resource_type' | 'parent_key' | 'subject' | 'parent_name'> & Partial<Pick<EditEntry, 'resource_key'>>): { name: string; path: string } {
  if (entry.resource_type === 'dashboard') {
    const name = entry.parent_name || entry.parent_key.split('/').pop() || entry.parent_key;
    return { name, path: dashboardPath(entry.parent_key) };
  }
  const table = parseTableKey(entry.parent_key);
  const name = table ? `${table.schema}.${table.name}` : entry.parent_key;
  if (entry.resource_type === 'type_metadata' && entry.resource_key) {
    const field = nestedFieldOfTypeKey(entry.parent_key, entry.resource_key);
    if (field) return { name, path: tablePath(entry.parent_key, nestedFieldLinkOptions(field)) };
  }
  const column = entry.resource_type === 'column' && entry.subject ? entry.subject : undefined;
  return { name, path: tablePath(entry.parent_key, column ? { column } : {}) };
}
