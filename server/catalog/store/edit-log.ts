// The edit log: one row per metadata write that changed something (who, when, which resource, which
// field, the value before and after as JSON). Writers call `record` inside their own transaction, so
// the log and the change commit together or not at all.
import type { Statement } from 'better-sqlite3';
import type { CatalogDatabase } from './open-catalog-database';

export type EditResourceType = 'table' | 'column' | 'type_metadata' | 'dashboard' | 'user' | 'ingest';
export type EditAction = 'update' | 'add' | 'remove' | 'create';

export interface EditRecord {
  resource_key: string;
  /** The table or dashboard the edit belongs to (a column's or nested type's table); none for users and ingests. */
  parent_key?: string | null;
  resource_type: EditResourceType;
  action: EditAction;
  field: string;
  before: unknown;
  after: unknown;
  /** Who made the change (the caller's email, else their token subject). */
  user_id: string;
}

export interface EditEntry extends Omit<EditRecord, 'parent_key'> {
  id: number;
  parent_key: string | null;
  edited_at: string;
  /** The editor's name as the catalog knows it (display name, else full name); null when unknown. */
  user_display_name: string | null;
}

export interface EditQuery {
  resourceKey?: string;
  /** A table's or dashboard's edits with those of its columns and nested types. */
  parentKey?: string;
  /** One person's edits. */
  userId?: string;
  resourceTypes?: readonly EditResourceType[];
  /** Only edits of this field (`description`, `tag`, …). */
  field?: string;
  limit: number;
  /** Only edits with an id below this one (the previous page's last id). */
  before?: number;
}

/** The filters of an EditQuery, without its page: what `count` counts. */
export type EditFilter = Omit<EditQuery, 'limit' | 'before'>;

export interface EditLog {
  record(edit: EditRecord): void;
  list(query: EditQuery): EditEntry[];
  /** How many edits match the filters, all pages together. */
  count(filter: EditFilter): number;
}

interface EditRow extends Omit<EditEntry, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

export function createEditLog(db: CatalogDatabase): EditLog {
  const insert = db.prepare(`
    INSERT INTO edit_log (resource_key, parent_key, resource_type, action, field, before, after, user_id, edited_at)
    VALUES (@resource_key, @parent_key, @resource_type, @action, @field, @before, @after, @user_id, @edited_at)`);
  // One statement per combination of filters, so SQLite uses the index that filter has
  // (edit_log_by_resource, _by_parent, _by_user) instead of scanning the log for `? IS NULL OR …`.
  // The parent's and editor's indexes carry resource_type after id, so counting a table's or a person's
  // edits of some types reads only the index (migration 8; figures in docs/benchmarks.md).
  const statements = new Map<string, Statement>();
  const statementFor = (kind: 'list' | 'count', filters: readonly string[]) => {
    const signature = filters.join(' AND ');
    const where = filters.length ? `WHERE ${signature}` : '';
    let statement = statements.get(`${kind} ${signature}`);
    if (!statement) {
      statement = kind === 'count'
        ? db.prepare(`SELECT COUNT(*) FROM edit_log e ${where}`).pluck()
        : db.prepare(`
        SELECT e.id, e.resource_key, e.parent_key, e.resource_type, e.action, e.field, e.before, e.after, e.user_id, e.edited_at,
          COALESCE(NULLIF(u.display_name, ''), NULLIF(u.full_name, '')) AS user_display_name
        FROM edit_log e LEFT JOIN users u ON u.user_id = e.user_id
        ${where}
        ORDER BY e.id DESC LIMIT @limit`);
      statements.set(`${kind} ${signature}`, statement);
    }
    return statement;
  };
  /** The WHERE terms of the filters given, and their parameters (only those: better-sqlite3 refuses unused ones). */
  const filtersOf = ({ resourceKey, parentKey, userId, resourceTypes, field, before }: EditFilter & { before?: number }) => {
    const params = { key: resourceKey, parent: parentKey, user: userId, types: resourceTypes ? JSON.stringify(resourceTypes) : undefined, field, before };
    const filters = [
      params.key !== undefined && 'e.resource_key = @key',
      params.parent !== undefined && 'e.parent_key = @parent',
      params.user !== undefined && 'e.user_id = @user',
      params.types !== undefined && 'e.resource_type IN (SELECT value FROM json_each(@types))',
      params.field !== undefined && 'e.field = @field',
      params.before !== undefined && 'e.id < @before',
    ].filter((f): f is string => f !== false);
    const bound = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
    return { filters, bound };
  };
  const toJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

  return {
    record(edit) {
      insert.run({ ...edit, parent_key: edit.parent_key ?? null, before: toJson(edit.before), after: toJson(edit.after), edited_at: new Date().toISOString() });
    },
    list({ limit, ...query }) {
      const { filters, bound } = filtersOf(query);
      const rows = statementFor('list', filters).all({ ...bound, limit }) as EditRow[];
      return rows.map((r) => ({
        id: r.id,
        resource_key: r.resource_key,
        parent_key: r.parent_key,
        resource_type: r.resource_type,
        action: r.action,
        field: r.field,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        user_id: r.user_id,
        user_display_name: r.user_display_name,
        edited_at: r.edited_at,
      }));
    },
    count(filter) {
      const { filters, bound } = filtersOf({ ...filter, before: undefined });
      return statementFor('count', filters).get(bound) as number;
    },
  };
}
