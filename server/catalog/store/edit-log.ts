// The edit log: one row per metadata write that changed something (who, when, which resource, which
// field, the value before and after as JSON). Writers call `record` inside their own transaction, so
// the log and the change commit together or not at all.
import type { CatalogDatabase } from './open-catalog-database';

export type EditResourceType = 'table' | 'column' | 'type_metadata' | 'dashboard' | 'user' | 'ingest';
export type EditAction = 'update' | 'add' | 'remove' | 'create';

export interface EditRecord {
  resource_key: string;
  resource_type: EditResourceType;
  action: EditAction;
  field: string;
  before: unknown;
  after: unknown;
  /** Who made the change (the caller's email, else their token subject). */
  user_id: string;
}

export interface EditEntry extends EditRecord {
  id: number;
  edited_at: string;
}

export interface EditQuery {
  resourceKey?: string;
  limit: number;
  /** Only edits with an id below this one (the previous page's last id). */
  before?: number;
}

export interface EditLog {
  record(edit: EditRecord): void;
  list(query: EditQuery): EditEntry[];
}

interface EditRow extends Omit<EditEntry, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

export function createEditLog(db: CatalogDatabase): EditLog {
  const insert = db.prepare(`
    INSERT INTO edit_log (resource_key, resource_type, action, field, before, after, user_id, edited_at)
    VALUES (@resource_key, @resource_type, @action, @field, @before, @after, @user_id, @edited_at)`);
  const select = db.prepare(`
    SELECT id, resource_key, resource_type, action, field, before, after, user_id, edited_at FROM edit_log
    WHERE (@key IS NULL OR resource_key = @key) AND (@before IS NULL OR id < @before)
    ORDER BY id DESC LIMIT @limit`);
  const toJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

  return {
    record(edit) {
      insert.run({ ...edit, before: toJson(edit.before), after: toJson(edit.after), edited_at: new Date().toISOString() });
    },
    list({ resourceKey, limit, before }) {
      const rows = select.all({ key: resourceKey ?? null, before: before ?? null, limit }) as EditRow[];
      return rows.map((r) => ({
        id: r.id,
        resource_key: r.resource_key,
        resource_type: r.resource_type,
        action: r.action,
        field: r.field,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        user_id: r.user_id,
        edited_at: r.edited_at,
      }));
    },
  };
}
