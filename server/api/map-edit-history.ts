// The catalog's edit log (GET /edits) → the History tab's entries (contract/api-edits.ts EditEntry).
// The log's own field names (tag, owner, badge) become the contract's (tags, owners, badges); entries
// the page has no use for (bookmarks, profiles, ingests) are left out.
import type { EditEntry } from '../../contract/bff-api';
import type { CatalogEdit } from '../upstream/amundsen-schemas';
import { formatFieldPath, nestedFieldOfTypeKey } from '../../contract/nested-field-path';

const FIELDS: Record<string, EditEntry['field']> = { description: 'description', tag: 'tags', owner: 'owners', badge: 'badges' };
const ACTIONS = new Set<string>(['update', 'add', 'remove']);
const RESOURCE_TYPES = new Set<string>(['table', 'column', 'type_metadata', 'dashboard']);

/** A description's text, or a list of tags, owner ids or badge names. */
function toValue(value: unknown): EditEntry['before'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'string' ? item : String((item as { badge_name?: unknown } | null)?.badge_name ?? JSON.stringify(item))));
  }
  return JSON.stringify(value);
}

/**
 * What is named besides the resource: the column's name, or the nested type's path from its column
 * (`{table}/{column}/type/{column}/{child}` → `column.child`), written as search hits write it: a
 * name holding a dot quoted (`{table}/a.b/type/a.b/c` → "`a.b`.c", decision 067).
 */
function subjectOf(edit: CatalogEdit, parentKey: string): string | null {
  if (edit.resource_type !== 'column' && edit.resource_type !== 'type_metadata') return null;
  const rest = edit.resource_key.startsWith(`${parentKey}/`) ? edit.resource_key.slice(parentKey.length + 1) : edit.resource_key;
  if (edit.resource_type === 'column') return rest;
  const field = nestedFieldOfTypeKey(parentKey, edit.resource_key);
  if (field) return formatFieldPath([field.column, ...field.field]);
  const typePath = rest.indexOf('/type/');
  return typePath < 0 ? rest : rest.slice(typePath + '/type/'.length).replaceAll('/', '.');
}

export function toEditEntry(edit: CatalogEdit): EditEntry | null {
  const field = FIELDS[edit.field];
  if (!field || !ACTIONS.has(edit.action) || !RESOURCE_TYPES.has(edit.resource_type)) return null;
  const parentKey = edit.parent_key ?? edit.resource_key;
  return {
    id: String(edit.id),
    resource_type: edit.resource_type as EditEntry['resource_type'],
    resource_key: edit.resource_key,
    parent_key: parentKey,
    ...(edit.resource_type === 'dashboard' && edit.parent_name ? { parent_name: edit.parent_name } : {}),
    ...(field === 'owners' && edit.people ? { people: edit.people.map((p) => ({ user_id: p.user_id, display_name: p.display_name ?? null, is_active: p.is_active ?? true })) } : {}),
    subject: subjectOf(edit, parentKey),
    field,
    action: edit.action as EditEntry['action'],
    before: toValue(edit.before),
    after: toValue(edit.after),
    editor: { user_id: edit.user_id, display_name: edit.user_display_name ?? edit.user_id },
    edited_at: Date.parse(edit.edited_at),
  };
}
